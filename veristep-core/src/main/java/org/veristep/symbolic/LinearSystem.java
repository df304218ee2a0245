package org.veristep.symbolic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.veristep.math.BigRational;
import org.veristep.math.Value;

/**
 * Checks an equation a step says it gets by substitution against the linear equations the trace
 * stated before it: "S = 2B", "(S + 2) + (B + 2) = 28", then "Substituting the first equation into
 * the second equation, we get: 2B + 4 + B + 2 = 28" is false, because the two equations before it
 * have the one solution B = 8, S = 16, where 2B + 4 + B + 2 is 30.
 *
 * <p>An equation here is a link {@code left = right} in unknowns (at most six, none applied as a
 * function, no percent, decimal or alternative reading) whose difference is exactly affine in them
 * (checked at two extra rational points). The equations before are the trace's, in text order;
 * they are used only when, restricted to the new equation's unknowns, they have exactly one
 * solution and agree with each other (an inconsistent set, a reused letter or a case split, is not
 * used). Only an equation that the text just before it, in its sentence, says comes from
 * substituting or plugging in is checked, and not when that text substitutes a number ("Substituting
 * x = 1 into y = 2x + 3 gives 2x + 3 = 5" is about x = 1). One instance per trace, fed in text order; not
 * thread-safe.
 */
final class LinearSystem {
    private static final int MAX_UNKNOWNS = 6;

    private static final Pattern SUBSTITUTED =
            Pattern.compile("\\b(?:substitut\\w*|plugg?\\w*\\s+in)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * A number substituted ("Substituting x = 1 into y = 2x + 3", "substituting 10 for m"): the
     * equation that follows is about that value, not about the solution of the equations before.
     */
    private static final Pattern A_VALUE = Pattern.compile(
            "(?<![A-Za-z])[A-Za-z](?:_\\{?\\w+\\}?)?\\s*(?:\\\\\\)|\\$)?\\s*=\\s*(?:\\\\\\(|\\$)?\\s*-?\\d"
                    + "|\\bsubstitut\\w*\\s+(?:\\\\\\(|\\$)?\\s*-?\\d|\\b(?:at|when|for|with)\\s+(?:\\\\\\(|\\$)?\\s*[A-Za-z]\\s*=",
            Pattern.CASE_INSENSITIVE);

    /** One stated equation: {@code sum(coefficients[v] * v) + constant = 0}. */
    private record Equation(Map<String, BigRational> coefficients, BigRational constant) {}

    /**
     * A link stated, kept as written: it is made an {@link Equation} (or found not affine) only when
     * a substitution is checked against it, which few traces need.
     */
    private static final class Stated {
        final Side l;
        final Side r;
        final List<String> vars;
        Equation equation;
        boolean done;

        Stated(Side l, Side r, List<String> vars) {
            this.l = l;
            this.r = r;
            this.vars = vars;
        }

        Equation equation() {
            if (!done) {
                equation = affine(l, r, vars, new SideEvaluator(java.time.Duration.ofMillis(200)));
                done = true;
            }
            return equation;
        }
    }

    private final List<Stated> stated = new ArrayList<>();

    private static final BigRational[] BASE = {
        BigRational.of(7, 3),
        BigRational.of(11, 5),
        BigRational.of(13, 2),
        BigRational.of(17, 7),
        BigRational.of(19, 4),
        BigRational.of(23, 9)
    };

    /**
     * Offers one link of a chain, in the order of the text.
     *
     * @return a reason when the link is an equation obtained by substitution that the equations
     *     stated before it contradict, else null
     */
    String offer(String text, Side l, Side r, SideEvaluator eval) {
        TreeSet<String> vars = new TreeSet<>(l.variables());
        vars.addAll(r.variables());
        if (vars.isEmpty() || vars.size() > MAX_UNKNOWNS) return null;
        for (Side s : List.of(l, r)) {
            if (s.hasPercent() || !s.alternatives().isEmpty() || !s.decimals().isEmpty()) return null;
            for (String v : s.variables()) {
                if (StepVerifier.NOT_FREE.contains(v)
                        || s.expr().contains(v + "(")
                        || s.expr().contains(v + " (")) {
                    return null;
                }
            }
        }
        String reason = null;
        // "substitute y = 3 into ...": the value substituted, not an equation obtained
        boolean assignment = vars.size() == 1
                && (l.expr().equals(vars.first()) && r.variables().isEmpty()
                        || r.expr().equals(vars.first()) && l.variables().isEmpty());
        int from = Sentences.start(text, l.start());
        if (!assignment
                && !stated.isEmpty()
                && SUBSTITUTED.matcher(text).region(from, l.start()).find()
                && !A_VALUE.matcher(text).region(from, l.start()).find()) {
            // the unknowns of the stated equations that share one with this equation: a substitution
            // eliminates some of them (decided on the unknowns alone, before any equation is made)
            TreeSet<String> all = new TreeSet<>(vars);
            for (Stated st : stated) {
                if (st.vars.stream().anyMatch(vars::contains)) all.addAll(st.vars);
            }
            List<Stated> relevant = new ArrayList<>();
            for (Stated st : stated) if (all.containsAll(st.vars)) relevant.add(st);
            if (all.size() > vars.size() && all.size() <= MAX_UNKNOWNS && relevant.size() >= all.size()) {
                Equation e = affine(l, r, new ArrayList<>(vars), eval);
                if (e != null) reason = contradiction(e, all, relevant);
            }
        }
        stated.add(new Stated(l, r, new ArrayList<>(vars)));
        return reason;
    }

    /** {@return the link as an affine equation in {@code vars}, or null when it is not affine} */
    private static Equation affine(Side l, Side r, List<String> vars, SideEvaluator eval) {
        Map<String, Value> at = new HashMap<>();
        for (int i = 0; i < vars.size(); i++) at.put(vars.get(i), Value.of(BASE[i]));
        BigRational f0 = difference(l, r, at, eval);
        if (f0 == null) return null;
        Map<String, BigRational> coefficients = new HashMap<>();
        boolean any = false;
        for (int i = 0; i < vars.size(); i++) {
            at.put(vars.get(i), Value.of(BASE[i].add(BigRational.ONE)));
            BigRational fi = difference(l, r, at, eval);
            at.put(vars.get(i), Value.of(BASE[i]));
            if (fi == null) return null;
            BigRational a = fi.subtract(f0);
            coefficients.put(vars.get(i), a);
            any |= a.signum() != 0;
        }
        if (!any) return null;
        BigRational constant = f0;
        for (int i = 0; i < vars.size(); i++) {
            constant = constant.subtract(coefficients.get(vars.get(i)).multiply(BASE[i]));
        }
        // affine: the fit must hold at two more points
        for (int t = 1; t <= 2; t++) {
            Map<String, Value> p = new HashMap<>();
            BigRational expected = constant;
            for (int i = 0; i < vars.size(); i++) {
                BigRational x = BigRational.of(3L * t + 5L * i + 1, 2L * t + i + 3);
                p.put(vars.get(i), Value.of(x));
                expected = expected.add(coefficients.get(vars.get(i)).multiply(x));
            }
            BigRational f = difference(l, r, p, eval);
            if (f == null || f.compareTo(expected) != 0) return null;
        }
        return new Equation(coefficients, constant);
    }

    private static BigRational difference(Side l, Side r, Map<String, Value> at, SideEvaluator eval) {
        Value a = eval.value(l.expr(), at);
        Value b = eval.value(r.expr(), at);
        if (!(a instanceof Value.Exact x) || !(b instanceof Value.Exact y)) return null;
        return x.value().subtract(y.value());
    }

    /**
     * {@return a reason when the equations stated before, in the new equation's unknowns, have one
     * solution that does not satisfy it, else null}
     */
    private static String contradiction(Equation e, TreeSet<String> all, List<Stated> relevant) {
        List<Equation> known = new ArrayList<>();
        for (Stated st : relevant) {
            Equation q = st.equation();
            if (q != null) known.add(q);
        }
        List<String> vars = new ArrayList<>(all);
        List<BigRational[]> rows = new ArrayList<>();
        for (Equation s : known) { // the relevant equations: their unknowns are all among vars
            BigRational[] row = new BigRational[vars.size() + 1];
            for (int i = 0; i < vars.size(); i++) {
                row[i] = s.coefficients().getOrDefault(vars.get(i), BigRational.ZERO);
            }
            row[vars.size()] = s.constant().negate();
            rows.add(row);
        }
        BigRational[] solution = solve(rows, vars.size());
        if (solution == null) return null;
        BigRational value = e.constant();
        for (int i = 0; i < vars.size(); i++) {
            value = value.add(
                    e.coefficients().getOrDefault(vars.get(i), BigRational.ZERO).multiply(solution[i]));
        }
        if (value.signum() == 0) return null;
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < vars.size(); i++) {
            where.append(i == 0 ? "" : ", ")
                    .append(vars.get(i))
                    .append(" = ")
                    .append(StepVerifier.show(Value.of(solution[i])));
        }
        return "the equations before it have the one solution " + where + ", which does not satisfy it";
    }

