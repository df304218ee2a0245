package org.veristep.grading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.veristep.math.BigRational;
import org.veristep.math.Budget;
import org.veristep.math.EvaluationException;
import org.veristep.math.Evaluator;
import org.veristep.math.Expr;
import org.veristep.math.Expr.Binary;
import org.veristep.math.Expr.Binary.Op;
import org.veristep.math.Expr.Relation.Rel;
import org.veristep.math.MathParser;
import org.veristep.math.MathPrinter;
import org.veristep.math.ParseException;
import org.veristep.math.Value;

/**
 * Mathematical equivalence of two parsed answers. One instance per grade (it holds the budget).
 * The relation is symmetric by construction: every rule is applied to the pair in both orders.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>Numbers: exact rationals compare exactly; a decimal literal with at least two significant
 *       digits matches a value that rounds to it at the decimals shown (option: 0.33 matches 1/3,
 *       0.29 matches 0.2902; 0.5 does not match 0.45); irrational values compare within the
 *       relative tolerance.
 *   <li>Percent: {@code p%} matches {@code p} and {@code p/100}; two percents compare their
 *       numbers.
 *   <li>Expressions with variables: equal values at seeded random rational points, positive and
 *       negative (at least two points where both sides are defined, all agreeing; points outside
 *       the domain of either side are skipped).
 *   <li>Tuples are ordered; sets and bare lists are unordered (each item of one matches an item of
 *       the other); {@code a \pm b} is the list {@code a+b, a-b}; a 2-tuple is the open interval of
 *       the same ends; intervals compare ends and openness; unions compare their parts unordered.
 *   <li>Relations: {@code x \in S} is S; equations {@code L = R} match when {@code L - R} of one is a
 *       non-zero constant multiple of the other's (same solution set, proportional lines);
 *       inequalities likewise with a positive multiple and the same strictness; a one-variable
 *       inequality is an interval; an assignment {@code x = v} (or a chain {@code x = a = b}, or
 *       {@code a \approx b}) compared with a value uses its final value; assignments in a list
 *       ({@code p=5, q=2}) are grouped into tuples ordered by variable name.
 *   <li>Text compares case-insensitively without spaces; a word typeset as math ({@code Even})
 *       equals the same word as text.
 * </ul>
 */
final class Equivalence {
    /** A verdict with its reason. */
    record Verdict(Outcome outcome, String reason) {
        static Verdict yes(String reason) {
            return new Verdict(Outcome.EQUIVALENT, reason);
        }

        static Verdict no(String reason) {
            return new Verdict(Outcome.NOT_EQUIVALENT, reason);
        }

        boolean equivalent() {
            return outcome instanceof Outcome.Equivalent;
        }
    }

    private static final int POINTS = 4;
    private final GradingOptions options;
    private final Budget budget;

    Equivalence(GradingOptions options, Budget budget) {
        this.options = options;
        this.budget = budget;
    }

    Verdict compare(Expr gold, Expr pred) {
        return cmp(prepare(gold), prepare(pred));
    }

    // ------------------------------------------------------------------ preparation

    /** Normalises structure: IN-relations, ± lists, assignment groups, unions of sets, matrix sums. */
    static Expr prepare(Expr e) {
        return switch (e) {
            case Expr.Relation r
            when r.ops().size() == 1 && r.ops().getFirst() == Rel.IN ->
                prepare(r.operands().get(1));
            case Expr.Seq s -> collection(s.items(), true);
            case Expr.SetOf s -> collection(s.items(), false);
            case Expr.PlusMinus pm ->
                new Expr.Seq(
                        List.of(new Binary(Op.ADD, pm.left(), pm.right()), new Binary(Op.SUB, pm.left(), pm.right())));
            case Expr.Union u -> {
                List<Expr> parts = u.parts().stream().map(Equivalence::prepare).toList();
                if (parts.stream().allMatch(p -> p instanceof Expr.SetOf)) {
                    List<Expr> all = new ArrayList<>();
                    for (Expr p : parts) all.addAll(((Expr.SetOf) p).items());
                    yield new Expr.SetOf(all);
                }
                yield new Expr.Union(parts);
            }
            case Binary b
            when b.op() != Op.POW && b.left() instanceof Expr.Matrix && b.right() instanceof Expr.Matrix -> {
                Expr m = matrixArithmetic(b);
                yield m == null ? b : m;
            }
            default -> e;
        };
    }

