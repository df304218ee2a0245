package org.veristep.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Long flat answers are graded (their value is exact), genuinely deep ones are undecided with a
 * bounded "too costly" reason; on a thread with the JVM's default 1 MiB stack, on which the grader
 * said "too costly: nesting too deep" (a stack overflow) for a sum of 3,000 ones before (see {@code
 * FlatChainTest}).
 */
class LongAnswerTest {

    private static Grade onDefaultStack(AnswerGrader grader, String gold, String pred) throws InterruptedException {
        AtomicReference<Grade> grade = new AtomicReference<>();
        Thread t = new Thread(null, () -> grade.set(grader.check(gold, pred)), "default-stack", 1024 * 1024);
        t.start();
        t.join();
        return grade.get();
    }

    private static String ones(int terms) {
        return "1" + "+1".repeat(terms - 1);
    }

    @Test
    void aBoxedSumOf3000OnesIs3000() throws InterruptedException {
        String sum = ones(3_000); // 5,999 chars: within the default 10,000-char answer bound
        Grade g = onDefaultStack(AnswerGrader.defaults(), "3000", "So the total is $\\boxed{" + sum + "}$.");
        assertTrue(g.isEquivalent(), g.reason());
        assertEquals("equal exact values 3000", g.reason());
        // as the gold answer too, and against a wrong count
        assertTrue(onDefaultStack(AnswerGrader.defaults(), sum, "3000").isEquivalent());
        Grade wrong = onDefaultStack(AnswerGrader.defaults(), sum, "2999");
        assertEquals("different exact values 3000 and 2999", wrong.reason());
        // its vote key is its value
        assertEquals("3000", AnswerGrader.answerKey("\\boxed{" + sum + "}"));
    }

    @Test
    void aSumOf100000OnesIs100000WhenTheBoundsAllowIt() throws InterruptedException {
        String boxed = "\\boxed{" + ones(100_000) + "}"; // 200,007 chars
        Grade refused = onDefaultStack(AnswerGrader.defaults(), "100000", boxed);
        assertInstanceOf(Outcome.Undecided.class, refused.outcome());
        assertEquals("too costly: input longer than 200000 chars", refused.reason());
        GradingOptions roomy = new GradingOptions(Duration.ofSeconds(5), 1e-9, true, 300_000, 250_000, 20240601L);
        Grade g = onDefaultStack(new AnswerGrader(roomy), "100000", boxed);
        assertEquals("equal exact values 100000", g.reason());
        // the parser's input bound follows the grader's answer bound (above: 250,000 > the parser's
        // default 100,000); the 199,999-char answer is refused by a 199,998-char bound
        GradingOptions tight = new GradingOptions(Duration.ofSeconds(5), 1e-9, true, 300_000, 199_998, 20240601L);
        Grade tooLong = onDefaultStack(new AnswerGrader(tight), "100000", boxed);
        assertEquals("too costly: answer longer than 199998 chars", tooLong.reason());
    }

    @Test
    void deepNestingIsUndecidedNotACrash() throws InterruptedException {
        String deep = "(".repeat(4_000) + "1" + ")".repeat(4_000);
        Grade g = onDefaultStack(AnswerGrader.defaults(), "1", "\\boxed{" + deep + "}");
        assertInstanceOf(Outcome.Undecided.class, g.outcome());
        assertEquals("too costly: nesting deeper than 200", g.reason());
        Grade gold = onDefaultStack(AnswerGrader.defaults(), deep, "1");
        assertEquals("too costly: nesting deeper than 200", gold.reason());
    }
}
