package org.veristep.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The known mistakes of public graders (issue 3), each decided by hand. */
class AnswerGraderTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // exact arithmetic: tiny and huge values, no rounding
                "\\frac{1}{2004!} | \\frac{1}{2006!} | false",
                "\\frac{1}{2004!} | \\frac{2005 \\cdot 2006}{2006!} | true",
                "100000 | 100001 | false",
                "2^{100} | 1267650600228229401496703205376 | true",
                "2^{100} | 1267650600228229401496703205377 | false",
                // ordered tuples are not sets; sets are unordered
                "(1, 2) | (2, 1) | false",
                "\\{1, 2\\} | \\{2, 1\\} | true",
                // intervals respect open and closed ends
                "[0, 1) | [0, 1] | false",
                "(-\\infty, 3] | x \\le 3 | true",
                // equations as equations
                "2x + 4y = 6 | x + 2y = 3 | true",
                "y = 2x + 1 | 2x - y + 1 = 0 | true",
                "x + 2y = 3 | x + 2y = 4 | false",
                "x < 1 | -x > -1 | true",
                // algebra
                "(x+1)^2 | x^2 + 2x + 1 | true",
                "\\sqrt{8} | 2\\sqrt{2} | true",
                "\\frac{\\sqrt{3}}{3} | \\frac{1}{\\sqrt{3}} | true",
                "x^2 + 1 | y^2 + 1 | false",
                "abs(x) | x | false",
                "\\sqrt{x^2} | abs(x) | true",
                "\\ln(x^2) | 2\\ln(x) | true",
                // malformed input fails closed
                "4 | 4\\sqrt(2) | false",
                "4 | 4\\sqrt{2 | false",
                // gold without $...$ is fine
                "\\frac{1}{2} | The answer is $\\boxed{0.5}$. | true",
                // percent: p% matches p and p/100
                "28\\% | 28 | true",
                "28\\% | 0.28 | true",
                "28\\% | 2.8 | false",
                // decimals to the precision shown; integers exactly
                "\\frac{2}{3} | 0.67 | true",
                "\\frac{2}{3} | 0.66 | false",
                "\\frac{1}{3} | 0.33 | true",
                "\\frac{1}{3} | 0.3 | false",
                "0.5 | 0.45 | false",
                "0.29 | 0.2902435 | true",
                "\\pi | 3.14 | true",
                "\\pi | 3.15 | false",
                "1000 | 1,000 | true",
                // units and currency are decoration
                "15 | 15\\text{ cm}^2 | true",
                "\\$7.50 | 7.5 | true",
                // letters are not stripped out of answers
                "2 | AZYUK2A | false",
                // the last of several boxes counts
                "5 | First \\boxed{3}, and after checking again, the result is $\\boxed{5}$. | true",
                "3 | First \\boxed{3}, and after checking again, the result is $\\boxed{5}$. | false",
            })
    void gradesLikeAMathematician(String gold, String pred, boolean expected) {
        Grade g = AnswerGrader.grade(gold.replace("\\n", "\n"), pred.replace("\\n", "\n"));
        assertEquals(
                expected,
                g.isEquivalent(),
                () -> g.outcome() + ": " + g.reason() + " (extracted " + g.extractedAnswer() + ")");
        assertTrue(!g.reason().isBlank());
    }

    @Test
    void answerMarkers() {
        assertTrue(AnswerGrader.grade("72", "She sold 48 + 24 = 72 clips.\n#### 72")
                .isEquivalent());
        assertTrue(AnswerGrader.grade("24", "... Final Answer: The final answer is $24$. I hope it is correct.")
                .isEquivalent());
        assertEquals(
                Boolean.FALSE,
                AnswerGrader.grade("25", "... Final Answer: The final answer is $24$. I hope it is correct.")
                        .equivalent());
    }

    @Test
    void gradeCarriesParsedAnswersAndExtraction() {
        Grade g = AnswerGrader.grade("\\frac{14}{3}", "so the sum is $2+\\frac{5}{3}+1=\\boxed{\\frac{14}{3}}$");
        assertEquals(Boolean.TRUE, g.equivalent());
        assertEquals("\\frac{14}{3}", g.extractedAnswer());
        assertEquals(g.gold(), g.prediction());
    }

    @Test
    void noAnswerFoundIsAnOutcomeNotACrash() {
        Grade g = AnswerGrader.grade("42", "I am not sure how to solve this problem.");
        assertInstanceOf(Outcome.NotEquivalent.class, g.outcome());
        assertNull(g.extractedAnswer());
        assertTrue(g.reason().startsWith("no answer found"), g.reason());
        assertEquals(Boolean.FALSE, AnswerGrader.grade("42", "").equivalent());
    }

    @Test
    void multipleChoice() {
        assertTrue(AnswerGrader.grade("(B)", "Let's check each option. It's not A, so the answer is (B).")
                .isEquivalent());
        assertTrue(AnswerGrader.grade("\\text{(C)}", "$\\boxed{\\text{C}}$").isEquivalent());
        assertEquals(Boolean.FALSE, AnswerGrader.grade("(A) Cecile", "C").equivalent());
    }

    @Test
    void pathologicalInputIsUndecidedQuickly() {
        long t0 = System.nanoTime();
        Grade tower = AnswerGrader.grade("2^{2^{2^{2^{2}}}}", "2^{2^{2^{2^{2}}}} + 1");
        assertInstanceOf(Outcome.Undecided.class, tower.outcome());
        assertTrue(tower.reason().startsWith("too costly"), tower.reason());
        Grade braces = AnswerGrader.grade("1", "\\boxed{" + "{".repeat(10_000) + "1" + "}".repeat(10_000) + "}");
        assertInstanceOf(Outcome.Undecided.class, braces.outcome());
        Grade huge = AnswerGrader.grade("1", "x".repeat(1 << 20));
        assertInstanceOf(Outcome.Undecided.class, huge.outcome());
        assertTrue(huge.reason().startsWith("too costly"), huge.reason());
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "the three refusals take well under the 1 s bound");
    }

    @Test
    void timeBoundIsHonoured() {
        AnswerGrader fast = AnswerGrader.defaults().withTimeLimit(Duration.ofNanos(1));
        Grade g = fast.check("x^2 + 2x + 1", "(x+1)^2");
        assertInstanceOf(Outcome.Undecided.class, g.outcome());
        assertTrue(g.reason().contains("time"), g.reason());
    }

    @Test
    void answerKeysGroupEqualAnswers() {
        assertEquals(AnswerGrader.answerKey("0.5"), AnswerGrader.answerKey("\\frac12"));
        assertEquals(AnswerGrader.answerKey("1/2"), AnswerGrader.answerKey("$\\boxed{\\dfrac{1}{2}}$"));
        assertEquals("1/2", AnswerGrader.answerKey("0.5"));
        assertEquals(AnswerGrader.answerKey("x+x"), AnswerGrader.answerKey("2x"));
        assertEquals(AnswerGrader.answerKey("\\{1, 2\\}"), AnswerGrader.answerKey("2, 1"));
        assertNotEquals(AnswerGrader.answerKey("(1, 2)"), AnswerGrader.answerKey("(2, 1)"));
        assertEquals(AnswerGrader.answerKey("\\text{Even}"), AnswerGrader.answerKey("\\text{even}"));
        assertEquals(AnswerGrader.answerKey("1,000"), AnswerGrader.answerKey("1000"));
        assertNotEquals(AnswerGrader.answerKey("100000"), AnswerGrader.answerKey("100001"));
        assertEquals(AnswerGrader.answerKey("\\sqrt{8}"), AnswerGrader.answerKey("2\\sqrt{2}"));
        assertEquals(AnswerGrader.answerKey("The answer is 28\\%."), AnswerGrader.answerKey("28"));
        assertEquals(AnswerGrader.answerKey("x = 3"), AnswerGrader.answerKey("3"));
        assertEquals(AnswerGrader.answerKey("1 < x \\le 2"), AnswerGrader.answerKey("(1, 2]"));
    }
}