    private static Expr collection(List<Expr> raw, boolean bare) {
        List<Expr> items = new ArrayList<>();
        Map<String, Expr> group = new LinkedHashMap<>();
        for (Expr item : raw) {
            Expr p = prepare(item);
            String name = assignedName(p);
            if (name != null) {
                if (group.containsKey(name)) flush(group, items);
                group.put(name, p);
                continue;
            }
            flush(group, items);
            if (p instanceof Expr.Seq s) items.addAll(s.items());
            else items.add(p);
        }
        flush(group, items);
        if (bare && items.size() == 1) return items.getFirst();
        return bare ? new Expr.Seq(items) : new Expr.SetOf(items);
    }

    /** A group of assignments {@code p=5, q=2} becomes a tuple of the assignments (in written order). */
    private static void flush(Map<String, Expr> group, List<Expr> items) {
        if (group.isEmpty()) return;
        if (group.size() == 1)
            items.add(((Expr.Relation) group.values().iterator().next())
                    .operands()
                    .get(1));
        else items.add(new Expr.Tuple(new ArrayList<>(group.values())));
        group.clear();
    }

    private static boolean isAssignmentGroup(Expr.Tuple t) {
        return t.items().stream().allMatch(x -> assignedName(x) != null);
    }

    /** {@return the tuple's items, with assignments replaced by their values} */
    private static List<Expr> values(Expr.Tuple t) {
        return t.items().stream()
                .map(x ->
                        assignedName(x) != null ? ((Expr.Relation) x).operands().get(1) : x)
                .toList();
    }

    /** {@return the variable of an assignment {@code x = v}, or null} */
    private static String assignedName(Expr e) {
        if (e instanceof Expr.Relation r
                && r.ops().size() == 1
                && r.ops().getFirst() == Rel.EQ
                && r.operands().getFirst() instanceof Expr.Var v
                && !hasVariable(r.operands().get(1), v.name())) {
            return v.name();
        }
        return null;
    }

    private static Expr matrixArithmetic(Binary b) {
        List<List<Expr>> x = ((Expr.Matrix) b.left()).rows();
        List<List<Expr>> y = ((Expr.Matrix) b.right()).rows();
        int n = x.size();
        int m = x.getFirst().size();
        List<List<Expr>> out = new ArrayList<>();
        if (b.op() == Op.ADD || b.op() == Op.SUB) {
            if (y.size() != n || y.getFirst().size() != m) return null;
            for (int i = 0; i < n; i++) {
                List<Expr> row = new ArrayList<>();
                for (int j = 0; j < m; j++)
                    row.add(new Binary(b.op(), x.get(i).get(j), y.get(i).get(j)));
                out.add(row);
            }
            return new Expr.Matrix(out);
        }
        if (b.op() == Op.MUL) {
            if (y.size() != m) return null;
            int p = y.getFirst().size();
            for (int i = 0; i < n; i++) {
                List<Expr> row = new ArrayList<>();
                for (int j = 0; j < p; j++) {
                    Expr sum = null;
                    for (int k = 0; k < m; k++) {
                        Expr term = new Binary(Op.MUL, x.get(i).get(k), y.get(k).get(j));
                        sum = sum == null ? term : new Binary(Op.ADD, sum, term);
                    }
                    row.add(sum);
                }
                out.add(row);
            }
            return new Expr.Matrix(out);
        }
        return null;
    }

    // ------------------------------------------------------------------ dispatch

