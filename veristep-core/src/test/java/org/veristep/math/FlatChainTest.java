package org.veristep.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Long flat chains ({@code 1 + 1 + ... + 1}) are not nesting: they parse, evaluate, print, compare
 * and hash without deep recursion, while genuine nesting deeper than {@link Budget#maxDepth()} is
 * refused with {@link TooCostlyException}. Every check runs on its own thread with a 1 MiB stack, the
 * JVM's default thread stack on 64-bit Linux (also the stack of {@code main}): a recursion per term
 * overflowed it at 3,000 terms before, while nesting to the bound of 200 needs up to about 0.5 MiB
 * (interpreted frames; less once compiled).
 */
class FlatChainTest {
    private static final long THREAD_STACK = 1024 * 1024;

    /** Runs {@code body} on a thread with a 1 MiB stack and rethrows what it threw. */
    private static void onDefaultStack(ThrowingRunnable body) throws Throwable {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(
                null,
                () -> {
                    try {
                        body.run();
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                },
                "default-stack",
                THREAD_STACK);
        t.start();
        t.join();
        if (failure.get() != null) throw failure.get();
    }

    private interface ThrowingRunnable {
        void run() throws Throwable;
    }

    private static String ones(int terms) {
        return "1" + "+1".repeat(terms - 1);
    }

    private static Budget roomFor(int chars) {
        return new Budget(
                System.nanoTime() + Duration.ofSeconds(10).toNanos(),
                chars,
                Budget.DEFAULT_MAX_DEPTH,
                Budget.DEFAULT_MAX_BITS);
    }

    @ParameterizedTest(name = "{0} terms")
    @ValueSource(ints = {3_000, 100_000})
    void aSumOfOnesIsItsNumberOfTerms(int terms) throws Throwable {
        String sum = ones(terms); // 2 * terms - 1 chars: 199,999 for 100,000 terms
        onDefaultStack(() -> {
            Budget budget = roomFor(sum.length());
            Expr e = MathParser.parse(sum, budget);
            Value v = Evaluator.evaluate(e, java.util.Map.of(), budget);
            assertEquals(Value.of(terms), assertInstanceOf(Value.Exact.class, v));
            // the tree is a left spine of terms - 1 additions
            assertEquals(terms - 1, ((Expr.Binary) e).leftSpine().size());
            // print, parse back, equals and hashCode all walk the spine in a loop
            String printed = MathPrinter.print(e);
            assertEquals(String.join(" + ", java.util.Collections.nCopies(terms, "1")), printed);
            Expr back = MathParser.parse(printed, roomFor(printed.length()));
            assertNotSame(e, back);
            assertEquals(e, back);
            assertEquals(e.hashCode(), back.hashCode());
            assertTrue(e.toString().startsWith("Binary[op=ADD, left=Binary[op=ADD, left="));
        });
    }

    @Test
    void longMixedChainsEvaluateExactly() throws Throwable {
        onDefaultStack(() -> {
            // 1 + 2 - 1 + 2 - 1 ... with 50,000 pairs "+ 2 - 1": 1 + 50,000 * (2 - 1) = 50,001
            String mixed = "1" + " + 2 - 1".repeat(50_000);
            assertEquals(Value.of(50_001), Evaluator.evaluate(MathParser.parse(mixed, roomFor(mixed.length()))));
            // a product of 3,000 twos is 2^3000 exactly (3,001 bits, within the 100,000-bit bound)
            String twos = "2" + " \\cdot 2".repeat(2_999);
            assertEquals(
                    Value.of(BigRational.of(BigInteger.TWO.pow(3_000))),
                    Evaluator.evaluate(MathParser.parse(twos, roomFor(twos.length()))));
            // implicit multiplication is a chain too: x x x ... (3,000 letters) at x = 1 is 1
            Expr xs = MathParser.parse("x".repeat(3_000));
            assertEquals(Value.of(1), Evaluator.evaluate(xs, java.util.Map.of("x", Value.of(1)), Budget.defaults()));
            // 2^10 / 2 / 2 / ... ten times is 1 (left-associative division)
            assertEquals(Value.of(1), Evaluator.evaluate(MathParser.parse("2^{10}" + " / 2".repeat(10))));
        });
    }

    @Test
    void theDefaultBudgetStillBoundsTheInputLength() {
        TooCostlyException e = assertThrows(TooCostlyException.class, () -> MathParser.parse(ones(100_000)));
        assertTrue(e.getMessage().contains("199999 chars exceeds the bound of 100000"), e.getMessage());
    }

    /** Genuine nesting, far deeper than 200, in every form the grammar nests: refused, not overflowed. */
    @ParameterizedTest(name = "[{index}]")
    @ValueSource(
            strings = {
                "(((((", // brackets
                "2^-", // signs in an exponent
                "-", // unary minus
                "3!", // factorials
                "1%", // percents
                "\\sin ", // functions
                "\\sqrt", // roots taking a command as argument
                "\\mathrm", // transparent commands taking a command
                "2**", // Python powers
                "\\frac1", // fractions taking a command
                "\\sqrt[", // root indices
                "{", // braces
            })
    void deepNestingIsRefusedCleanly(String unit) throws Throwable {
        String input =
                switch (unit) {
                    case "(((((" -> "(".repeat(20_000) + "1" + ")".repeat(20_000);
                    case "2^-" -> "2^" + "-".repeat(20_000) + "1";
                    case "-" -> "-".repeat(20_000) + "1";
                    case "3!" -> "3" + "!".repeat(20_000);
                    case "1%" -> "1" + "%".repeat(20_000);
                    case "2**" -> "2" + "**2".repeat(20_000);
                    case "\\sqrt[" -> "\\sqrt[".repeat(10_000) + "2" + "]2".repeat(10_000);
                    case "{" -> "{".repeat(20_000) + "1" + "}".repeat(20_000);
                    default -> unit.repeat(90_000 / unit.length() / 2) + "2";
                };
        onDefaultStack(() -> {
            long t0 = System.nanoTime();
            TooCostlyException e = assertThrows(TooCostlyException.class, () -> MathParser.parse(input));
            assertEquals("too costly: nesting deeper than 200", e.getMessage());
            assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "refused within the 1 s budget");
        });
    }

    @Test
    void nestingWithinTheBoundIsRead() throws Throwable {
        onDefaultStack(() -> {
            // 60 nested brackets around a 1,000-term sum: depth 61 (each bracket is one list level)
            String nested = "(".repeat(60) + ones(1_000) + ")".repeat(60);
            assertEquals(Value.of(1_000), Evaluator.evaluate(MathParser.parse(nested)));
            // a chain of 500 bracketed chains: (1+1) + (1+1) + ... = 1,000
            String chains = "(1+1)" + " + (1+1)".repeat(499);
            Expr e = MathParser.parse(chains);
            assertEquals(Value.of(1_000), Evaluator.evaluate(e));
            assertEquals(e, MathParser.parse(MathPrinter.print(e)));
        });
    }
}
