package org.veristep.symbolic;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.veristep.math.BigRational;
import org.veristep.math.Value;
import org.veristep.trace.Step;
import org.veristep.trace.Trace;

/**
 * Checks the arithmetic a trace writes, step by step: finds every claim ({@link ClaimFinder}),
 * evaluates both sides exactly ({@link SideEvaluator}, i.e. {@link org.veristep.math}) with the
 * variable bindings stated so far, and decides each claim true, false or unchecked.
 *
 * <p><b>Precision first.</b> A claim is false only when no reasonable reading makes it true:
 * percent read as /100 or as a bare number, a decimal right side rounded to the digits shown
 * ({@code 10/3 = 3.33}), an integer written for a rounded or truncated value, decimals on the left
 * that the writer had rounded earlier ({@code 0.33 × 30 = 10}), a running total ({@code 5 + 3 = 8
 * + 2 = 10}), different units on the two sides (a conversion), or a side whose extent in the text
 * is doubtful ({@link Chain#doubtfulStart()}). Each of these makes the claim unchecked, never
 * false.
 *
 * <p><b>Bindings.</b> A chain whose side is one variable and whose neighbour is a number ({@code x
 * = 5}, {@code Let b = 12}, {@code x = 12/3 = 4}) binds the variable to the chain's last numeric
 * value; later claims in the same and later steps use the binding ({@code 2x + 3 = 13}). A bare
 * variable side is never checked against its binding: {@code x = 7} after {@code x = 5} rebinds
 * (solutions reuse letters). Options choose how far bindings reach.
 *
 * <p><b>Solving.</b> An equation in one unknown derived from the equation before it (in the same
 * step, or at the end of the step before) must have the same solution ({@link LinearSolutions}):
 * {@code -2 + 4a + 8 = 0 ⇒ 4a = -10} is refuted; so is a link whose sides differ by the same
 * non-zero constant whatever the unknowns are ({@code (x - 16 + 100) - 25 = x + 69 - 25}). Other
 * links between different expressions in unknowns stay unchecked (see {@code identity}). For this
 * check only, a left side after "simplifies to", "reduces to", "becomes" ... is not cut short.
 *
 * <p><b>Substitution.</b> An equation a step says it gets by substituting must satisfy the one
 * solution of the linear equations the trace stated before it ({@link LinearSystem}). A label
 * restated in the same unknowns with nothing else between must be an identity, and a step that
 * starts by restating, with its value, the labelled expression the previous step ended with is
 * checked against it. Arithmetic in a base or modulo a number the trace names is not refuted where
 * it holds ({@link OtherArithmetic}).
 *
 * <p><b>Facts.</b> Fixed facts of calendars and units stated in words ("there are 30 days in
 * March", "1 foot = 12 inches") are claims too ({@link FactClaims}), and so are the properties of
 * whole numbers it asserts and its comparisons in words ("54 is not divisible by 9", "2018 is a
 * prime number", "7.5 is half more than 15": {@link PropertyClaims}), numbers restated in
 * parentheses ("0.0056 kb/s (or 5.6 kb/s)": {@link Restatements}) and quotes of the problem's
 * givens ("$8.00/skirt" for a problem's $6.00 per skirt: {@link ProblemQuotes}).
 *
 * <p>Thread-safe: all state lives in one call of {@link #verify(Trace)}.
 */
public final class StepVerifier {
    /** How far a variable binding reaches. */
    public enum Scope {
        /** never use bindings: only purely numeric claims are checked */
        NONE,
        /** within the step that states it */
        STEP,
        /** from the step that states it to the end of the trace */
        TRACE
    }

    private final Scope scope;
    private final Duration timePerStep;

    /**
     * @param scope how far variable bindings reach
     * @param timePerStep the evaluation time bound for one step (each parse and evaluation runs under
     *     it; a step over it has its remaining claims unchecked)
     */
    public StepVerifier(Scope scope, Duration timePerStep) {
        this.scope = scope;
        this.timePerStep = timePerStep;
    }

    /** A verifier with no bindings (the measured default, see the class doc) and 1 s per step. */
    public StepVerifier() {
        this(Scope.NONE, Duration.ofSeconds(1));
    }

    /**
     * Verifies every step of a trace.
     *
     * @return one check per step, indexed like {@link Trace#steps()}
     */
    public List<StepCheck> verify(Trace trace) {
        List<StepCheck> out = new ArrayList<>(trace.size());
        Map<String, Value> bindings = new HashMap<>();
        TraceState state = new TraceState();
        if (trace.problem() != null) state.arithmetic.addProblem(trace.problem().text());
        for (Step step : trace.steps()) {
            if (scope != Scope.TRACE) bindings.clear();
            out.add(verifyStep(
                    step.text(),
                    trace.problem() == null ? null : trace.problem().text(),
                    bindings,
                    state));
            state.equations.nextStep(step.text());
            state.arithmetic.add(step.text());
        }
        return out;
    }

    /** What the verification of one trace carries from step to step. */
    private static final class TraceState {
        /** the linear equations in one unknown being solved */
        final LinearSolutions equations = new LinearSolutions();
        /** every linear equation stated so far */
        final LinearSystem system = new LinearSystem();
        /** the labelled expression the previous step ended with, or null */
        Labelled carried;
        /** the bases and moduli named so far */
        final OtherArithmetic arithmetic = new OtherArithmetic();

        /** what the problem gives that a step may quote, found once */
        private ProblemQuotes.Givens givens;

        ProblemQuotes.Givens givens(String problem) {
            if (givens == null) givens = new ProblemQuotes.Givens(problem);
            return givens;
        }
    }

    /**
     * The expression a step ends with under a label ({@code \[ \text{Total Score} = 50 + 80 + 60 \]}),
     * which the next step may restate with its value.
     *
     * @param label the label's words, lower case
     * @param side the expression (offsets in its own step's text)
     * @param written the expression as written
     */
    private record Labelled(String label, Side side, String written) {}

    /**
     * Verifies one step's text.
     *
     * @param bindings variable values known before the step; updated with the step's bindings
     *     (unless the scope is {@link Scope#NONE})
     */
    public StepCheck verifyStep(String text, Map<String, Value> bindings) {
        return verifyStep(text, null, bindings, new TraceState());
    }