    private Verdict cmp(Expr a, Expr b) {
        budget.checkTime();
        if (a.equals(b)) return Verdict.yes("identical");
        if (a instanceof Expr.Relation ra && b instanceof Expr.Relation rb) return relations(ra, rb);
        if (a instanceof Expr.Relation ra) return relationVersusValue(ra, b);
        if (b instanceof Expr.Relation rb) return relationVersusValue(rb, a);
        boolean ca = a instanceof Expr.Seq || a instanceof Expr.SetOf;
        boolean cb = b instanceof Expr.Seq || b instanceof Expr.SetOf;
        // a tuple against a written list of the same length compares in written order
        if (a instanceof Expr.Tuple t && cb && items(b).size() == t.items().size())
            return ordered(values(t), items(b), "tuple");
        if (b instanceof Expr.Tuple t && ca && items(a).size() == t.items().size())
            return ordered(items(a), values(t), "tuple");
        if (ca || cb) return unordered(items(a), items(b), "list");
        if (a instanceof Expr.Tuple ta && b instanceof Expr.Tuple tb) {
            if (isAssignmentGroup(ta) && isAssignmentGroup(tb)) return unordered(ta.items(), tb.items(), "assignment");
            return ordered(values(ta), values(tb), "tuple");
        }
        if (a instanceof Expr.Interval || b instanceof Expr.Interval) return intervals(a, b);
        if (a instanceof Expr.Union ua && b instanceof Expr.Union ub) return unordered(ua.parts(), ub.parts(), "union");
        if (a instanceof Expr.Union || b instanceof Expr.Union) return Verdict.no("a union vs a single answer");
        if (a instanceof Expr.Matrix || b instanceof Expr.Matrix) return matrices(a, b);
        if (a instanceof Expr.Tuple || b instanceof Expr.Tuple) return Verdict.no("a tuple vs a single value");
        String ta = textOf(a);
        String tb = textOf(b);
        if (a instanceof Expr.Text || b instanceof Expr.Text) return texts(a, b, ta, tb);
        return scalars(a, b);
    }

    private Verdict texts(Expr a, Expr b, String ta, String tb) {
        if (ta != null && tb != null) {
            return norm(ta).equals(norm(tb)) ? Verdict.yes("same text") : Verdict.no("different text");
        }
        // a text holding math (\text{13}) compares as math
        Expr x = a instanceof Expr.Text t ? reparse(t.text()) : a;
        Expr y = b instanceof Expr.Text t ? reparse(t.text()) : b;
        if (x == null || y == null || x instanceof Expr.Text || y instanceof Expr.Text) {
            return Verdict.no("text vs a mathematical answer");
        }
        return cmp(prepare(x), prepare(y));
    }

    private Expr reparse(String text) {
        try {
            return EulerNumber.read(MathParser.parse(text, budget));
        } catch (ParseException e) {
            return null;
        }
    }