    /**
     * {@return the unique solution of the rows {@code [a_1 .. a_n | b]} ({@code sum a_i x_i = b}), or
     * null when there is none, more than one, or the rows disagree}
     */
    private static BigRational[] solve(List<BigRational[]> rows, int n) {
        if (rows.size() < n) return null;
        BigRational[][] m = rows.stream().map(BigRational[]::clone).toArray(BigRational[][]::new);
        int rank = 0;
        for (int col = 0; col < n && rank < m.length; col++) {
            int pivot = -1;
            for (int i = rank; i < m.length && pivot < 0; i++) if (m[i][col].signum() != 0) pivot = i;
            if (pivot < 0) return null; // a free unknown: more than one solution
            BigRational[] tmp = m[rank];
            m[rank] = m[pivot];
            m[pivot] = tmp;
            for (int i = 0; i < m.length; i++) {
                if (i == rank || m[i][col].signum() == 0) continue;
                BigRational f = m[i][col].divide(m[rank][col]);
                for (int j = col; j <= n; j++) m[i][j] = m[i][j].subtract(f.multiply(m[rank][j]));
            }
            rank++;
        }
        if (rank < n) return null;
        // the remaining rows must read 0 = 0: the stated equations agree
        for (int i = rank; i < m.length; i++) if (m[i][n].signum() != 0) return null;
        BigRational[] x = new BigRational[n];
        for (int i = 0; i < n; i++) x[i] = m[i][n].divide(m[i][i]);
        return x;
    }
}
