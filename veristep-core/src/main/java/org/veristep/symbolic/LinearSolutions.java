package org.veristep.symbolic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.veristep.math.BigRational;
import org.veristep.math.Value;

/**
 * Follows the linear equations in one unknown that a step solves ("-2 + 4a + 8 = 0 ⇒ 4a = -10",
 * "18 = -2 + 4 + c, c = 18 - 2 + 4"): each equation's solution is worked out exactly, and an
 * equation derived from the one before it in the same unknown whose solution differs is a slip in
 * solving. A link whose two sides both mention the unknown and differ by the same non-zero constant
 * whatever it is ({@code (x - 16 + 100) - 25 = x + 69 - 25}) holds for no value: it is false too;
 * so is a link in the same several unknowns whose sides differ by one non-zero constant at four
 * rational points ({@code 38k + 8 + 19m + 2 - 19n - 18 = 38k + 19m - 19n + 2}).
 *
 * <p>An equation here is a link {@code left = right} whose sides mention one variable in all, not
 * applied as a function ({@code d(9)}), whose difference is exactly linear in it (evaluated at three
 * rational points) with a non-zero slope, and with no percent, rounded decimal or alternative
 * reading. Two equations are one derivation only when the text between them names no alternative,
 * case or check ("or", "and", "if", "second", "solutions", "try", "substitute", {@code \pm}, a comma,
 * {@code \quad}, a new list item ...); once two equations in an unknown are written as alternatives
 * ("k - 4 = 0 or k - 8 = 0") its equations are not compared again in the trace. A bare assignment
 * ({@code c = 18 - 2 + 4}, {@code d = 20}) is checked against the equation before it (a number
 * written for the solution only when it is off by at least one unit of its last digit, so rounding
 * and truncation pass), and it ends the derivation: the next equation in the
 * unknown starts over. A derivation may go on in the next step ("48 = -36 + (n-1) × 7." then
 * "Subtract 36 from both sides: 12 = (n-1) × 7"): {@link #nextStep} carries it, and the text
 * between (the rest of one step, the start of the next) is checked the same way. One instance per
 * trace, fed in text order; not thread-safe.
 */
final class LinearSolutions {
    private static final BigRational[] POINTS = {BigRational.of(7, 3), BigRational.of(11, 5), BigRational.of(13, 2)};

    /**
     * Words and marks between two equations that say they are alternatives, cases or checks rather
     * than one derivation ("x - 8 = 12 or x - 8 = -12", "if y = 6 ... Second, if y = 4").
     */
    private static final Pattern ALTERNATIVES = Pattern.compile(
            "\\b(or|and|if|when|whe?n?ever|case|cases|second|third|other|another|either|solutions?|roots?|"
                    + "values?|check|checking|verify|try|trying|suppose|assume|let|plug|plugging|substitut\\w*|"
                    + "test|testing|also|then|each|for|pairs?|points?|equations|these|first|former|latter|similarly|likewise|same|analogous\\w*|again|new|part|instead|alternatively)\\b|\\n\\s*(\\d+[.)]|[-*•])|\\\\pm|±|\\\\mp|\\\\quad|\\\\qquad|"
                    + "\\\\text\\{\\s*(or|and)",
            Pattern.CASE_INSENSITIVE);

    /** The solution of the last equation in each unknown (never a bare assignment). */
    private final Map<String, BigRational> solutions = new HashMap<>();

    private final Map<String, String> sources = new HashMap<>();

    /** Where in the step's text the last equation in each unknown ends; -1: in an earlier step. */
    private final Map<String, Integer> ends = new HashMap<>();

    /** A number with its sign attached after a space ("2 -16"): likely a new equation's start. */
    private static final Pattern SIGNED_NUMBER = Pattern.compile("\\s[-−]\\d");