    /** @param state what earlier steps of the trace carry; updated with this step's */
    private StepCheck verifyStep(String text, String problem, Map<String, Value> bindings, TraceState state) {
        SideEvaluator eval = new SideEvaluator(timePerStep);
        List<Claim> claims = new ArrayList<>();
        List<Chain> chains = ClaimFinder.find(text);
        Claim restated = restatedFromPreviousStep(text, chains, state.carried, eval, state.arithmetic);
        if (restated != null) claims.add(restated);
        state.carried = endsWithLabelledExpression(text, chains);
        for (int k = 0; k < chains.size(); k++) {
            Chain chain = linkToPrevious(text, chains, k);
            boolean restatedLabel = chain != chains.get(k) && chain.label() != null;
            checkChain(text, chain, restatedLabel, eval, scope == Scope.NONE ? Map.of() : bindings, state, claims);
            if (scope != Scope.NONE) bind(chain, eval, bindings);
        }
        // claims in words all hold a digit, or "times" ("three times a year")
        boolean digits = false;
        for (int i = 0; i < text.length() && !digits; i++) digits = text.charAt(i) >= '0' && text.charAt(i) <= '9';
        List<Claim> facts = new ArrayList<>();
        if (digits || text.contains("times")) {
            String lower = text.toLowerCase(Locale.ROOT);
            facts.addAll(FactClaims.find(text, lower, problem));
            if (digits) {
                facts.addAll(PropertyClaims.find(text, lower));
                facts.addAll(Restatements.find(text, lower, eval));
                facts.addAll(ProblemQuotes.find(text, lower, state.givens(problem)));
            }
        }
        if (!facts.isEmpty()) {
            claims.addAll(facts);
            claims.sort(java.util.Comparator.comparingInt(Claim::leftStart));
        }
        boolean anyTrue = false;
        for (Claim c : claims) {
            if (c.status() == Claim.Status.FALSE) return new StepCheck(Verdict.REFUTED, claims);
            anyTrue |= c.status() == Claim.Status.TRUE;
        }
        return new StepCheck(anyTrue ? Verdict.VERIFIED : Verdict.UNVERIFIABLE, claims);
    }

    // ---------------------------------------------------------------- chains

    /**
     * @param restatedLabel whether the chain's first side is the expression a label was given before
     *     in the step ("Total = 3/4A + 3/4A + 60 + A Total = 1A + 60 + 7/4A"): a rewriting in the same
     *     unknowns that is not an identity is then false
     */
    private void checkChain(
            String text,
            Chain chain,
            boolean restatedLabel,
            SideEvaluator eval,
            Map<String, Value> bindings,
            TraceState state,
            List<Claim> out) {
        List<Side> sides = chain.sides();
        Value[] values = new Value[sides.size()];
        for (int i = 0; i < sides.size(); i++) {
            Side s = sides.get(i);
            if (s == null || isBareVariable(s)) continue;
            values[i] = eval.value(s.expr(), bindings);
        }
        boolean mixedChain = false;
        for (Relation r : chain.relations()) mixedChain |= r != Relation.EQ && r != Relation.APPROX;
        for (int i = 0; i < chain.relations().size(); i++) {
            Side l = sides.get(i);
            Side r = sides.get(i + 1);
            if (l == null || r == null) continue;
            Relation rel = chain.relations().get(i);
            String doubt = null;
            if (i == 0 && chain.doubtfulStart() != null) doubt = "left side may be cut short: " + chain.doubtfulStart();
            if (i == chain.relations().size() - 1 && chain.doubtfulEnd() != null) {
                doubt = "right side may be cut short: " + chain.doubtfulEnd();
            }
            // a rewriting between expressions in the same variables: verified when it is an identity
            Claim id = !mixedChain && rel == Relation.EQ && doubt == null && values[i] == null && values[i + 1] == null
                    ? identity(text, l, r, eval)
                    : null;
            boolean readable =
                    doubt == null || (i == 0 && chain.relations().size() == 1 && afterVerbTo(text, l.start()));
            boolean equation = !mixedChain && rel == Relation.EQ && readable;
            String substituted = equation ? state.system.offer(text, l, r, eval) : null;
            String slip = equation ? state.equations.offer(text, l, r, eval) : null;
            if (slip == null) slip = substituted;
            if (slip != null && negationNearby(text, l.start(), r.end()) == null) {
                out.add(claim(l, rel, r, l.text(text), r.text(text), Claim.Status.FALSE, null, null, slip));
                continue;
            }
            if (id != null) {
                if (restatedLabel && i == 0 && id.status() == Claim.Status.UNCHECKED) {
                    id = new Claim(
                            id.leftStart(),
                            id.leftEnd(),
                            id.rightStart(),
                            id.rightEnd(),
                            id.left(),
                            id.relation(),
                            id.right(),
                            Claim.Status.FALSE,
                            id.leftValue(),
                            id.rightValue(),
                            id.reason().replace(" (a substitution or an equation may be meant)", "") + " ("
                                    + chain.label() + " restated)");
                }
                out.add(id);
                continue;
            }
            Claim c = check(
                    text,
                    l,
                    values[i],
                    rel,
                    r,
                    values[i + 1],
                    i > 0 ? values[i - 1] : null,
                    doubt,
                    // "a < b ≈ 0.73 < c" is sloppy shorthand; a final "... > b ≈ 3.32" is a plain approximation
                    mixedChain && i < chain.relations().size() - 1,
                    eval,
                    bindings,
                    state.arithmetic);
            out.add(c);
        }
    }

