package org.veristep.symbolic;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.veristep.math.BigRational;
import org.veristep.math.Value;

/**
 * Finds and checks a number restated in parentheses just after it: the same quantity in the same
 * unit ("0.0056 kb/s (or 5.6 kb/s)" is false) or the calculation it comes from ("adding 81 (which
 * is 9 * 9)" is true, "24 (i.e., 30 - 5)" is false). Each is the claim that the two are equal.
 *
 * <p>Read only when the meaning is certain. An "or" restatement is checked only when both numbers
 * carry the same unit word (not "2 hours (or 120 minutes)", a conversion, nor "0 (or 360)" with no
 * unit, which may be an angle); a "which is" or "i.e." restatement only when it is a bare
 * calculation with an operator, filling the parenthesis. A decimal on either side passes when the
 * other rounds or truncates to its digits. Thread-safe: stateless.
 */
final class Restatements {
    private Restatements() {}

    private static final String AMOUNT = "(\\$?\\d{1,15}(?:,\\d{3})*(?:\\.\\d+)?)";
    /** a unit: "%", or one or two words ("kb/s", "square feet") */
    private static final String UNIT = "(\\s*%|\\s+[a-z]+(?:/[a-z]+)?(?:\\s+[a-z]+(?:/[a-z]+)?)?)?";

    private static final Pattern SAME_UNIT = Pattern.compile(
            "(?<![\\w.^{}+\\-*/=\\\\$:√∛∜])" + AMOUNT + UNIT + "\\s*\\(\\s*or\\s+" + AMOUNT + UNIT + "\\s*\\)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern CALCULATION = Pattern.compile(
            "(?<![\\w.^{}+\\-*/=\\\\$:√∛∜])" + AMOUNT + UNIT
                    + "\\s*\\(\\s*(?:which\\s+is|that\\s+is|i\\.e\\.,?)\\s+((?:\\$?\\d[\\d.,]*\\s*[-+*/×÷^]\\s*)+\\$?\\d[\\d.,]*)"
                    + "\\s*\\)",
            Pattern.CASE_INSENSITIVE);

    /**
     * {@return the restatements in a step, in text order, each a claim {@code left = right} with
     * status true or false}
     *
     * @param lower {@code text} in lower case (same length)
     */
    static List<Claim> find(String text, String lower) {
        return find(text, lower, new SideEvaluator(java.time.Duration.ofSeconds(1)));
    }

    /** As {@link #find(String, String)}, evaluating with the step's evaluator (its time bound). */
    static List<Claim> find(String text, String lower, SideEvaluator eval) {
        if (text.indexOf('(') < 0) return List.of();
        List<Claim> out = new ArrayList<>();
        for (MatchResult m : Near.matches(SAME_UNIT, text, lower, true, 60, 60, "(or ", "( or ")) {
            String lu = unit(m.group(2));
            if (lu.isEmpty() || !lu.equals(unit(m.group(4)))) continue;
            add(out, text, m, 1, m.group(3), m.start(3), m.end(3), "restated in the same unit", eval);
        }
        for (MatchResult m : Near.matches(CALCULATION, text, lower, true, 60, 60, "(which is", "(that is", "(i.e.")) {
            add(out, text, m, 1, m.group(3), m.start(3), m.end(3), "restated as the calculation it comes from", eval);
        }
        out.sort((a, b) -> Integer.compare(a.leftStart(), b.leftStart()));
        return out;
    }

    private static String unit(String u) {
        return u == null ? "" : u.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** A number and a unit just before the left amount: "5 ft 6 in" is one compound quantity. */
    private static final Pattern COMPOUND_BEFORE = Pattern.compile("\\d\\s*[a-z]+\\.?\\s+$", Pattern.CASE_INSENSITIVE);

    /** A hyphen between two numbers with no space: a range ("9-5", "1-5"), not a subtraction. */
    private static final Pattern RANGE = Pattern.compile("\\d-\\d");

    private static void add(
            List<Claim> out,
            String text,
            MatchResult m,
            int group,
            String right,
            int rightStart,
            int rightEnd,
            String what,
            SideEvaluator eval) {
        String left = m.group(group);
        int s = m.start(group);
        if (COMPOUND_BEFORE.matcher(text).region(Math.max(0, s - 20), s).find()
                || RANGE.matcher(right).find()) {
            return;
        }
        BigRational lv = value(left, eval);
        BigRational rv = value(right, eval);
        if (lv == null || rv == null) return;
        boolean holds = lv.compareTo(rv) == 0 || roundsTo(rv, left) || roundsTo(lv, right);
        out.add(new Claim(
                m.start(group),
                m.end(group),
                rightStart,
                rightEnd,
                left,
                Relation.EQ,
                right,
                holds ? Claim.Status.TRUE : Claim.Status.FALSE,
                StepVerifier.show(Value.of(lv)),
                StepVerifier.show(Value.of(rv)),
                holds
                        ? what + ": holds"
                        : what + ": " + StepVerifier.show(Value.of(lv)) + " is not "
                                + StepVerifier.show(Value.of(rv))));
    }

    /** {@return the exact value of a number or a bare calculation, or null} */
    private static BigRational value(String s, SideEvaluator eval) {
        String e = s.replace("$", "").replace(",", "").replace('×', '*').replace('÷', '/');
        return eval.value(e, java.util.Map.of()) instanceof Value.Exact x ? x.value() : null;
    }

    /** {@return whether {@code exact} rounded or truncated to the decimals of {@code shown} is it} */
    private static boolean roundsTo(BigRational exact, String shown) {
        String lit = shown.replace("$", "").replace(",", "");
        // a decimal only: "0.5 kb/s (or 1 kb/s)" is no rounding of 0.5
        return lit.indexOf('.') >= 0 && StepVerifier.roundedMatch(Value.of(exact), lit) != null;
    }
}