    /** "1/2x": (1/2)x or 1/(2x), the writer's meaning is not certain. */
    private static final Pattern AMBIGUOUS_DIVISION = Pattern.compile("/\\s*\\d+(\\.\\d+)?\\s*[A-Za-z(\\\\]");

    /** Unknowns with alternatives written: their equations are not compared any more. */
    private final Set<String> branching = new java.util.HashSet<>();

    /** For equations in earlier steps: the text after them up to the end of their step. */
    private final Map<String, String> tails = new HashMap<>();

    /**
     * Moves on to the next step of the trace: the equations of this one stay, each followed by the
     * rest of this step's text (checked with the next step's text before the next equation).
     */
    void nextStep(String text) {
        for (Map.Entry<String, Integer> e : ends.entrySet()) {
            if (e.getValue() >= 0) tails.put(e.getKey(), text.substring(e.getValue()) + "\n");
            else tails.put(e.getKey(), tails.get(e.getKey()) + text + "\n");
            e.setValue(-1);
        }
    }

    /**
     * Offers one link of a chain, in the order of the text.
     *
     * @return a reason when the link is an equation whose solution contradicts the previous
     *     equation's in the same unknown, else null
     */
    String offer(String text, Side l, Side r, SideEvaluator eval) {
        Set<String> lv = l.variables();
        Set<String> rv = r.variables();
        if (lv.size() > 1 && lv.equals(rv)) return constantDifference(text, l, r, eval);
        if (lv.size() > 1 || rv.size() > 1 || (lv.isEmpty() && rv.isEmpty())) return null;
        String var = (lv.isEmpty() ? rv : lv).iterator().next();
        if ((!lv.isEmpty() && !lv.contains(var)) || (!rv.isEmpty() && !rv.contains(var))) return null;
        if (!acceptable(l)
                || !acceptable(r)
                || !plainVariable(var, l, r)
                || AMBIGUOUS_DIVISION
                        .matcher(text.substring(l.start(), r.end()))
                        .find()) {
            forget(var);
            return null;
        }
        BigRational before = solutions.get(var);
        String beforeText = sources.get(var);
        boolean linked = before != null && derivedFrom(text, ends.get(var), tails.get(var), l.start());
        // once alternatives in an unknown are written ("k - 4 = 0 or k - 8 = 0"), what follows in it
        // may take them in any order ("k = 4 or k = 8"): never compared again in this trace
        if (before != null && !linked && branches(text, ends.get(var), tails.get(var), l.start())) branching.add(var);
        if (branching.contains(var)) linked = false;
        boolean bareLeft = l.expr().equals(var) && rv.isEmpty();
        boolean bareRight = r.expr().equals(var) && lv.isEmpty();
        if (bareLeft || bareRight) {
            // a bare assignment ends a derivation: what follows in the unknown starts over
            forget(var);
            Side other = bareLeft ? r : l;
            if (!linked || HEADER.matcher(text).region(r.end(), text.length()).lookingAt()) return null;
            Value v = eval.value(other.expr(), Map.of());
            if (!(v instanceof Value.Exact x) || before.compareTo(x.value()) == 0) return null;
            if (StepVerifier.isLiteral(other.expr())) {
                // a number written for the solution may be rounded or truncated to the digits shown
                String e = other.expr();
                int k = e.indexOf('.') < 0 ? 0 : e.length() - e.indexOf('.') - 1;
                BigRational ulp = BigRational.ONE.divide(BigRational.of(java.math.BigInteger.TEN.pow(k)));
                BigRational diff = before.subtract(x.value());
                if (diff.signum() < 0) diff = diff.negate();
                if (diff.compareTo(ulp) < 0) return null;
            }
            return "the equation before (" + beforeText + ") gives " + var + " = " + show(before) + ", this gives "
                    + show(x.value());
        }
        BigRational[] f = new BigRational[POINTS.length];
        for (int i = 0; i < POINTS.length; i++) {
            Map<String, Value> at = Map.of(var, Value.of(POINTS[i]));
            Value a = eval.value(l.expr(), at);
            Value b = eval.value(r.expr(), at);
            if (!(a instanceof Value.Exact xa) || !(b instanceof Value.Exact xb)) {
                forget(var);
                return null;
            }
            f[i] = xa.value().subtract(xb.value());
        }
        BigRational slope = f[1].subtract(f[0]).divide(POINTS[1].subtract(POINTS[0]));
        BigRational slope2 = f[2].subtract(f[1]).divide(POINTS[2].subtract(POINTS[1]));
        if (slope.compareTo(slope2) != 0 || slope.signum() == 0) {
            forget(var);
            // "x + 2 = x + 5" holds for no x; a run-on "-14 = x + 2 -16 = x" (math-708) is not read so
            if (slope.signum() == 0
                    && slope2.signum() == 0
                    && f[0].signum() != 0
                    // "Cost = 3x + 5 Cost = 3x + 5 + 2": a word inside a side, two statements run together
                    && l.units().isEmpty()
                    && r.units().isEmpty()
                    && !lv.isEmpty()
                    && !rv.isEmpty()
                    && !SIGNED_NUMBER
                            .matcher(text.substring(l.start(), r.end()))
                            .find()) {
                return "the two sides differ by " + show(f[0]) + " whatever " + var + " is";
            }
            return null;
        }
        BigRational solution = POINTS[0].subtract(f[0].divide(slope));
        solutions.put(var, solution);
        sources.put(var, text.substring(l.start(), r.end()));
        ends.put(var, r.end());
        tails.remove(var);
        if (!linked || before.compareTo(solution) == 0) return null;
        return "the equation before (" + beforeText + ") has the solution " + var + " = " + show(before) + ", this one "
                + var + " = " + show(solution);
    }