    private static String norm(String s) {
        return s.replaceAll("\\s+", "").replace("\\", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** {@return the letters of a text, a variable or a product of them (a word typeset as math), else null} */
    private static String textOf(Expr e) {
        return switch (e) {
            case Expr.Text t -> t.text();
            case Expr.Var v -> v.name();
            case Expr.Const c when c.kind() == Expr.Const.Kind.E -> "e"; // the letter of "Even" read as Euler's e
            case Binary b
            when b.op() == Op.MUL -> {
                StringBuilder word = new StringBuilder();
                List<Binary> spine = b.leftSpine();
                String first = textOf(spine.getLast().left());
                if (first == null) yield null;
                word.append(first);
                for (int i = spine.size() - 1; i >= 0; i--) {
                    Binary n = spine.get(i);
                    String r = n.op() == Op.MUL ? textOf(n.right()) : null;
                    if (r == null) yield null;
                    word.append(r);
                }
                yield word.toString();
            }
            default -> null;
        };
    }

    // ------------------------------------------------------------------ collections

    private static List<Expr> items(Expr e) {
        return switch (e) {
            case Expr.Seq s -> s.items();
            case Expr.SetOf s -> s.items();
            default -> List.of(e);
        };
    }

    private Verdict unordered(List<Expr> x, List<Expr> y, String what) {
        List<Expr> xs = distinct(x);
        List<Expr> ys = distinct(y);
        if (xs.size() != ys.size()) {
            return Verdict.no(what + "s of " + xs.size() + " and " + ys.size() + " distinct items");
        }
        boolean[] used = new boolean[ys.size()];
        for (Expr e : xs) {
            boolean found = false;
            for (int j = 0; j < ys.size() && !found; j++) {
                if (!used[j] && cmp(e, ys.get(j)).equivalent()) {
                    used[j] = true;
                    found = true;
                }
            }
            if (!found) return Verdict.no("no match for item " + MathPrinter.print(e) + " of the " + what);
        }
        return Verdict.yes("equal " + what + "s of " + xs.size() + " items (unordered)");
    }

    private List<Expr> distinct(List<Expr> items) {
        List<Expr> out = new ArrayList<>();
        for (Expr e : new LinkedHashSet<>(items)) {
            boolean dup = false;
            for (Expr o : out) {
                if (cmp(o, e).equivalent()) {
                    dup = true;
                    break;
                }
            }
            if (!dup) out.add(e);
        }
        return out;
    }

    private Verdict ordered(List<Expr> x, List<Expr> y, String what) {
        if (x.size() != y.size()) return Verdict.no(what + "s of " + x.size() + " and " + y.size() + " items");
        for (int i = 0; i < x.size(); i++) {
            Verdict v = cmp(x.get(i), y.get(i));
            if (!v.equivalent()) return Verdict.no(what + " item " + (i + 1) + ": " + v.reason());
        }
        return Verdict.yes("equal " + what + "s (ordered)");
    }

    private Verdict intervals(Expr a, Expr b) {
        Expr.Interval x = asInterval(a);
        Expr.Interval y = asInterval(b);
        if (x == null || y == null) return Verdict.no("an interval vs another kind of answer");
        if (x.lowClosed() != y.lowClosed() || x.highClosed() != y.highClosed()) {
            return Verdict.no("intervals differ in open/closed ends");
        }
        Verdict lo = cmp(x.low(), y.low());
        if (!lo.equivalent()) return Verdict.no("lower ends differ: " + lo.reason());
        Verdict hi = cmp(x.high(), y.high());
        if (!hi.equivalent()) return Verdict.no("upper ends differ: " + hi.reason());
        return Verdict.yes("equal intervals");
    }

    private static Expr.Interval asInterval(Expr e) {
        if (e instanceof Expr.Interval i) return i;
        if (e instanceof Expr.Tuple t && t.items().size() == 2) {
            return new Expr.Interval(t.items().get(0), t.items().get(1), false, false);
        }
        return null;
    }

    private Verdict matrices(Expr a, Expr b) {
        List<List<Expr>> x = rowsOf(a);
        List<List<Expr>> y = rowsOf(b);
        if (x == null || y == null) return Verdict.no("a matrix vs another kind of answer");
        if (x.size() != y.size() || x.getFirst().size() != y.getFirst().size()) {
            // a column vector equals a tuple of its entries
            List<Expr> fx = flatVector(x);
            List<Expr> fy = flatVector(y);
            if (fx != null && fy != null) return ordered(fx, fy, "vector");
            return Verdict.no("matrices of different shapes");
        }
        for (int i = 0; i < x.size(); i++) {
            Verdict v = ordered(x.get(i), y.get(i), "matrix row");
            if (!v.equivalent()) return v;
        }
        return Verdict.yes("equal matrices");
    }

    private static List<List<Expr>> rowsOf(Expr e) {
        if (e instanceof Expr.Matrix m) return m.rows();
        if (e instanceof Expr.Tuple t) return List.of(t.items());
        return null;
    }

    private static List<Expr> flatVector(List<List<Expr>> rows) {
        if (rows.size() == 1) return rows.getFirst();
        if (rows.stream().allMatch(r -> r.size() == 1))
            return rows.stream().map(List::getFirst).toList();
        return null;
    }

    // ------------------------------------------------------------------ relations

    private Verdict relationVersusValue(Expr.Relation r, Expr v) {
        Expr value = finalValue(r);
        if (value != null) {
            Verdict inner = cmp(prepare(value), v);
            return new Verdict(inner.outcome(), "value of the relation: " + inner.reason());
        }
        Expr.Union abs = absInequality(r);
        if (abs != null) return cmp(abs, v);
        Expr.Interval iv = inequalityInterval(r);
        if (iv != null) {
            if (v instanceof Expr.Interval || v instanceof Expr.Tuple) return intervals(iv, v);
            return Verdict.no("an inequality vs a value");
        }
        return Verdict.no("an equation or inequality vs a value");
    }

    /** {@return the value a chain of = and ≈ states, or null for a genuine equation} */
    static Expr finalValue(Expr.Relation r) {
        List<Rel> ops = r.ops();
        for (Rel op : ops) if (op != Rel.EQ && op != Rel.APPROX) return null;
        List<Expr> xs = r.operands();
        Set<String> vars = new LinkedHashSet<>();
        variables(r, vars);
        if (vars.isEmpty() && ops.getFirst() == Rel.EQ) { // arithmetic such as 35 + 70 = 105: its result
            int last = 0;
            for (int i = 0; i < ops.size() && ops.get(i) == Rel.EQ; i++) last = i + 1;
            return xs.get(last);
        }
        boolean named = isNameLike(xs.getFirst());
        if (!named && ops.size() == 1 && ops.getFirst() == Rel.EQ) return null; // an equation such as a + 3z = 0
        if (ops.getFirst() == Rel.APPROX) return named ? xs.get(1) : xs.getFirst();
        int last = named ? 1 : 0;
        for (int i = 0; i < ops.size() && ops.get(i) == Rel.EQ; i++) last = i + 1;
        return xs.get(last);
    }

    /** {@return whether an expression names a quantity (no number in it): x, f(x), |AB|, A:B, NO/BO} */
    private static boolean isNameLike(Expr e) {
        return switch (e) {
            case Expr.Var v -> true;
            case Expr.Text t -> true;
            case Expr.Num n -> false;
            case Expr.Const c -> false;
            case Binary b -> { // down the left spine in a loop
                Expr x = b;
                for (; x instanceof Binary n; x = n.left()) if (!isNameLike(n.right())) yield false;
                yield isNameLike(x);
            }
            case Expr.Func f -> f.args().stream().allMatch(Equivalence::isNameLike);
            case Expr.Neg n -> false;
            case Expr.Tuple t -> t.items().stream().allMatch(Equivalence::isNameLike);
            default -> false;
        };
    }

    /** {@return the interval a one-variable inequality states (x < 3, 1 < x \le 2, 5 \ge x), or null} */
    static Expr.Interval inequalityInterval(Expr.Relation r) {
        List<Expr> xs = r.operands();
        List<Rel> ops = r.ops();
        for (Rel op : ops) if (op != Rel.LT && op != Rel.LE && op != Rel.GT && op != Rel.GE) return null;
        Expr inf = new Expr.Const(Expr.Const.Kind.INFINITY);
        Expr minusInf = new Expr.Neg(inf);
        if (xs.size() == 3) {
            boolean up = ops.get(0) == Rel.LT || ops.get(0) == Rel.LE;
            boolean up2 = ops.get(1) == Rel.LT || ops.get(1) == Rel.LE;
            if (up != up2 || !isNameLike(xs.get(1))) return null;
            if (up) return new Expr.Interval(xs.get(0), xs.get(2), ops.get(0) == Rel.LE, ops.get(1) == Rel.LE);
            return new Expr.Interval(xs.get(2), xs.get(0), ops.get(1) == Rel.GE, ops.get(0) == Rel.GE);
        }
        if (xs.size() != 2) return null;
        Rel op = ops.getFirst();
        boolean closed = op == Rel.LE || op == Rel.GE;
        if (xs.get(0) instanceof Expr.Var && !(xs.get(1) instanceof Expr.Var)) {
            return op == Rel.LT || op == Rel.LE
                    ? new Expr.Interval(minusInf, xs.get(1), false, closed)
                    : new Expr.Interval(xs.get(1), inf, closed, false);
        }
        if (xs.get(1) instanceof Expr.Var && !(xs.get(0) instanceof Expr.Var)) {
            return op == Rel.GT || op == Rel.GE
                    ? new Expr.Interval(minusInf, xs.get(0), false, closed)
                    : new Expr.Interval(xs.get(0), inf, closed, false);
        }
        return null;
    }

    /** {@return a \le |x| \le b (0 \le a, either end open or closed) as the union [-b, -a] ∪ [a, b], or null} */
    private static Expr.Union absInequality(Expr.Relation r) {
        List<Expr> xs = r.operands();
        List<Rel> ops = r.ops();
        if (xs.size() != 3
                || !(xs.get(1) instanceof Expr.Func f)
                || !f.name().equals("abs")
                || !(f.args().getFirst() instanceof Expr.Var)) {
            return null;
        }
        boolean up = (ops.get(0) == Rel.LT || ops.get(0) == Rel.LE) && (ops.get(1) == Rel.LT || ops.get(1) == Rel.LE);
        if (!up) return null;
        try {
            if (Evaluator.evaluate(xs.get(0)).toDouble() < 0) return null;
        } catch (RuntimeException e) {
            return null;
        }
        boolean lowClosed = ops.get(0) == Rel.LE;
        boolean highClosed = ops.get(1) == Rel.LE;
        Expr a = xs.get(0);
        Expr b = xs.get(2);
        return new Expr.Union(List.of(
                new Expr.Interval(new Expr.Neg(b), new Expr.Neg(a), highClosed, lowClosed),
                new Expr.Interval(a, b, lowClosed, highClosed)));
    }

    private Verdict relations(Expr.Relation a, Expr.Relation b) {
        boolean chainA = a.ops().size() > 1;
        boolean chainB = b.ops().size() > 1;
        Expr.Interval ia = inequalityInterval(a);
        Expr.Interval ib = inequalityInterval(b);
        if (ia != null && ib != null) {
            Verdict v = intervals(ia, ib);
            if (v.equivalent() || (chainA || chainB)) return v;
        }
        if (!chainA && !chainB) {
            Rel x = a.ops().getFirst();
            Rel y = b.ops().getFirst();
            Expr da = difference(a, x);
            Expr db = difference(b, y);
            int kindA = kind(x);
            int kindB = kind(y);
            if (kindA == kindB) {
                boolean strictA = x == Rel.LT || x == Rel.GT;
                boolean strictB = y == Rel.LT || y == Rel.GT;
                if (kindA == 1 && strictA != strictB) return Verdict.no("strict vs non-strict inequality");
                Verdict p = proportional(da, db, kindA == 1);
                if (p.equivalent()) return p;
                if (kindA == 0 && x != Rel.NE) {
                    Expr va = finalValue(a);
                    Expr vb = finalValue(b);
                    if (va != null && vb != null) {
                        Verdict v = cmp(prepare(va), prepare(vb));
                        if (v.equivalent()) return new Verdict(v.outcome(), "equal right-hand sides: " + v.reason());
                    }
                }
                return p;
            }
            return Verdict.no("different kinds of relation");
        }
        Expr va = finalValue(a);
        Expr vb = finalValue(b);
        if (va != null && vb != null) return cmp(prepare(va), prepare(vb));
        return Verdict.no("relations of different shapes");
    }

    /** 0 for = ≈ ≠ (any non-zero multiple), 1 for inequalities (positive multiple), normalised to "d op 0". */
    private static int kind(Rel r) {
        return switch (r) {
            case LT, LE, GT, GE -> 1;
            case NE -> 2;
            default -> 0;
        };
    }

    /** {@return L - R, or R - L for > and ≥, so that every inequality reads "d < 0" or "d ≤ 0"} */
    private static Expr difference(Expr.Relation r, Rel op) {
        Expr l = r.operands().get(0);
        Expr rr = r.operands().get(1);
        return op == Rel.GT || op == Rel.GE ? new Binary(Op.SUB, rr, l) : new Binary(Op.SUB, l, rr);
    }

    /** {@return equivalent when d1 = c·d2 for a constant c ≠ 0 (c > 0 when positive) at every sample point} */
    private Verdict proportional(Expr d1, Expr d2, boolean positive) {
        Set<String> vars = new LinkedHashSet<>();
        variables(d1, vars);
        variables(d2, vars);
        List<Map<String, Value>> points = points(vars);
        Double ratio = null;
        int used = 0;
        for (Map<String, Value> p : points) {
            Value v1;
            Value v2;
            try {
                v1 = Evaluator.evaluate(d1, p, budget);
                v2 = Evaluator.evaluate(d2, p, budget);
            } catch (EvaluationException e) {
                continue;
            }
            double x = v1.toDouble();
            double y = v2.toDouble();
            boolean zx = Math.abs(x) <= 1e-12;
            boolean zy = Math.abs(y) <= 1e-12;
            if (zx != zy) return Verdict.no("the relations differ at a sample point");
            if (zx) continue;
            double r = x / y;
            if (positive && r <= 0) return Verdict.no("the inequalities point in opposite directions");
            if (ratio == null) ratio = r;
            else if (Math.abs(r - ratio) > 1e-9 * Math.max(1, Math.abs(ratio))) {
                return Verdict.no("the relations are not multiples of each other");
            }
            used++;
        }
        if (used == 0) {
            return vars.isEmpty()
                    ? Verdict.no("relations between numbers that do not compare")
                    : Verdict.no("no sample point where both relations are defined");
        }
        return Verdict.yes("equivalent relations (one side minus the other proportional, factor " + round(ratio) + ")");
    }

    private static String round(double d) {
        return BigDecimal.valueOf(d)
                .round(new java.math.MathContext(6))
                .stripTrailingZeros()
                .toPlainString();
    }

    // ------------------------------------------------------------------ scalars

    private Verdict scalars(Expr a, Expr b) {
        Expr.Percent pa = percent(a);
        Expr.Percent pb = percent(b);
        if (pa != null && pb == null) return percentRule(pa, a, b);
        if (pb != null && pa == null) return percentRule(pb, b, a);
        if (pa != null) {
            a = stripPercent(a);
            b = stripPercent(b);
        }
        return numeric(a, b);
    }

    private Verdict percentRule(Expr.Percent p, Expr withPercent, Expr other) {
        Verdict asNumber = numeric(stripPercent(withPercent), other);
        if (asNumber.equivalent()) return Verdict.yes("percent sign as decoration: " + asNumber.reason());
        Verdict asFraction = numeric(withPercent, other);
        if (asFraction.equivalent()) return Verdict.yes("p% as p/100: " + asFraction.reason());
        return asNumber;
    }

    private static Expr.Percent percent(Expr e) {
        if (e instanceof Expr.Percent p) return p;
        if (e instanceof Expr.Neg n && n.operand() instanceof Expr.Percent p) return p;
        return null;
    }

    private static Expr stripPercent(Expr e) {
        if (e instanceof Expr.Percent p) return p.operand();
        if (e instanceof Expr.Neg n && n.operand() instanceof Expr.Percent p) return new Expr.Neg(p.operand());
        return e;
    }

    private Verdict numeric(Expr a, Expr b) {
        Set<String> vars = new LinkedHashSet<>();
        variables(a, vars);
        variables(b, vars);
        if (vars.isEmpty()) return constants(a, b);
        return identity(a, b, vars);
    }

    private Verdict constants(Expr a, Expr b) {
        Value va;
        Value vb;
        try {
            va = Evaluator.evaluate(a, Map.of(), budget);
            vb = Evaluator.evaluate(b, Map.of(), budget);
        } catch (EvaluationException e) {
            return MathPrinter.print(a).equals(MathPrinter.print(b))
                    ? Verdict.yes("same expression (no numeric value: " + e.getMessage() + ")")
                    : Verdict.no("no numeric value (" + e.getMessage() + ") and different expressions");
        }
        if (va instanceof Value.Exact x
                && vb instanceof Value.Exact y
                && x.value().equals(y.value())) {
            return Verdict.yes("equal exact values " + x.value());
        }
        if (options.decimalsToShownPrecision()) {
            int da = decimals(a);
            int db = decimals(b);
            if (da >= 0 || db >= 0) {
                Verdict d = shownPrecision(va, da, vb, db);
                if (d != null) return d;
            }
        }
        if (va instanceof Value.Exact x && vb instanceof Value.Exact y) {
            return Verdict.no("different exact values " + x.value() + " and " + y.value());
        }
        return Value.equal(va, vb, options.relativeTolerance())
                ? Verdict.yes(
                        "equal values ≈ " + va.toDouble() + " within relative tolerance " + options.relativeTolerance())
                : Verdict.no("different values ≈ " + va.toDouble() + " and " + vb.toDouble());
    }

    /** A decimal shown with fewer significant digits (0.5, 0.03) is compared exactly, not as a rounding. */
    static final int MIN_SIGNIFICANT = 2;

    /**
     * Compares at the precision of the less precise decimal literal, when it shows at least {@link
     * #MIN_SIGNIFICANT} significant digits; {@code null} otherwise (the caller compares exactly).
     */
    private static Verdict shownPrecision(Value va, int da, Value vb, int db) {
        int d = da < 0 ? db : db < 0 ? da : Math.min(da, db);
        if (va instanceof Value.Exact x && vb instanceof Value.Exact y) {
            BigDecimal rx = x.value().toDecimal(d);
            BigDecimal ry = y.value().toDecimal(d);
            // the more precise side rounds to the less precise one, which must be exactly what is shown
            boolean aShown = da == d;
            BigRational shown = aShown ? x.value() : y.value();
            BigDecimal other = aShown ? ry : rx;
            if (shown.toDecimal(d).precision() < MIN_SIGNIFICANT) return null;
            if (BigRational.of(other).equals(shown)) {
                return Verdict.yes("equal to " + d + " decimals as shown (" + other.toPlainString() + ")");
            }
            return Verdict.no(
                    "different at " + d + " decimals (" + rx.toPlainString() + " vs " + ry.toPlainString() + ")");
        }
        double x = va.toDouble();
        double y = vb.toDouble();
        double literal = da == d ? x : y;
        if (Double.isInfinite(literal)
                || BigDecimal.valueOf(literal)
                                .setScale(d, java.math.RoundingMode.HALF_UP)
                                .precision()
                        < MIN_SIGNIFICANT) {
            return null;
        }
        double half = 0.5 * Math.pow(10, -d);
        return Math.abs(x - y) <= half * (1 + 1e-9) + 1e-15 * Math.max(Math.abs(x), Math.abs(y))
                ? Verdict.yes("equal to " + d + " decimals as shown")
                : Verdict.no("different at " + d + " decimals");
    }

    /** {@return the decimals of a (signed) decimal literal, or -1} */
    private static int decimals(Expr e) {
        if (e instanceof Expr.Num n) return n.decimals();
        if (e instanceof Expr.Neg neg && neg.operand() instanceof Expr.Num n) return n.decimals();
        return -1;
    }

    private Verdict identity(Expr a, Expr b, Set<String> vars) {
        int agree = 0;
        for (Map<String, Value> p : points(vars)) {
            Value va;
            Value vb;
            boolean ea = false;
            boolean eb = false;
            try {
                va = Evaluator.evaluate(a, p, budget);
            } catch (EvaluationException e) {
                va = null;
                ea = true;
            }
            try {
                vb = Evaluator.evaluate(b, p, budget);
            } catch (EvaluationException e) {
                vb = null;
                eb = true;
            }
            if (ea || eb) continue; // outside the domain of one side (sqrt(x)^2 vs x at x < 0)
            if (!Value.equal(va, vb, options.relativeTolerance())) {
                return Verdict.no("different values at a sample point (" + va + " vs " + vb + ")");
            }
            agree++;
        }
        if (agree < 2) {
            return MathPrinter.print(a).equals(MathPrinter.print(b))
                    ? Verdict.yes("same expression")
                    : Verdict.no("expressions not comparable at sample points");
        }
        return Verdict.yes("equal at " + agree + " random points of " + vars);
    }

    /**
     * Seeded sample points: each variable gets a rational with denominator 97 or 89, in [0.3, 3.3) at
     * four points and in [-3.3, -0.3) at two (so |x| and x differ).
     */
    private List<Map<String, Value>> points(Set<String> vars) {
        List<String> sorted = new ArrayList<>(vars);
        sorted.sort(Comparator.naturalOrder());
        SplittableRandom rnd = new SplittableRandom(options.seed() ^ sorted.hashCode());
        List<Map<String, Value>> out = new ArrayList<>(POINTS + 2);
        for (int k = 0; k < POINTS + 2; k++) {
            Map<String, Value> p = new HashMap<>();
            for (String v : sorted) {
                long den = (k % 2 == 0) ? 97 : 89;
                long num = (long) (den * 0.3) + rnd.nextLong(den * 3);
                p.put(v, Value.of(BigRational.of(k % 3 == 2 ? -num : num, den)));
            }
            out.add(p);
        }
        return out;
    }

    static void variables(Expr e, Set<String> out) {
        switch (e) {
            case Expr.Var v -> out.add(v.name());
            case Expr.Neg n -> variables(n.operand(), out);
            case Binary b
            when !(b.left() instanceof Binary) -> {
                variables(b.left(), out);
                variables(b.right(), out);
            }
            case Binary b -> { // a left spine (flat chain) in a loop, right operands recursively
                List<Binary> spine = b.leftSpine();
                variables(spine.getLast().left(), out);
                for (int i = spine.size() - 1; i >= 0; i--)
                    variables(spine.get(i).right(), out);
            }
            case Expr.PlusMinus p -> {
                variables(p.left(), out);
                variables(p.right(), out);
            }
            case Expr.Func f -> f.args().forEach(x -> variables(x, out));
            case Expr.Percent p -> variables(p.operand(), out);
            case Expr.Tuple t -> t.items().forEach(x -> variables(x, out));
            case Expr.SetOf s -> s.items().forEach(x -> variables(x, out));
            case Expr.Seq s -> s.items().forEach(x -> variables(x, out));
            case Expr.Interval i -> {
                variables(i.low(), out);
                variables(i.high(), out);
            }
            case Expr.Union u -> u.parts().forEach(x -> variables(x, out));
            case Expr.Matrix m -> m.rows().forEach(r -> r.forEach(x -> variables(x, out)));
            case Expr.Relation r -> r.operands().forEach(x -> variables(x, out));
            case Expr.Num n -> {}
            case Expr.Const c -> {}
            case Expr.Text t -> {}
        }
    }

    private static boolean hasVariable(Expr e, String name) {
        Set<String> s = new LinkedHashSet<>();
        variables(e, s);
        return s.contains(name);
    }
}
