package org.veristep.grading;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing with malformed LaTeX: every grade returns a verdict (never throws) and stays
 * within the time bound. The bound under test is 100 ms; a grade may overrun it only by the time
 * between two budget checks, so the assertion allows 1 s (a loaded CI machine), far below a hang.
 */
class GradingFuzzTest {
    private static final long SEED = 0x5EED_2024L;
    private static final String[] TOKENS = {
        "\\frac",
        "\\dfrac",
        "\\sqrt",
        "\\sqrt[3]",
        "{",
        "}",
        "{",
        "}",
        "(",
        ")",
        "[",
        "]",
        "\\{",
        "\\}",
        "^",
        "_",
        "^{",
        "\\left(",
        "\\right)",
        "\\left|",
        "|",
        "\\begin{pmatrix}",
        "\\end{pmatrix}",
        "&",
        "\\\\",
        "\\boxed{",
        "\\text{",
        "\\cdot",
        "\\times",
        "\\pm",
        "=",
        "<",
        "\\le",
        ",",
        ";",
        "!",
        "%",
        "\\%",
        "$",
        "$$",
        "\\pi",
        "\\infty",
        "\\cup",
        "x",
        "y",
        "e",
        "1",
        "2",
        "9",
        "0.5",
        "10^{10}",
        "2^{2^{2^{2}}}",
        "1,000",
        " ",
        "\\,",
        "\\!",
        "\\quad",
        "\\log_",
        "\\sin",
        "\\binom",
        "-",
        "+",
        "/",
        "\\unknown",
        "#### ",
        "The answer is ",
        "\\fbox{",
        "\\mathrm{",
        "99999999999999999999",
        "!",
        "^{-1}",
        "\\int",
        "'"
    };

    @Test
    void malformedLatexReturnsWithinTheBound() {
        System.out.println("GradingFuzzTest seed = " + SEED);
        SplittableRandom rnd = new SplittableRandom(SEED);
        AnswerGrader grader = AnswerGrader.defaults().withTimeLimit(Duration.ofMillis(100));
        long worstNanos = 0;
        String worst = "";
        for (int i = 0; i < 3000; i++) {
            String gold = random(rnd, 1 + rnd.nextInt(12));
            String pred = random(rnd, 1 + rnd.nextInt(i % 10 == 0 ? 400 : 40));
            long t0 = System.nanoTime();
            Grade g = grader.check(gold, pred);
            long dt = System.nanoTime() - t0;
            assertTrue(g.reason() != null && !g.reason().isBlank());
            if (dt > worstNanos) {
                worstNanos = dt;
                worst = gold + "  |  " + pred;
            }
        }
        System.out.printf("GradingFuzzTest: 3000 grades, slowest %.2f ms%n", worstNanos / 1e6);
        final String w = worst;
        final long wn = worstNanos;
        assertTrue(wn < 1_000_000_000L, () -> "grade took " + wn / 1e6 + " ms: " + w);
    }

    private static String random(SplittableRandom rnd, int tokens) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < tokens; i++) b.append(TOKENS[rnd.nextInt(TOKENS.length)]);
        return b.toString();
    }
}