    private static final Pattern BRANCHES = Pattern.compile(
            "\\b(or|either|case|cases)\\b|\\\\pm|±|\\\\mp|\\\\quad|\\\\qquad", Pattern.CASE_INSENSITIVE);

    /** {@return whether the text between two equations writes them as alternatives ("... or ...")} */
    private static boolean branches(String text, int from, String tail, int to) {
        if (from < 0)
            return BRANCHES.matcher(tail).find()
                    || BRANCHES.matcher(text).region(0, to).find();
        return from <= to && BRANCHES.matcher(text).region(from, to).find();
    }

    /** Two capital letters together: a segment or an angle's name in geometry. */
    private static final Pattern SEGMENT = Pattern.compile("(?<![A-Za-z\\\\])[A-Z]{2,3}(?![A-Za-z])");

    private static java.util.TreeSet<String> segments(String side) {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        java.util.regex.Matcher m = SEGMENT.matcher(side);
        while (m.find()) out.add(m.group());
        return out;
    }

    private static final long[] NUMERATORS = {7, 11, 13, 17, 19, 23, 29, 31, 37};
    private static final long[] DENOMINATORS = {3, 5, 2, 7, 4, 9};

    /**
     * {@return a reason when two sides in the same several unknowns differ by the same non-zero
     * constant at four rational points ({@code a + b + 5 = a + b + 3}), else null}
     */
    private static String constantDifference(String text, Side l, Side r, SideEvaluator eval) {
        // "\\frac{BE \\cdot CD}{BD \\cdot CE} = 4": segment names, not products of letters (the same names on
        // both sides, "AB + 2 = AB", differ by a constant whatever they mean)
        if (!segments(text.substring(l.start(), l.end())).equals(segments(text.substring(r.start(), r.end())))) {
            return null;
        }
        if (!acceptable(l)
                || !acceptable(r)
                || AMBIGUOUS_DIVISION
                        .matcher(text.substring(l.start(), r.end()))
                        .find()
                || SIGNED_NUMBER.matcher(text.substring(l.start(), r.end())).find()) {
            return null;
        }
        List<String> names = new java.util.ArrayList<>(new java.util.TreeSet<>(l.variables()));
        for (String v : names) if (!plainVariable(v, l, r)) return null;
        BigRational diff = null;
        for (int t = 0; t < 4; t++) {
            Map<String, Value> at = new HashMap<>();
            for (int j = 0; j < names.size(); j++) {
                at.put(
                        names.get(j),
                        Value.of(BigRational.of(
                                NUMERATORS[(3 * j + t) % NUMERATORS.length],
                                DENOMINATORS[(j + 2 * t) % DENOMINATORS.length])));
            }
            Value a = eval.value(l.expr(), at);
            Value b = eval.value(r.expr(), at);
            if (!(a instanceof Value.Exact xa) || !(b instanceof Value.Exact xb)) return null;
            BigRational d = xa.value().subtract(xb.value());
            if (d.signum() == 0 || (diff != null && d.compareTo(diff) != 0)) return null;
            diff = d;
        }
        return "the two sides differ by " + show(diff) + " whatever " + String.join(", ", names) + " are";
    }

