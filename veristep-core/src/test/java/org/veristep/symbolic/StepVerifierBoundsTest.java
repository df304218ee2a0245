package org.veristep.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.HashMap;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pathological step text never hangs the verifier and never refutes what it cannot read. */
class StepVerifierBoundsTest {
    private final StepVerifier verifier = new StepVerifier(StepVerifier.Scope.NONE, Duration.ofMillis(200));

    @Test
    void hugeTowersAreUnverifiableNotSlow() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            StepCheck c = verifier.verifyStep("\\( 2^{2^{2^{2^{2^{2}}}}} = 5 \\)", new HashMap<>());
            assertEquals(Verdict.UNVERIFIABLE, c.verdict());
        });
    }

    @Test
    void longAndMalformedTextFinishes() {
        StringBuilder unclosed = new StringBuilder();
        for (int i = 0; i < 20_000; i++) unclosed.append("x_{").append(i % 10).append(" \\text{ = ");
        StringBuilder chain = new StringBuilder("\\[ 1");
        for (int i = 0; i < 20_000; i++) chain.append(" = 1");
        chain.append(" \\]");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            verifier.verifyStep(unclosed.toString(), new HashMap<>());
            StepCheck c = verifier.verifyStep(chain.toString(), new HashMap<>());
            assertNotEquals(Verdict.REFUTED, c.verdict());
        });
    }

    /**
     * A flat sum of 3,000 ones (the grader's issue) is read whole on a thread with the JVM's default
     * 1 MiB stack; before, the step verifier threw StackOverflowError here (a recursion per term).
     */
    @Test
    void aLongFlatSumIsCheckedNotOverflowed() throws InterruptedException {
        String sum = "1" + " + 1".repeat(2_999);
        StepVerifier roomy = new StepVerifier(StepVerifier.Scope.NONE, Duration.ofSeconds(5));
        StepCheck[] checks = new StepCheck[2];
        Thread t = new Thread(
                null,
                () -> {
                    checks[0] = roomy.verifyStep("\\( " + sum + " = 3000 \\)", new HashMap<>());
                    checks[1] = roomy.verifyStep("\\( " + sum + " = 2999 \\)", new HashMap<>());
                },
                "default-stack",
                1024 * 1024);
        t.start();
        t.join();
        assertEquals(Verdict.VERIFIED, checks[0].verdict());
        assertEquals(Verdict.REFUTED, checks[1].verdict());
    }

    @Test
    void randomMathNoiseIsNeverSlow() {
        long seed = 20261129L;
        System.out.println("StepVerifierBoundsTest seed " + seed);
        Random r = new Random(seed);
        String[] atoms = {
            "1",
            "2",
            "10",
            "=",
            "+",
            "-",
            "*",
            "/",
            "^",
            "(",
            ")",
            "{",
            "}",
            "\\frac",
            "\\sqrt",
            "\\(",
            "\\)",
            "$",
            "x",
            " ",
            "%",
            ",",
            ".",
            "\\text{ apples}",
            "\\left(",
            "\\right)",
            "<<",
            ">>",
            "\n",
            "3,000"
        };
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int t = 0; t < 2_000; t++) {
                StringBuilder b = new StringBuilder();
                int n = r.nextInt(200);
                for (int i = 0; i < n; i++) b.append(atoms[r.nextInt(atoms.length)]);
                verifier.verifyStep(b.toString(), new HashMap<>());
            }
        });
    }
}
