package org.veristep.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MathParserTest {
    private static BigRational exact(String input) {
        Value v = Evaluator.evaluate(MathParser.parse(input));
        return assertInstanceOf(Value.Exact.class, v, input).value();
    }

    /** Values worked out by hand. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "5000 + 10000 + 30000 | 45000",
                "\\frac{3}{4} \\times 48 | 36",
                "3/4 | 3/4",
                "2^10 | 1024",
                "2^{-2} | 1/4",
                "4(3) | 12",
                "20% | 1/5",
                "20\\% | 1/5",
                "$1,200 | 1200",
                "7,425,000 | 7425000",
                "11,\\!111,\\!111,\\!100 | 11111111100",
                "1 000 | 1000",
                "0.25 | 1/4",
                ".5 | 1/2",
                "3e8 | 300000000",
                "1.5E-3 | 3/2000",
                "\\dfrac{10}{9} | 10/9",
                "-\\frac{10}{9} | -10/9",
                "\\frac34 | 3/4",
                "\\frac3{3} | 1",
                "½ | 1/2",
                "6 ÷ 4 | 3/2",
                "2 × 3 − 7 | -1",
                "\\sqrt{16} | 4",
                "\\sqrt[3]{27} | 3",
                "\\sqrt{\\frac{9}{4}} | 3/2",
                "8^{2/3} | 4",
                "5! | 120",
                "\\binom{5}{2} | 10",
                "\\left( \\frac{1}{3} \\right) | 1/3",
                "2 \\cdot 3^2 | 18",
                "-3^2 | -9",
                "(-3)^2 | 9",
                "2^3^2 | 512",
                "1/2/2 | 1/4",
                "10 - 4 - 3 | 3",
                "abs(-5) + 1 | 6",
                "+033 | 33",
                "90^\\circ | 90",
                "\\$10 | 10",
                "1{,}000 | 1000",
                "2 \\div 4 | 1/2",
                "\\tfrac12 | 1/2",
                "√16 + ½ | 9/2",
                "3² − 1 | 8",
                "\\log_2 8 - 3 + 3 | 3",
                "2\\frac{1}{2} | 1",
            })
    void evaluatesExactly(String input, String expected) {
        String[] p = expected.split("/");
        BigRational want = p.length == 1
                ? BigRational.parseDecimal(p[0])
                : BigRational.parseDecimal(p[0]).divide(BigRational.parseDecimal(p[1]));
        assertEquals(want, exact(input), input);
    }

    @Test
    void approximateValuesForRadicalsAndPi() {
        assertEquals(
                Math.sqrt(2), Evaluator.evaluate(MathParser.parse("\\sqrt2")).toDouble(), 1e-15);
        assertEquals(2 * Math.PI, Evaluator.evaluate(MathParser.parse("2\\pi")).toDouble(), 1e-15);
        assertEquals(
                Math.sqrt(2) + Math.sqrt(5),
                Evaluator.evaluate(MathParser.parse("\\sqrt 2+\\sqrt 5")).toDouble(),
                1e-14);
        assertEquals(
                4 * Math.sqrt(2),
                Evaluator.evaluate(MathParser.parse("4\\sqrt(2)")).toDouble(),
                1e-14);
        assertEquals(
                Math.sqrt(2), Evaluator.evaluate(MathParser.parse("sqrt(2)")).toDouble(), 1e-15);
        assertEquals(
                1.0,
                Evaluator.evaluate(
                                MathParser.parse("\\sin^2 x + \\cos^2 x"), Map.of("x", Value.of(3)), Budget.defaults())
                        .toDouble(),
                1e-15);
    }

    @Test
    void variablesAreBound() {
        Expr e = MathParser.parse("2x + 3");
        assertEquals(Value.of(13), Evaluator.evaluate(e, Map.of("x", Value.of(5)), Budget.defaults()));
        assertThrows(EvaluationException.class, () -> Evaluator.evaluate(e));
        Expr sub = MathParser.parse("a_{37} - a_3");
        assertEquals(
                Value.of(17),
                Evaluator.evaluate(sub, Map.of("a_37", Value.of(19), "a_3", Value.of(2)), Budget.defaults()));
    }

    @Test
    void relationsChainAndKeepOperands() {
        Expr e = MathParser.parse("5000 + 10000 + 30000 = 43000");
        Expr.Relation r = assertInstanceOf(Expr.Relation.class, e);
        assertEquals(Value.of(45000), Evaluator.evaluate(r.operands().get(0)));
        assertEquals(Value.of(43000), Evaluator.evaluate(r.operands().get(1)));
        Expr.Relation chain = assertInstanceOf(Expr.Relation.class, MathParser.parse("1 < x \\le 2"));
        assertEquals(2, chain.ops().size());
        assertEquals(Expr.Relation.Rel.LE, chain.ops().get(1));
    }

    @Test
    void structures() {
        assertInstanceOf(Expr.Tuple.class, MathParser.parse("(1, 2)"));
        Expr.Interval iv = assertInstanceOf(Expr.Interval.class, MathParser.parse("[0,1)"));
        assertTrue(iv.lowClosed());
        assertEquals(false, iv.highClosed());
        assertInstanceOf(Expr.SetOf.class, MathParser.parse("\\{1, 2\\}"));
        assertInstanceOf(Expr.Union.class, MathParser.parse("(-\\infty, 0) \\cup (1, \\infty)"));
        Expr.Matrix m = assertInstanceOf(
                Expr.Matrix.class, MathParser.parse("\\begin{pmatrix} 0 & 3 \\\\ 0 & -1 \\end{pmatrix}"));
        assertEquals(2, m.rows().size());
        assertEquals(new Expr.Neg(Expr.Num.of(1)), m.rows().get(1).get(1));
        Expr.Seq seq = assertInstanceOf(Expr.Seq.class, MathParser.parse("1, 2 and 3"));
        assertEquals(3, seq.items().size());
        // inside brackets a comma separates items, it is no thousands separator
        assertEquals(
                2,
                assertInstanceOf(Expr.Tuple.class, MathParser.parse("(100,200)"))
                        .items()
                        .size());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"\\frac{1}{", "(1, 2", "1 +", "\\foo{3}", "\\sqrt", "3 $ )", "{1"})
    void malformedInputFailsClosed(String input) {
        ParseException e = assertThrows(ParseException.class, () -> MathParser.parse(input));
        assertTrue(e.position() >= 0 && e.position() <= input.length() + 2, e.getMessage());
    }

    @Test
    void costBoundsRefuseHugeWork() {
        long t0 = System.nanoTime();
        assertThrows(TooCostlyException.class, () -> Evaluator.evaluate(MathParser.parse("2^{2^{2^{2^{2}}}}")));
        assertThrows(TooCostlyException.class, () -> MathParser.parse("{".repeat(10_000) + "1" + "}".repeat(10_000)));
        assertThrows(TooCostlyException.class, () -> MathParser.parse("1+".repeat(600_000) + "1"));
        assertThrows(TooCostlyException.class, () -> Evaluator.evaluate(MathParser.parse("100000!")));
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "refusals are quick");
        // 2^{2^{2^{2}}} = 2^16 = 65536 is computed exactly
        assertEquals(BigRational.of(65536), exact("2^{2^{2^{2}}}"));
        assertEquals(BigRational.of(6), exact("|-5| + 1"));
    }

    @Test
    void exactComparisonOfTinyValues() {
        BigRational a = exact("\\frac{1}{2004!}");
        BigRational b = exact("\\frac{1}{2006!}");
        assertTrue(a.compareTo(b) > 0);
        assertEquals(BigRational.of(2005L * 2006L), a.divide(b));
    }
}