    /**
     * A step of solving named between two equations ("Subtracting 150 from both sides, we get:"):
     * the commas around it do not separate alternatives.
     */
    private static final Pattern SOLVING_STEP = Pattern.compile(
            "\\b(?:(?:subtract|add|divid|multipl)\\w*\\b[^,;.]{0,40}\\bboth sides|simplifying(?: the equation)?"
                    + "|combining like terms)\\b",
            Pattern.CASE_INSENSITIVE);

    /** An equation named by whose or which it is ("Monday's equation", "equation (1)"). */
    private static final Pattern NAMED_EQUATION =
            Pattern.compile("\\w's\\s+equation|equation\\s*\\(?\\d|\\(\\d\\)", Pattern.CASE_INSENSITIVE);

    /** A colon after an assignment: a header ("x = 1: 3x + 2 = 5", "Year 1 (t = 1): ..."). */
    private static final Pattern HEADER = Pattern.compile("\\s*(?:\\\\\\)|\\)|\\$)?\\s*:");

    /** {@return whether the text between two equations reads as one derivation (no alternatives)} */
    private static boolean derivedFrom(String text, int from, String tail, int to) {
        if (from < 0) return !separates(tail) && !separates(text.substring(0, to));
        if (from > to) return false;
        return !separates(text.substring(from, to));
    }

    /**
     * {@return whether the text between two equations names an alternative, case or check, or
     * separates them with a comma or semicolon that no step of solving explains}
     */
    private static boolean separates(String between) {
        // "Evaluating at x = 2: 3x + 2 = 8", "Monday's equation": another value, or a named equation
        if (between.indexOf('=') >= 0 || NAMED_EQUATION.matcher(between).find()) return true;
        if (ALTERNATIVES.matcher(between).find()) return true;
        if (between.indexOf(',') < 0 && between.indexOf(';') < 0) return false;
        return between.indexOf(';') >= 0 || !SOLVING_STEP.matcher(between).find();
    }

    private void forget(String var) {
        solutions.remove(var);
        sources.remove(var);
        ends.remove(var);
        tails.remove(var);
    }

    private static boolean acceptable(Side s) {
        if (s.hasPercent() || !s.alternatives().isEmpty() || !s.decimals().isEmpty()) return false;
        String e = s.expr();
        return !e.contains("floor(") && !e.contains("ceil(") && !e.contains("|");
    }

    private static boolean plainVariable(String var, Side l, Side r) {
        if (StepVerifier.NOT_FREE.contains(var)) return false;
        for (Side s : List.of(l, r)) {
            // d(9), f (x): a function applied, not a product
            if (s.expr().contains(var + "(") || s.expr().contains(var + " (")) return false;
        }
        return true;
    }

    private static String show(BigRational q) {
        return StepVerifier.show(Value.of(q));
    }
}