    /**
     * {@return the chain with its first side replaced by the previous chain's last side, when the
     * text links them: a continuation ({@code \[ a = 50 - 15 \] \[ = 35 \]}), the same label stated
     * again with a bare number ("Total = 80 + 220 + 23. Total = 323"), or the same variable stated
     * again in the next display with nothing but display marks between ({@code \[ S = 165 \times
     * \frac{6}{11} \] \[ S = 9 \times 6 \] \[ S = 54 \]}: a derivation, so 165 × 6/11 = 9 × 6 is
     * claimed) when the run of displays reaches a bare number, unless the first display ended at a
     * bare number or the step speaks of ±, roots, cases or candidates (values of one letter, not a
     * derivation: {@code x = (-15 + 1)/2 = -7}, {@code x = (-15 - 1)/2}); the same label is not
     * linked when words between or after give it a new value ("after", "with", "then" ...); else the
     * chain as is}
     */
    private static Chain linkToPrevious(String text, List<Chain> chains, int k) {
        Chain chain = chains.get(k);
        if (k == 0) return chain;
        Chain prev = chains.get(k - 1);
        Side last = prev.sides().get(prev.sides().size() - 1);
        if (last == null || prev.doubtfulEnd() != null) return chain;
        Side first = chain.sides().get(0);
        if (first != null) {
            return sameVariableAgain(text, chain, prev, last) && endsAtANumber(text, chains, k)
                    ? replaceFirst(chain, last)
                    : chain;
        }
        boolean link = false;
        if (chain.label() != null
                && chain.label().equals(prev.label())
                && chain.sides().size() == 2) {
            Side only = chain.sides().get(1);
            link = only != null
                    && (LITERAL.matcher(only.expr()).matches()
                            || (!only.variables().isEmpty()
                                    && only.variables().equals(last.variables())
                                    && !only.expr().equals(last.expr())
                                    // "Plan A: Cost = 3x + 2. Plan B: Cost = 2x + 7" names two things
                                    && onlyTheLabelBetween(text, last.end(), only.start(), chain.label())))
                    && !LITERAL.matcher(last.expr()).matches()
                    // "Total = 15 after adding the 3 extra", "After the discount, Cost = 12": a new value
                    && !QUALIFIED
                            .matcher(text.substring(last.end(), only.start()))
                            .find()
                    && !QUALIFIER_AFTER
                            .matcher(text)
                            .region(only.end(), Math.min(text.length(), only.end() + 30))
                            .lookingAt();
        }
        if (!link) return chain;
        return replaceFirst(chain, last);
    }

    /**
     * {@return the claim that a step's first chain, the previous step's label restated with a bare
     * number ("Adding these together: \\[ \\text{Total Score} = 570 \\]"), makes about the expression
     * the previous step ended with under that label; null when the step does not start so}
     */
    private Claim restatedFromPreviousStep(
            String text, List<Chain> chains, Labelled carried, SideEvaluator eval, OtherArithmetic arithmetic) {
        if (carried == null || chains.isEmpty()) return null;
        Chain c = chains.get(0);
        if (c.label() == null
                || !c.label().equals(carried.label())
                || c.sides().size() != 2
                || c.sides().get(0) != null
                || c.relations().get(0) != Relation.EQ) {
            return null;
        }
        Side r = c.sides().get(1);
        if (r == null || !isLiteral(r.expr()) || r.start() > 160) return null;
        // "Adding these together: Total Time = 2.25 hours" after minutes: a new unit, a conversion
        if (!r.units().isEmpty() && !r.units().equals(carried.side().units())) return null;
        if (!ONLY_ADDING_UP.matcher(text).region(0, r.start()).matches()
                || QUALIFIER_AFTER
                        .matcher(text)
                        .region(r.end(), Math.min(text.length(), r.end() + 30))
                        .lookingAt()) {
            return null;
        }
        Side s = carried.side();
        Side l = new Side(
                r.start(),
                r.start(),
                s.expr(),
                s.alternatives(),
                s.hasPercent(),
                s.decimals(),
                s.variables(),
                s.units());
        Value lv = eval.value(l.expr(), Map.of());
        Value rv = eval.value(r.expr(), Map.of());
        if (lv == null || rv == null) return null;
        Claim k = check(text, l, lv, Relation.EQ, r, rv, null, null, false, eval, Map.of(), arithmetic);
        return new Claim(
                k.leftStart(),
                k.leftEnd(),
                k.rightStart(),
                k.rightEnd(),
                carried.written(),
                k.relation(),
                k.right(),
                k.status(),
                k.leftValue(),
                k.rightValue(),
                "the previous step ends with " + carried.label() + " = " + carried.written() + "; " + k.reason());
    }

    /**
     * {@return whether the text between two statements of a label holds nothing but the label, its
     * relation sign, math delimiters and punctuation ("Total = \\(a\\) Total = \\(b\\)")}
     */
    private static boolean onlyTheLabelBetween(String text, int from, int to, String label) {
        if (from > to) return false;
        String between = text.substring(from, to).toLowerCase(Locale.ROOT);
        int at = between.lastIndexOf(label);
        if (at < 0) return false;
        String rest = between.substring(0, at) + between.substring(at + label.length());
        return rest.replace("\\text", "").chars().noneMatch(Character::isLetterOrDigit);
    }

