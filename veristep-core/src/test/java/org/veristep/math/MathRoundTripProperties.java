package org.veristep.math;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Assertions;
import org.veristep.math.Expr.Binary.Op;
import org.veristep.math.Expr.Relation.Rel;

/** Property: printing any parser-shaped tree and parsing it back gives the same tree. */
class MathRoundTripProperties {

    @Property(tries = 1000, seed = "20240601")
    void parseOfPrintIsIdentity(@ForAll("answers") Expr e) {
        String printed = MathPrinter.print(e);
        Expr back = MathParser.parse(printed);
        Assertions.assertEquals(e, back, () -> "printed as: " + printed);
        Assertions.assertEquals(printed, MathPrinter.print(back));
    }

    @Provide
    Arbitrary<Expr> answers() {
        return Arbitraries.oneOf(
                expr(4),
                Arbitraries.lazy(() -> expr(2).list().ofMinSize(2).ofMaxSize(4).map(Expr.Seq::new)),
                Arbitraries.lazy(() -> relation(3)));
    }

    private Arbitrary<Expr> relation(int depth) {
        return Arbitraries.integers()
                .between(2, 3)
                .flatMap(n -> expr(depth).list().ofSize(n).flatMap(ops -> Arbitraries.of(
                                Rel.EQ, Rel.NE, Rel.LT, Rel.LE, Rel.GT, Rel.GE, Rel.APPROX, Rel.IN)
                        .list()
                        .ofSize(n - 1)
                        .map(rels -> (Expr) new Expr.Relation(ops, rels))));
    }

    private Arbitrary<Expr> expr(int depth) {
        Arbitrary<Expr> leaf = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 100_000).map(i -> (Expr) Expr.Num.of(i)),
                Arbitraries.integers()
                        .between(0, 99_999)
                        .flatMap(u -> Arbitraries.integers().between(1, 4).map(d ->
                                (Expr) new Expr.Num(new BigRational(BigInteger.valueOf(u), BigInteger.TEN.pow(d)), d))),
                Arbitraries.of("x", "y", "a", "b", "n", "z", "k", "alpha", "theta", "x_1", "a_37", "f'")
                        .map(v -> (Expr) new Expr.Var(v)),
                Arbitraries.of(Expr.Const.Kind.values()).map(k -> (Expr) new Expr.Const(k)),
                Arbitraries.of("cm", "Evelyn", "odd", "(C)").map(t -> (Expr) new Expr.Text(t)));
        if (depth == 0) return leaf;
        Arbitrary<Expr> sub = Arbitraries.lazy(() -> expr(depth - 1));
        // a plain-text call f((a, b)) is f(a, b): function arguments are never tuples
        Arbitrary<Expr> arg = sub.filter(x -> !(x instanceof Expr.Tuple));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, leaf),
                net.jqwik.api.Tuple.of(
                        6,
                        Arbitraries.of(Op.values())
                                .flatMap(op -> sub.flatMap(l -> sub.map(r -> (Expr) new Expr.Binary(op, l, r))))),
                net.jqwik.api.Tuple.of(2, sub.map(x -> (Expr) new Expr.Neg(x))),
                net.jqwik.api.Tuple.of(1, sub.map(x -> (Expr) new Expr.Percent(x))),
                net.jqwik.api.Tuple.of(1, sub.flatMap(l -> sub.map(r -> (Expr) new Expr.PlusMinus(l, r)))),
                net.jqwik.api.Tuple.of(
                        2,
                        Arbitraries.of("sqrt", "sin", "ln", "abs", "factorial", "exp", "floor")
                                .flatMap(f -> arg.map(x -> (Expr) new Expr.Func(f, List.of(x))))),
                net.jqwik.api.Tuple.of(1, sub.flatMap(x -> sub.map(n -> (Expr) new Expr.Func("root", List.of(x, n))))),
                net.jqwik.api.Tuple.of(1, sub.flatMap(x -> sub.map(b -> (Expr) new Expr.Func("log", List.of(x, b))))),
                net.jqwik.api.Tuple.of(1, sub.flatMap(n -> sub.map(k -> (Expr) new Expr.Func("binom", List.of(n, k))))),
                net.jqwik.api.Tuple.of(1, sub.list().ofMinSize(2).ofMaxSize(3).map(Expr.Tuple::new)),
                net.jqwik.api.Tuple.of(1, sub.list().ofMaxSize(3).map(Expr.SetOf::new)),
                net.jqwik.api.Tuple.of(
                        1,
                        sub.flatMap(l -> sub.flatMap(
                                h -> Arbitraries.of(true, false).map(c -> (Expr) new Expr.Interval(l, h, true, c))))),
                net.jqwik.api.Tuple.of(1, sub.list().ofMinSize(2).ofMaxSize(3).map(Expr.Union::new)),
                net.jqwik.api.Tuple.of(
                        1, sub.list().ofSize(2).list().ofMinSize(1).ofMaxSize(2).map(Expr.Matrix::new)));
    }
}
