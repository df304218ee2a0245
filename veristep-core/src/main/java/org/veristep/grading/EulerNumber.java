package org.veristep.grading;

import java.util.ArrayList;
import java.util.List;
import org.veristep.math.Expr;
import org.veristep.math.Expr.Binary;
import org.veristep.math.Expr.Relation.Rel;

/**
 * The grading rule for the letter {@code e}: in an answer, a bare {@code e} is Euler's number
 * (≈ 2.718281828459045), so {@code e^2} equals {@code 7.389056} and {@code \exp(2)}; unless the answer
 * is about a variable named e.
 *
 * <p>Reference: Math-Verify reads answers with latex2sympy2_extended, whose lexer turns every bare
 * {@code e} into sympy's {@code E} (grammar {@code PS.g4}: {@code EXP_E: 'e'}, {@code LETTER_NO_E}
 * excludes it; its tests assert {@code "e"} parses to {@code E} and {@code "e^x"} to {@code exp(x)}).
 * Veristep follows it, with one exception Math-Verify does not make: the answer is about a variable
 * named e when some relation in it has a bare {@code e}
 *
 * <ul>
 *   <li>as its first operand: {@code e = 5}, {@code e \ge 2}, {@code e \in [1, 3]}, or inside a tuple
 *       there ({@code (d, e) = (1, 2)}) — a value is assigned to e or e is solved for;
 *   <li>as any operand of a chain of inequalities ({@code 1 < e \le 4}, {@code 2 < e}) — a range
 *       for e.
 * </ul>
 *
 * {@code x = e} states a value (Euler's number) and does not make e a variable. Names that only start
 * with e ({@code e_1}, {@code e'}) are variables as always; {@code \mathrm{e}} and {@code \exp} are
 * Euler's number in any answer. The decision is made for each answer on its own (gold and prediction
 * alike), so equivalence stays symmetric. The parser itself ({@link org.veristep.math.MathParser})
 * keeps a bare e a variable: the symbolic step verifier reads solution steps, where e is often a
 * quantity being computed.
 */
final class EulerNumber {
    private static final Expr.Var E_VAR = new Expr.Var("e");
    private static final Expr.Const E = new Expr.Const(Expr.Const.Kind.E);

    private EulerNumber() {}

    /** {@return the answer with every bare e read as Euler's number, unless the answer is about a variable e} */
    static Expr read(Expr answer) {
        if (!mentionsE(answer) || aboutVariableE(answer)) return answer;
        return replace(answer);
    }

    /** {@return whether some relation in the answer assigns, solves for or bounds a bare e} */
    static boolean aboutVariableE(Expr e) {
        return switch (e) {
            case Expr.Relation r -> {
                Expr first = r.operands().getFirst();
                if (first.equals(E_VAR)
                        || (first instanceof Expr.Tuple t && t.items().contains(E_VAR))) yield true;
                boolean inequalities =
                        r.ops().stream().allMatch(op -> op == Rel.LT || op == Rel.LE || op == Rel.GT || op == Rel.GE);
                if (inequalities && r.operands().contains(E_VAR)) yield true;
                yield r.operands().stream().anyMatch(EulerNumber::aboutVariableE);
            }
            case Expr.Seq s -> s.items().stream().anyMatch(EulerNumber::aboutVariableE);
            case Expr.SetOf s -> s.items().stream().anyMatch(EulerNumber::aboutVariableE);
            case Expr.Tuple t -> t.items().stream().anyMatch(EulerNumber::aboutVariableE);
            default -> false; // relations inside arithmetic do not occur in parsed answers
        };
    }

    /** {@return whether a bare e occurs anywhere} (allocation-free: most answers have none) */
    private static boolean mentionsE(Expr e) {
        return switch (e) {
            case Expr.Var v -> v.equals(E_VAR);
            case Expr.Num n -> false;
            case Expr.Const c -> false;
            case Expr.Text t -> false;
            case Expr.Neg n -> mentionsE(n.operand());
            case Binary b -> {
                Expr x = b;
                for (; x instanceof Binary n; x = n.left()) if (mentionsE(n.right())) yield true;
                yield mentionsE(x);
            }
            case Expr.PlusMinus p -> mentionsE(p.left()) || mentionsE(p.right());
            case Expr.Func f -> any(f.args());
            case Expr.Percent p -> mentionsE(p.operand());
            case Expr.Tuple t -> any(t.items());
            case Expr.Interval i -> mentionsE(i.low()) || mentionsE(i.high());
            case Expr.SetOf s -> any(s.items());
            case Expr.Union u -> any(u.parts());
            case Expr.Seq s -> any(s.items());
            case Expr.Matrix m -> m.rows().stream().anyMatch(EulerNumber::any);
            case Expr.Relation r -> any(r.operands());
        };
    }

    private static boolean any(List<Expr> items) {
        for (Expr x : items) if (mentionsE(x)) return true;
        return false;
    }

    /** {@return the tree with {@code Var("e")} replaced by Euler's number; left spines rebuilt in a loop} */
    private static Expr replace(Expr e) {
        return switch (e) {
            case Expr.Var v -> v.equals(E_VAR) ? E : v;
            case Expr.Num n -> n;
            case Expr.Const c -> c;
            case Expr.Text t -> t;
            case Expr.Neg n -> new Expr.Neg(replace(n.operand()));
            case Binary b -> {
                List<Binary> spine = b.leftSpine();
                Expr acc = replace(spine.getLast().left());
                for (int i = spine.size() - 1; i >= 0; i--) {
                    Binary n = spine.get(i);
                    acc = new Binary(n.op(), acc, replace(n.right()));
                }
                yield acc;
            }
            case Expr.PlusMinus p -> new Expr.PlusMinus(replace(p.left()), replace(p.right()));
            case Expr.Func f -> new Expr.Func(f.name(), all(f.args()));
            case Expr.Percent p -> new Expr.Percent(replace(p.operand()));
            case Expr.Tuple t -> new Expr.Tuple(all(t.items()));
            case Expr.Interval i ->
                new Expr.Interval(replace(i.low()), replace(i.high()), i.lowClosed(), i.highClosed());
            case Expr.SetOf s -> new Expr.SetOf(all(s.items()));
            case Expr.Union u -> new Expr.Union(all(u.parts()));
            case Expr.Seq s -> new Expr.Seq(all(s.items()));
            case Expr.Matrix m ->
                new Expr.Matrix(m.rows().stream().map(EulerNumber::all).toList());
            case Expr.Relation r -> new Expr.Relation(all(r.operands()), r.ops());
        };
    }

    private static List<Expr> all(List<Expr> items) {
        List<Expr> out = new ArrayList<>(items.size());
        for (Expr x : items) out.add(replace(x));
        return out;
    }
}