    /**
     * What may come before a label restated with its value at the start of a step: nothing, or words
     * that only work out the value ("Adding these together:", "So,"); anything else may give the
     * label a new meaning ("In cents:", "Over 4 weeks,", "Split among 4 people:").
     */
    private static final Pattern ONLY_ADDING_UP = Pattern.compile(
            "\\s*(?:(?:so|thus|therefore|hence)\\s*,?\\s*)?(?:(?:adding|summing|totall?ing|calculating|computing"
                    + "|evaluating|simplifying|performing)(?:\\s+(?:up|these|them|this|all|the|numbers|values|scores|terms"
                    + "|sum|addition|expression|calculation|together|of|those))*\\s*[:,]?\\s*)?(?:\\\\\\[|\\$\\$|\\\\\\(|\\$)?"
                    + "\\s*(?:\\\\text\\{[^}]*\\}|[A-Za-z][A-Za-z ']*)\\s*=\\s*",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern END_OF_STEP = Pattern.compile("(?:\\s|\\\\\\]|\\$\\$|\\\\\\)|\\$|\\.)*");

    /**
     * {@return the labelled expression a step ends with ({@code \\[ \\text{Total} = 50 + 80 \\]} and
     * nothing after it but display marks), or null}
     */
    private static Labelled endsWithLabelledExpression(String text, List<Chain> chains) {
        if (chains.isEmpty()) return null;
        Chain c = chains.get(chains.size() - 1);
        if (c.label() == null || c.doubtfulEnd() != null) return null;
        for (Relation r : c.relations()) if (r != Relation.EQ) return null;
        Side last = c.sides().get(c.sides().size() - 1);
        if (last == null
                || isLiteral(last.expr())
                || !last.variables().isEmpty()
                || last.hasPercent()
                || !last.alternatives().isEmpty()) {
            return null;
        }
        if (!END_OF_STEP.matcher(text.substring(last.end())).matches()) return null;
        return new Labelled(c.label(), last, last.text(text));
    }

    private static final Pattern DISPLAY_MARKS_ONLY = Pattern.compile("(?:\\s|\\\\\\]|\\\\\\[|\\$\\$)*");

    private static final Pattern PLUS_MINUS = Pattern.compile(
            "\\\\pm|\\\\mp|±|∓|\\b(?:roots?|solutions|possible|candidates?|cases?|either|values|options|alternatively)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Words between a label's two statements that make the second a new value. */
    private static final Pattern QUALIFIED = Pattern.compile(
            "\\b(?:after|before|when|if|with|without|then|now|new|next|instead|including|excluding|once|until)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Words right after the restated number that qualify it. */
    private static final Pattern QUALIFIER_AFTER = Pattern.compile(
            "\\s*(?:\\\\\\)|\\\\\\]|\\$)?\\s*\\(?\\s*(?:[a-z]+\\s+){0,2}?(?:after|before|when|if|with|without|plus|minus"
                    + "|including|excluding|once|until|instead|less|more|per|for)\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * {@return whether the run of displays of one variable that holds chain {@code k} ends at a bare
     * number ({@code S = 54}): a derivation reaches its value, a list of candidates or cases does not}
     */
    private static boolean endsAtANumber(String text, List<Chain> chains, int k) {
        String v = chains.get(k).sides().get(0).expr();
        for (int j = k; j < chains.size(); j++) {
            Chain c = chains.get(j);
            Side f = c.sides().get(0);
            if (f == null || !isBareVariable(f) || !f.expr().equals(v)) return false;
            if (j > k) {
                Side prevLast =
                        chains.get(j - 1).sides().get(chains.get(j - 1).sides().size() - 1);
                if (prevLast == null || prevLast.end() > f.start()) return false;
                if (!DISPLAY_MARKS_ONLY
                        .matcher(text.substring(prevLast.end(), f.start()))
                        .matches()) return false;
            }
            if (c.sides().size() == 2
                    && c.sides().get(1) != null
                    && isLiteral(c.sides().get(1).expr())) {
                return j > k;
            }
        }
        return false;
    }

    private static boolean sameVariableAgain(String text, Chain chain, Chain prev, Side last) {
        Side first = chain.sides().get(0);
        Side prevFirst = prev.sides().get(0);
        if (prevFirst == null || !isBareVariable(first) || !isBareVariable(prevFirst)) return false;
        if (!first.expr().equals(prevFirst.expr()) || chain.sides().size() < 2) return false;
        for (Relation r : chain.relations()) if (r != Relation.EQ) return false;
        for (Relation r : prev.relations()) if (r != Relation.EQ) return false;
        Side next = chain.sides().get(1);
        if (next == null || !next.variables().isEmpty() || !last.variables().isEmpty()) return false;
        // "x = (-15 + 1)/2 = -7" then "x = (-15 - 1)/2": the previous display ended at a value
        if (isLiteral(last.expr())) return false;
        // two roots from a ± formula are two values of one letter, not a derivation
        if (PLUS_MINUS.matcher(text).find()) return false;
        if (last.end() > first.start()) return false;
        return DISPLAY_MARKS_ONLY
                .matcher(text.substring(last.end(), first.start()))
                .matches();
    }

    private static Chain replaceFirst(Chain chain, Side last) {
        List<Side> sides = new ArrayList<>(chain.sides());
        sides.set(0, last);
        return new Chain(sides, chain.relations(), null, chain.doubtfulEnd(), chain.label());
    }

    private static final long[] NUMERATORS = {7, 11, 13, 17, 19, 23, 29, 31};
    private static final long[] DENOMINATORS = {3, 5, 2, 7, 4};
    static final Set<String> NOT_FREE = Set.of("i", "e");
    static final Set<String> FUNCTION_LETTERS = Set.of("f", "g", "h", "F", "G", "H", "P", "Q", "p", "q");

    /**
     * Checks a link {@code b = c} whose two sides use the same variables as an identity: both sides
     * are evaluated exactly at three fixed rational points. Equal at every point: true (the caller
     * records it as verified). Unequal at a point: unchecked, never false (see the comment below).
     *
     * @return the claim, or null when the link is not of this kind (left to {@link #check})
     */
    private static Claim identity(String text, Side l, Side r, SideEvaluator eval) {
        Set<String> vars = l.variables();
        if (vars.isEmpty() || !vars.equals(r.variables())) return null;
        if (!l.decimals().isEmpty() || !r.decimals().isEmpty() || l.hasPercent() || r.hasPercent()) return null;
        if (!l.alternatives().isEmpty() || !r.alternatives().isEmpty()) return null;
        for (String v : vars) {
            if (NOT_FREE.contains(v)) return null;
            if (FUNCTION_LETTERS.contains(v) && (applied(l.expr(), v) || applied(r.expr(), v))) return null;
        }
        for (String e : List.of(l.expr(), r.expr())) {
            if (e.contains("floor(") || e.contains("ceil(") || e.contains("|")) return null;
        }
        List<String> names = new ArrayList<>(new java.util.TreeSet<>(vars));
        int evaluated = 0;
        String mismatch = null;
        Value lv0 = null;
        Value rv0 = null;
        for (int t = 0; t < 3; t++) {
            Map<String, Value> at = new HashMap<>();
            StringBuilder where = new StringBuilder();
            for (int j = 0; j < names.size(); j++) {
                BigRational q = BigRational.of(
                        NUMERATORS[(j + 3 * t) % NUMERATORS.length], DENOMINATORS[(j + t) % DENOMINATORS.length]);
                at.put(names.get(j), Value.of(q));
                where.append(j == 0 ? "" : ", ")
                        .append(names.get(j))
                        .append(" = ")
                        .append(show(Value.of(q)));
            }
            Value a = eval.value(l.expr(), at);
            Value b = eval.value(r.expr(), at);
            if (a == null || b == null) continue;
            evaluated++;
            if (compare(a, b) != 0 && mismatch == null) {
                mismatch =
                        "not an identity: at " + where + " the left side is " + show(a) + ", the right side " + show(b);
                lv0 = a;
                rv0 = b;
            }
        }
        if (evaluated < 2) return null;
        String lt = l.text(text);
        String rt = r.text(text);
        if (mismatch == null) {
            return claim(l, Relation.EQ, r, lt, rt, Claim.Status.TRUE, null, null, "identity: equal at three points");
        }
        // Never refuted: on ProcessBench, links that are not identities in correct steps are mostly
        // substitutions of facts stated elsewhere (ab = 2, pqr = 48) or solving sequences; refuting
        // them raised false alarms above 0.1% for almost no gain in recall (measured, see the note).
        return claim(
                l,
                Relation.EQ,
                r,
                lt,
                rt,
                Claim.Status.UNCHECKED,
                lv0,
                rv0,
                mismatch + " (a substitution or an equation may be meant)");
    }

    private static final Pattern VERB_TO = Pattern.compile(
            "\\b(simplif(?:y|ies|ied|ying)|reduces?|reduced|leads?|becomes?|amounts?|boils? down|translates?)\\s+to\\s*:?\\s*(?:\\\\\\(|\\\\\\[|\\$)?\\s*$",
            Pattern.CASE_INSENSITIVE);

    /**
     * {@return whether the text just before a side is a verb and "to" that start an equation
     * ("This simplifies to 5J + 20 = 100"): the side is not cut short there}
     */
    private static boolean afterVerbTo(String text, int start) {
        return VERB_TO.matcher(text.substring(Math.max(0, start - 40), start)).find();
    }

    /** {@return whether {@code v} is applied as a function in {@code expr}: "f (2)", "g (x)"} */
    static boolean applied(String expr, String v) {
        return expr.contains(" " + v + " (") || expr.startsWith(v + " (");
    }

    private static boolean isBareVariable(Side s) {
        return s.variables().size() == 1
                && s.expr().equals(s.variables().iterator().next());
    }

    /** Binds a bare variable side to the chain's last numeric value (exact values only). */
    private static void bind(Chain chain, SideEvaluator eval, Map<String, Value> bindings) {
        List<Side> sides = chain.sides();
        String var = null;
        for (int i = 0; i < sides.size(); i++) {
            Side s = sides.get(i);
            if (s != null && isBareVariable(s)) {
                boolean eqNext =
                        i < chain.relations().size() && chain.relations().get(i) == Relation.EQ;
                boolean eqPrev = i > 0 && chain.relations().get(i - 1) == Relation.EQ;
                if (eqNext || eqPrev) {
                    var = s.variables().iterator().next();
                    break;
                }
            }
        }
        if (var == null) return;
        // every relation must be '=' for a binding
        for (Relation r : chain.relations()) if (r != Relation.EQ) return;
        Value last = null;
        for (Side s : sides) {
            if (s == null
                    || isBareVariable(s)
                    || !s.variables().isEmpty()
                    || s.hasPercent()
                    || !s.alternatives().isEmpty()) {
                continue;
            }
            Value v = eval.value(s.expr(), Map.of());
            if (v instanceof Value.Exact) last = v;
        }
        if (last != null) bindings.put(var, last);
        else bindings.remove(var); // a new meaning we cannot evaluate: forget the old value
    }

    // ---------------------------------------------------------------- one claim

    private static final Pattern LITERAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** {@return whether an expression is a bare number: {@code 12}, {@code -3.5}} */
    static boolean isLiteral(String expr) {
        return LITERAL.matcher(expr).matches();
    }

    private Claim check(
            String text,
            Side l,
            Value lv,
            Relation rel,
            Side r,
            Value rv,
            Value beforeLeft,
            String doubt,
            boolean mixedChain,
            SideEvaluator eval,
            Map<String, Value> bindings,
            OtherArithmetic arithmetic) {
        String lt = l.text(text);
        String rt = r.text(text);
        if (lv == null || rv == null) {
            String why = (lv == null ? describeMissing(l, bindings) : describeMissing(r, bindings));
            return claim(l, rel, r, lt, rt, Claim.Status.UNCHECKED, lv, rv, why);
        }
        if (rel == Relation.NE) return claim(l, rel, r, lt, rt, Claim.Status.UNCHECKED, lv, rv, "≠ is not checked");
        if (l.units().contains("i") || r.units().contains("i")) {
            // "4i" outside math delimiters reads as 4 with a unit: complex numbers are not checked
            return claim(l, rel, r, lt, rt, Claim.Status.UNCHECKED, lv, rv, "complex numbers (i) are not checked");
        }
        int cmp = compare(lv, rv);
        if (rel == Relation.APPROX) return approx(l, lv, r, rv, lt, rt, doubt, mixedChain);
        if (rel.holds(cmp)) return claim(l, rel, r, lt, rt, Claim.Status.TRUE, lv, rv, "holds");
        // alternative readings that make it true
        if (!l.alternatives().isEmpty() || !r.alternatives().isEmpty()) {
            List<Value> ls = readings(l, lv, eval, bindings);
            List<Value> rs = readings(r, rv, eval, bindings);
            for (Value a : ls) {
                for (Value b : rs) {
                    if (rel.holds(compare(a, b))) {
                        return claim(
                                l,
                                rel,
                                r,
                                lt,
                                rt,
                                Claim.Status.TRUE,
                                lv,
                                rv,
                                "holds in another reading of % or a mixed number");
                    }
                }
            }
        }
        if (l.hasPercent() || r.hasPercent()) {
            if (!percentProductOnly(l) || !percentProductOnly(r)) {
                return claim(
                        l,
                        rel,
                        r,
                        lt,
                        rt,
                        Claim.Status.UNCHECKED,
                        lv,
                        rv,
                        "percent added or subtracted: reading ambiguous");
            }
        }
        if (rel == Relation.EQ) {
            String rounded = roundedMatch(lv, r.expr());
            if (rounded == null) rounded = roundedMatch(rv, l.expr());
            if (rounded != null) {
                if (rounded.startsWith("rounded to") && !rounded.contains("0 decimals")) {
                    return claim(l, rel, r, lt, rt, Claim.Status.TRUE, lv, rv, rounded);
                }
                return claim(l, rel, r, lt, rt, Claim.Status.UNCHECKED, lv, rv, rounded);
            }
            if (runningTotal(r, lv)) {
                return claim(
                        l,
                        rel,
                        r,
                        lt,
                        rt,
                        Claim.Status.UNCHECKED,
                        lv,
                        rv,
                        "running total: the left side continues from the previous value");
            }
        }
        String negated = negationNearby(text, l.start(), r.end());
        if (negated != null) return claim(l, rel, r, lt, rt, Claim.Status.UNCHECKED, lv, rv, negated);
        String other = arithmetic.explains(text, l, lv, r, rv, eval);
        if (other == null) other = notationDoubt(text, lt, l, lv, rt, r, rv, eval);
        if (other != null) return claim(l, rel, r, lt, rt, Claim.Status.UNCHECKED, lv, rv, other);
        String tol = withinDecimalTolerance(l, lv, r, rv);
        if (tol != null) return claim(l, rel, r, lt, rt, Claim.Status.UNCHECKED, lv, rv, tol);
        String units = unitConflict(l, r);
        if (units == null) units = runTogether(l);
        if (units == null) units = runTogether(r);
        if (units != null) return claim(l, rel, r, lt, rt, Claim.Status.UNCHECKED, lv, rv, units);
        if (doubt != null) return claim(l, rel, r, lt, rt, Claim.Status.UNCHECKED, lv, rv, doubt);
        return claim(
                l,
                rel,
                r,
                lt,
                rt,
                Claim.Status.FALSE,
                lv,
                rv,
                rel == Relation.EQ ? "left side is " + show(lv) + ", not " + show(rv) : "does not hold");
    }

    /** {@return whether a side's percents only multiply or divide ("20% * 50"), never add ("50 + 20%")} */
    private static boolean percentProductOnly(Side s) {
        if (!s.hasPercent()) return true;
        String e = s.alternatives().get(0);
        for (int i = 1; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c == '+' || (c == '-' && e.charAt(i - 1) != '(' && e.charAt(i - 1) != '^')) return false;
        }
        return true;
    }

    private static List<Value> readings(Side s, Value primary, SideEvaluator eval, Map<String, Value> bindings) {
        List<Value> out = new ArrayList<>();
        out.add(primary);
        for (String alt : s.alternatives()) {
            Value v = eval.value(alt, bindings);
            if (v != null) out.add(v);
        }
        return out;
    }

    private static String describeMissing(Side s, Map<String, Value> bindings) {
        for (String v : s.variables()) {
            if (!bindings.containsKey(v)) return "unknown variable " + v;
        }
        return "not a number we can evaluate";
    }

    private Claim approx(Side l, Value lv, Side r, Value rv, String lt, String rt, String doubt, boolean mixedChain) {
        if (doubt == null
                && !mixedChain
                && !l.hasPercent()
                && !r.hasPercent()
                && unitConflict(l, r) == null
                && exactWithShownDigits(lv, r)
                && withinDecimalTolerance(l, lv, r, rv) == null
                && compare(lv, rv) != 0
                && roundedMatch(lv, r.expr()) == null) {
            // "18.75 + 21.43 ≈ 39.18": the exact value has no more digits than shown, so ≈ means =
            return claim(
                    l,
                    Relation.APPROX,
                    r,
                    lt,
                    rt,
                    Claim.Status.FALSE,
                    lv,
                    rv,
                    "left side is exactly " + show(lv) + ", not " + show(rv));
        }
        double a = lv.toDouble();
        double b = rv.toDouble();
        double diff = Math.abs(a - b);
        double scale = Math.max(Math.abs(a), Math.abs(b));
        // accept within the precision shown on either side, or 1%
        double shown = Math.max(halfUlpShown(l), halfUlpShown(r));
        if (diff <= shown * 1.000001 || diff <= 0.01 * scale) {
            return claim(l, Relation.APPROX, r, lt, rt, Claim.Status.TRUE, lv, rv, "approximately equal");
        }
        if (doubt == null
                && !mixedChain
                && diff > 0.1 * scale
                && diff > 2 * shown
                && unitConflict(l, r) == null
                && !l.hasPercent()
                && !r.hasPercent()) {
            return claim(
                    l,
                    Relation.APPROX,
                    r,
                    lt,
                    rt,
                    Claim.Status.FALSE,
                    lv,
                    rv,
                    "left side is " + show(lv) + ", more than 10% away from " + show(rv));
        }
        return claim(
                l,
                Relation.APPROX,
                r,
                lt,
                rt,
                Claim.Status.UNCHECKED,
                lv,
                rv,
                doubt != null ? doubt : "approximation too loose to decide");
    }

    /** {@return half a unit in the last digit shown when the side is a bare decimal literal, else 0} */
    private static double halfUlpShown(Side s) {
        if (!LITERAL.matcher(s.expr()).matches()) return 0;
        int dot = s.expr().indexOf('.');
        int k = dot < 0 ? 0 : s.expr().length() - dot - 1;
        return 0.5 * Math.pow(10, -k);
    }

    /**
     * {@return a reason when {@code e} is a bare literal ({@code 3.33}) that equals {@code exact}
     * rounded or truncated to its digits, else null}
     */
    static String roundedMatch(Value exact, String e) {
        if (!LITERAL.matcher(e).matches()) return null;
        int dot = e.indexOf('.');
        int k = dot < 0 ? 0 : e.length() - dot - 1;
        BigDecimal lit = new BigDecimal(e);
        BigDecimal v = decimal(exact, k + 20);
        if (v == null) return null;
        if (v.setScale(k, RoundingMode.HALF_UP).compareTo(lit) == 0
                || v.setScale(k, RoundingMode.HALF_EVEN).compareTo(lit) == 0) {
            return "rounded to " + k + " decimals";
        }
        if (v.setScale(k, RoundingMode.DOWN).compareTo(lit) == 0
                || v.setScale(k, RoundingMode.UP).compareTo(lit) == 0
                || v.setScale(k, RoundingMode.FLOOR).compareTo(lit) == 0
                || v.setScale(k, RoundingMode.CEILING).compareTo(lit) == 0) {
            return "truncated to " + k + " decimals";
        }
        return null;
    }

    private static BigDecimal decimal(Value v, int digits) {
        if (v instanceof Value.Exact x) {
            BigRational q = x.value();
            return new BigDecimal(q.numerator()).divide(new BigDecimal(q.denominator()), new MathContext(digits + 20));
        }
        double d = v.toDouble();
        if (Double.isInfinite(d)) return null;
        return new BigDecimal(d);
    }

    /**
     * {@return whether {@code shown} is a bare decimal literal with k digits after the point and
     * {@code exact} is a rational whose decimal expansion ends within k digits}
     */
    private static boolean exactWithShownDigits(Value exact, Side shown) {
        if (!(exact instanceof Value.Exact x) || !LITERAL.matcher(shown.expr()).matches()) return false;
        int dot = shown.expr().indexOf('.');
        if (dot < 0) return false;
        int k = shown.expr().length() - dot - 1;
        BigInteger scaled = x.value().numerator().multiply(BigInteger.TEN.pow(k));
        return scaled.mod(x.value().denominator()).signum() == 0;
    }

    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\(?(\\d+(?:\\.\\d+)?)[-+*]");

    /** {@return whether the right side goes on from the left side's value: "5 + 3 = 8 + 2 = 10"} */
    private static boolean runningTotal(Side r, Value before) {
        java.util.regex.Matcher m = LEADING_NUMBER.matcher(r.expr());
        if (!m.find()) return false;
        return before instanceof Value.Exact x && x.value().compareTo(BigRational.parseDecimal(m.group(1))) == 0;
    }

    private static final Pattern NEGATION = Pattern.compile(
            "\\b(not|false|contradiction|contradicts|impossible|incorrect|invalid|wrong|mistake|error|"
                    + "doesn't|isn't|cannot|can't|extraneous|fails?|never|absurd|neither|nor|no)\\b|\\\\neq|≠|\\\\ne\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * {@return a reason when the text around a claim says something does not hold ("... = 61. This
     * does not work", "0 = -44, a contradiction"): writers show false equations on purpose}
     */
    private static boolean sentenceEnd(String text, int i) {
        char c = text.charAt(i);
        if (c == '\n') return true;
        return (c == '.' || c == '?' || c == '!' || c == ';')
                && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)));
    }

    private static String negationNearby(String text, int start, int end) {
        // the claim's sentence and the next one ("... = -1. This is not correct.")
        int from = Math.max(0, start - 200);
        for (int i = start - 1; i > from; i--) {
            if (sentenceEnd(text, i)) {
                from = i + 1;
                break;
            }
        }
        int to = Math.min(text.length(), end + 250);
        int ends = 0;
        boolean words = true; // a break counts only after some prose (not after a bare display)
        for (int i = end; i < to; i++) {
            if (Character.isLetter(text.charAt(i)) && (i == 0 || text.charAt(i - 1) != '\\')) words = true;
            if (sentenceEnd(text, i) && words) {
                words = false;
                if (++ends == 2) {
                    to = i + 1;
                    break;
                }
            }
        }
        java.util.regex.Matcher m = NEGATION.matcher(text).region(from, to);
        return m.find()
                ? "the text around it says '" + m.group() + "': a false equation may be shown on purpose"
                : null;
    }

    /**
     * {@return a reason when decimal literals the writer may have rounded (two or more digits after
     * the point) explain the difference, else null}
     */
    private static String withinDecimalTolerance(Side l, Value lv, Side r, Value rv) {
        // "0.971 × 1.089 = 1.056519": a result written with every digit of the exact value of the
        // numbers shown claims that exact value; no tolerance for rounded inputs (only the 0.01%)
        boolean exactClaim = exactWithShownDigits(lv, r) || exactWithShownDigits(rv, l);
        double rel = 0;
        for (Side s : List.of(l, r)) {
            if (exactClaim) break;
            if (LITERAL.matcher(s.expr()).matches()) continue; // a bare result: rounding is judged apart
            for (String d : s.decimals()) {
                int k = d.length() - d.indexOf('.') - 1;
                double val = Math.abs(Double.parseDouble(d));
                if (val == 0) continue;
                rel += 0.5 * Math.pow(10, -k) / val;
            }
        }
        if (!(lv instanceof Value.Exact && rv instanceof Value.Exact)) rel += 1e-9;
        for (Side s : List.of(l, r)) {
            for (String d : s.decimals()) {
                // three or more decimals: an approximate computation, slips below 0.01% are not errors
                if (d.length() - d.indexOf('.') - 1 >= 3) rel = Math.max(rel, 1e-4);
            }
        }
        if (rel == 0) return null;
        double a = lv.toDouble();
        double b = rv.toDouble();
        double scale = Math.max(Math.abs(a), Math.abs(b));
        if (Math.abs(a - b) <= 2 * rel * scale + 1e-12) return "within the rounding of the decimals written";
        return null;
    }

    private static final Set<String> NOT_A_UNIT = Set.of("about", "approximately", "roughly");

    /** {@return a reason when the sides carry different units (a conversion), else null} */
    private static String unitConflict(Side l, Side r) {
        Set<String> lu = normUnits(l.units());
        Set<String> ru = normUnits(r.units());
        if (lu.isEmpty() || ru.isEmpty()) return null;
        for (String u : ru) if (lu.contains(u)) return null;
        return "units differ (" + String.join(", ", lu) + " vs " + String.join(", ", ru) + ")";
    }

    private static final Pattern DEGREES = Pattern.compile("\\^\\s*\\{?\\s*\\\\circ|°|\\\\degree");

    /**
     * {@return the value of an expression with each product by juxtaposition after a division put
     * in the divisor ({@code 6!/3!3!} as {@code 6!/(3!*3!)}), or null when it has none or no value}
     */
    private static Value dividedByTheProduct(String expr, SideEvaluator eval) {
        java.util.regex.Matcher m = PRODUCT_AFTER_DIVISION_GROUPS.matcher(expr);
        if (!m.find()) return null;
        String grouped = m.replaceAll("/($1*$2)");
        return eval.value(grouped, Map.of());
    }

    private static final Pattern PRODUCT_AFTER_DIVISION_GROUPS = Pattern.compile(
            "/\\s*(\\d+(?:\\.\\d+)?!?|\\([^()]*\\))\\s*(\\\\pi|[A-Za-z](?![A-Za-z])|\\([^()]*\\)|\\d+!)");

    private static final Pattern DIVISION = Pattern.compile("(\\d+)\\s*/\\s*(\\d+)");

    /**
     * {@return a reason when the way a claim is written leaves its meaning open, else null}: degrees
     * on one side only (a conversion from radians), a product by juxtaposition after a division
     * (whether it divides is the writer's convention), or a division written with its remainder
     * ("500 ÷ 13 = 13 · 38 + 6": the right side is the dividend)
     */
    private static final Pattern PI = Pattern.compile("\\\\pi|π");

    private static final Pattern CENTS = Pattern.compile("\\bcents?\\b", Pattern.CASE_INSENSITIVE);

    /** {@return whether a side is an amount of dollars: a dollar sign in it or just before it} */
    private static boolean money(String text, Side s) {
        if (text.substring(s.start(), s.end()).contains("$")) return true;
        int i = s.start() - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == ',' || text.charAt(i) == '\\')) i--;
        return i >= 0 && text.charAt(i) == '$' && i + 1 < text.length() && text.charAt(i + 1) == '\\'
                || i >= 1 && text.charAt(i) == '$' && text.charAt(i - 1) == '\\';
    }

    /** {@return a side's text with the few characters after it ("30^\\circ" when the side is "30")} */
    private static String withAfter(String text, Side s) {
        return text.substring(s.start(), Math.min(text.length(), s.end() + 8));
    }

    /** {@return the claim's text with a few characters after it ("= \\boxed{90}$ cents")} */
    private static String around(String text, Side l, Side r) {
        return text.substring(l.start(), Math.min(text.length(), r.end() + 14));
    }

    private static String notationDoubt(
            String text, String lt, Side l, Value lv, String rt, Side r, Value rv, SideEvaluator eval) {
        // "\\frac{\\pi}{6} = 30^\\circ": the degree sign may stand just after the side
        boolean degreesLeft = DEGREES.matcher(withAfter(text, l)).find();
        boolean degreesRight = DEGREES.matcher(withAfter(text, r)).find();
        if (degreesLeft != degreesRight && PI.matcher(degreesLeft ? rt : lt).find()) {
            return "degrees on one side, π on the other: a conversion";
        }
        // "10 - 4 = 6!": an exclamation mark that ends the sentence, when the claim holds without it
        if (rt.endsWith("!")
                && r.expr().endsWith("!")
                && lv != null
                && (r.end() >= text.length() || Character.isWhitespace(text.charAt(r.end())))) {
            Value plain = eval.value(r.expr().substring(0, r.expr().length() - 1), Map.of());
            if (plain != null && compare(plain, lv) == 0) {
                return "holds with the exclamation mark read as the end of the sentence";
            }
        }
        // "\\$0.054 = 5.4 cents": dollars on one side, cents or another unit on the other
        boolean dollarsLeft = money(text, l);
        boolean dollarsRight = money(text, r);
        if (dollarsLeft != dollarsRight && CENTS.matcher(around(text, l, r)).find()) {
            return "dollars on one side, another unit on the other: a conversion";
        }
        // "6!/3!3! = 20": a product by juxtaposition after a division may belong to the divisor
        if (lv != null && rv != null) {
            Value al = dividedByTheProduct(l.expr(), eval);
            Value ar = dividedByTheProduct(r.expr(), eval);
            if (al != null && compare(al, rv) == 0 || ar != null && compare(lv, ar) == 0) {
                return "holds with the product after the division read as the divisor";
            }
        }
        java.util.regex.Matcher d = DIVISION.matcher(l.expr());
        if (d.matches()
                && rv instanceof Value.Exact x
                && x.value().compareTo(BigRational.parseDecimal(d.group(1))) == 0) {
            return "a division written with its remainder";
        }
        return null;
    }

    /** Verbs that state a result: between two numbers of one side, two statements run together. */
    private static final Pattern RESULT_VERB = Pattern.compile("\\b(?:gives?|yields?|becomes?|equals?|means?)\\b");

    /**
     * {@return a reason when a side holds two units of measure ("3 weeks + 3 days", a compound quantity) or a
     * verb among its words ("x + y = 5 gives x + 2 = 5" read as one side "5 gives x + 2"), else null}
     */
    private static String runTogether(Side s) {
        Set<String> u = new java.util.TreeSet<>();
        for (String w : s.units()) {
            if (ProblemQuotes.dimension(w) == null) continue;
            String one = w.toLowerCase(Locale.ROOT);
            one = one.equals("feet") ? "foot" : one.endsWith("ches") ? one.substring(0, one.length() - 2) : one;
            u.add(one.endsWith("s") ? one.substring(0, one.length() - 1) : one);
        }
        if (u.size() > 1) return "several units in one side (" + String.join(", ", u) + "): a compound quantity";
        // "1 truck + 1 pack = $10 + $10": a sum of different things names them, it does not count them
        if (s.expr().indexOf('+') > 0 || s.expr().indexOf('-') > 0) {
            Set<String> nouns = new java.util.TreeSet<>();
            for (String w : s.units()) {
                String n = w.toLowerCase(Locale.ROOT);
                if (n.length() < 2 || !n.chars().allMatch(Character::isLetter) || NOT_A_UNIT.contains(n)) continue;
                nouns.add(n.endsWith("s") ? n.substring(0, n.length() - 1) : n);
            }
            if (nouns.size() > 1) return "a sum of different things (" + String.join(", ", nouns) + ")";
        }
        for (String w : s.units()) {
            if (RESULT_VERB.matcher(w).find())
                return "a verb ('" + w + "') inside a side: two statements may run together";
        }
        return null;
    }

    private static Set<String> normUnits(Set<String> units) {
        Set<String> out = new java.util.TreeSet<>();
        for (String u : units) {
            if (NOT_A_UNIT.contains(u)) continue;
            String w = u.toLowerCase(Locale.ROOT).trim();
            if (w.endsWith("s") && w.length() > 3) w = w.substring(0, w.length() - 1);
            out.add(w);
        }
        return out;
    }

    private static int compare(Value a, Value b) {
        if (a instanceof Value.Exact x && b instanceof Value.Exact y)
            return x.value().compareTo(y.value());
        double p = a.toDouble();
        double q = b.toDouble();
        double scale = Math.max(1.0, Math.max(Math.abs(p), Math.abs(q)));
        if (Math.abs(p - q) <= 1e-9 * scale) return 0;
        return Double.compare(p, q);
    }

    /** {@return a value as shown in explanations: {@code 1600}, {@code 10/3}, {@code ≈3.14159}} */
    static String show(Value v) {
        if (v == null) return null;
        if (v instanceof Value.Exact x) {
            BigRational q = x.value();
            if (q.denominator().equals(BigInteger.ONE)) return q.numerator().toString();
            return q.numerator() + "/" + q.denominator();
        }
        double d = v.toDouble();
        return "≈"
                + new BigDecimal(d)
                        .round(new MathContext(12))
                        .stripTrailingZeros()
                        .toPlainString();
    }

    private static Claim claim(
            Side l, Relation rel, Side r, String lt, String rt, Claim.Status st, Value lv, Value rv, String why) {
        return new Claim(l.start(), l.end(), r.start(), r.end(), lt, rel, rt, st, show(lv), show(rv), why);
    }
}
