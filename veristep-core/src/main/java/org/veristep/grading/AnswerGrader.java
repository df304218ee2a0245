package org.veristep.grading;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.veristep.math.BigRational;
import org.veristep.math.Budget;
import org.veristep.math.EvaluationException;
import org.veristep.math.Evaluator;
import org.veristep.math.Expr;
import org.veristep.math.MathParser;
import org.veristep.math.MathPrinter;
import org.veristep.math.ParseException;
import org.veristep.math.TooCostlyException;
import org.veristep.math.Value;

/**
 * Decides whether a predicted answer (a bare answer or a whole solution) equals a gold answer, and
 * gives answers a canonical key so that equal answers group together (majority and weighted vote in
 * best-of-N). Thread-safe (immutable); every call is bounded by {@link GradingOptions#timeLimit()}
 * (default 1 s) and by the size limits of {@link GradingOptions} and {@link Budget}.
 *
 * <p>Pipeline: (1) if the gold names a multiple-choice letter ({@code (B)}, {@code C Cecile}), the
 * prediction's choice letter is compared ({@link AnswerExtractor#choice}); (2) otherwise the
 * candidate answers of gold and prediction ({@link AnswerExtractor#candidates}) are cleaned ({@link
 * AnswerText}) and the first that parses ({@link MathParser}) is compared by {@link Equivalence}.
 *
 * <p>The letter e: a bare {@code e} in an answer is Euler's number ({@code e^2} equals {@code
 * 7.389056} and {@code \exp(2)}), as in Math-Verify, unless the answer assigns, solves for or bounds
 * a variable e ({@code e = 5}, {@code 1 < e \le 4}); the rule and its reference are in {@code
 * EulerNumber}.
 *
 * <p>Long flat answers ({@code 1 + 1 + ... + 1} of 100,000 terms) are graded without deep recursion;
 * genuinely deep nesting beyond {@link Budget#maxDepth()} is undecided ("too costly: nesting deeper
 * than 200").
 *
 * <p>Verdicts: {@link Outcome.Equivalent}; {@link Outcome.NotEquivalent} also when no answer is found
 * in the prediction or it does not parse; {@link Outcome.Undecided} when the gold does not parse
 * (and differs from the prediction as text) or a bound is exceeded ("too costly").
 */
public final class AnswerGrader {
    private static final AnswerGrader DEFAULT = new AnswerGrader(GradingOptions.defaults());
    private final GradingOptions options;

    /** Creates a grader with the given options. */
    public AnswerGrader(GradingOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** {@return the grader with {@link GradingOptions#defaults()}} */
    public static AnswerGrader defaults() {
        return DEFAULT;
    }

    /** {@return this grader's options} */
    public GradingOptions options() {
        return options;
    }

    /**
     * {@return the grade of {@code predictionOrSolution} against {@code gold}} with default options
     *
     * @param gold the gold answer (a bare answer, or a solution whose final answer is extracted)
     * @param predictionOrSolution a bare answer or a whole solution
     */
    public static Grade grade(String gold, String predictionOrSolution) {
        return DEFAULT.check(gold, predictionOrSolution);
    }

    /**
     * {@return the canonical key of an answer} with default options: equal keys mean equal answers
     * (the same exact value, the same set, the same expression up to algebra), for grouping answers
     * in a majority or weighted vote. See {@link #keyOf(String)}.
     */
    public static String answerKey(String answer) {
        return DEFAULT.keyOf(answer);
    }

    /**
     * {@return the grade of {@code predictionOrSolution} against {@code gold}} with this grader's
     * options. Never throws for any input strings (null is rejected): an unexpected failure inside
     * the grader is reported as {@link Outcome.Undecided} with the reason "internal error: ...".
     */
    public Grade check(String gold, String predictionOrSolution) {
        Objects.requireNonNull(gold, "gold");
        Objects.requireNonNull(predictionOrSolution, "predictionOrSolution");
        Budget budget = budget();
        String goldAnswer = null;
        String predAnswer = null;
        Expr g = null;
        Expr p = null;
        try {
            if (gold.length() > options.maxSolutionChars()
                    || predictionOrSolution.length() > options.maxSolutionChars()) {
                throw new TooCostlyException("input longer than " + options.maxSolutionChars() + " chars");
            }
            Character goldChoice = AnswerExtractor.goldChoice(gold);
            if (goldChoice != null) {
                Character c = AnswerExtractor.choice(predictionOrSolution);
                goldAnswer = goldChoice.toString();
                if (c == null)
                    return new Grade(
                            Outcome.NOT_EQUIVALENT,
                            "no choice letter found in the prediction",
                            goldAnswer,
                            null,
                            null,
                            null);
                predAnswer = c.toString();
                return c.equals(goldChoice)
                        ? new Grade(Outcome.EQUIVALENT, "same choice " + c, goldAnswer, predAnswer, null, null)
                        : new Grade(
                                Outcome.NOT_EQUIVALENT,
                                "choice " + c + " instead of " + goldChoice,
                                goldAnswer,
                                predAnswer,
                                null,
                                null);
            }
            List<Extraction.Found> goldCandidates = AnswerExtractor.candidates(gold, true, false);
            Parsed pg = parseFirst(goldCandidates, budget);
            if (pg == null) {
                goldCandidates = AnswerExtractor.candidates(gold, true, true);
                pg = parseFirst(goldCandidates, budget);
            }
            List<Extraction.Found> predCandidates = AnswerExtractor.candidates(predictionOrSolution, false, false);
            Parsed pp = parseFirst(predCandidates, budget);
            if (pp == null) {
                predCandidates = AnswerExtractor.candidates(predictionOrSolution, false, true);
                pp = parseFirst(predCandidates, budget);
            }
            if (predCandidates.isEmpty()
                    && squash(AnswerText.clean(gold)).equals(squash(AnswerText.clean(predictionOrSolution)))) {
                return new Grade(
                        Outcome.EQUIVALENT,
                        "same text",
                        gold.strip(),
                        predictionOrSolution.strip(),
                        pg == null ? null : pg.expr,
                        null);
            }
            if (predCandidates.isEmpty()) {
                goldAnswer = pg != null ? pg.text : gold.strip();
                return new Grade(
                        Outcome.NOT_EQUIVALENT,
                        "no answer found in the prediction",
                        goldAnswer,
                        null,
                        pg == null ? null : pg.expr,
                        null);
            }
            if (pg == null) {
                goldAnswer = goldCandidates.isEmpty()
                        ? gold.strip()
                        : goldCandidates.getFirst().answer();
                predAnswer = pp != null ? pp.text : predCandidates.getFirst().answer();
                String a = squash(AnswerText.clean(goldAnswer));
                for (Extraction.Found f : predCandidates) {
                    if (squash(AnswerText.clean(f.answer())).equals(a)) {
                        return new Grade(
                                Outcome.EQUIVALENT,
                                "the gold does not parse; same text",
                                goldAnswer,
                                f.answer(),
                                null,
                                null);
                    }
                }
                return new Grade(
                        Outcome.UNDECIDED,
                        "the gold answer does not parse: " + goldAnswer,
                        goldAnswer,
                        predAnswer,
                        null,
                        pp == null ? null : pp.expr);
            }
            goldAnswer = pg.text;
            g = pg.expr;
            if (pp == null) {
                predAnswer = predCandidates.getFirst().answer();
                return new Grade(
                        Outcome.NOT_EQUIVALENT,
                        "the predicted answer does not parse: " + shorten(predAnswer),
                        goldAnswer,
                        predAnswer,
                        g,
                        null);
            }
            predAnswer = pp.text;
            p = pp.expr;
            Equivalence.Verdict v = new Equivalence(options, budget).compare(g, p);
            return new Grade(v.outcome(), v.reason(), goldAnswer, predAnswer, g, p);
        } catch (TooCostlyException e) {
            return new Grade(Outcome.UNDECIDED, e.getMessage(), goldAnswer, predAnswer, g, p);
        } catch (StackOverflowError e) {
            return new Grade(Outcome.UNDECIDED, "too costly: nesting too deep", goldAnswer, predAnswer, g, p);
        } catch (RuntimeException e) {
            // a grader inside a long job must not stop it: an unexpected failure is an undecided grade
            return new Grade(Outcome.UNDECIDED, "internal error: " + e, goldAnswer, predAnswer, g, p);
        }
    }

    private record Parsed(String text, Expr expr) {}

    /**
     * {@return the budget of one call}: this grader's time limit; the parser takes answers up to
     * {@link GradingOptions#maxAnswerChars()} (longer ones are refused before parsing)
     */
    private Budget budget() {
        Budget b = Budget.of(options.timeLimit());
        return new Budget(b.deadlineNanos(), options.maxAnswerChars(), b.maxDepth(), b.maxBits());
    }

    private Parsed parseFirst(List<Extraction.Found> candidates, Budget budget) {
        for (Extraction.Found f : candidates) {
            String text = AnswerText.clean(f.answer());
            if (text.isEmpty()) continue;
            if (text.length() > options.maxAnswerChars()) {
                throw new TooCostlyException("answer longer than " + options.maxAnswerChars() + " chars");
            }
            try {
                return new Parsed(text, EulerNumber.read(MathParser.parse(text, budget)));
            } catch (ParseException e) {
                // a chain "a = \\zzz = b" with an unknown command: its last member may still be read
                int eq = text.lastIndexOf('=');
                if (eq > 0 && eq + 1 < text.length()) {
                    try {
                        return new Parsed(text, EulerNumber.read(MathParser.parse(text.substring(eq + 1), budget)));
                    } catch (ParseException ignored) {
                        // next candidate
                    }
                }
            }
        }
        return null;
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    /**
     * {@return the canonical key of an answer (a bare answer or a solution, whose final answer is
     * extracted first)} with this grader's options.
     *
     * <p>Keys: an exact number is its reduced fraction ({@code "3/4"}, so {@code 0.75}, {@code
     * \frac34}); an irrational constant is {@code ≈} and 12
     * significant digits; an expression with variables is its variables and its values at fixed
     * seeded points (so {@code x+x} and {@code 2x} share a key); sets and bare lists sort their
     * items' keys; tuples, intervals and matrices keep order; a percent {@code p%} has the key of
     * {@code p} (the common case in votes: "28%" and "28"); text is lower-cased without spaces;
     * an assignment or chain ({@code x = 3}, {@code x = 1 + 2 = 3}) has the key of its value, a
     * one-variable inequality that of its interval, another relation its printed form; answers that
     * do not parse are keyed by their squashed text ({@code "raw:..."}). Two answers with equal
     * keys grade as equivalent; the converse holds for exact values, not always for decimals shown
     * to fewer places.
     */
    public String keyOf(String answer) {
        Objects.requireNonNull(answer, "answer");
        Budget budget = budget();
        try {
            if (answer.length() > options.maxSolutionChars()) return "raw:" + squash(answer.substring(0, 200));
            List<Extraction.Found> candidates = AnswerExtractor.candidates(answer, true);
            Parsed p = parseFirst(candidates, budget);
            if (p == null)
                return "raw:"
                        + squash(AnswerText.clean(
                                candidates.isEmpty()
                                        ? answer
                                        : candidates.getFirst().answer()));
            return key(Equivalence.prepare(p.expr), budget);
        } catch (TooCostlyException | StackOverflowError e) {
            return "raw:" + squash(answer.length() > 200 ? answer.substring(0, 200) : answer);
        }
    }

    private String key(Expr e, Budget budget) {
        budget.checkTime();
        return switch (e) {
            case Expr.Seq s -> "{" + sortedKeys(s.items(), budget) + "}";
            case Expr.SetOf s -> "{" + sortedKeys(s.items(), budget) + "}";
            case Expr.Tuple t ->
                "("
                        + String.join(
                                ",",
                                t.items().stream()
                                        .map(x -> key(Equivalence.prepare(x), budget))
                                        .toList()) + ")";
            case Expr.Interval i ->
                (i.lowClosed() ? "[" : "(") + key(i.low(), budget) + "," + key(i.high(), budget)
                        + (i.highClosed() ? "]" : ")");
            case Expr.Union u -> "U{" + sortedKeys(u.parts(), budget) + "}";
            case Expr.Matrix m ->
                "M"
                        + m.rows().stream()
                                .map(r -> "["
                                        + String.join(
                                                ",",
                                                r.stream()
                                                        .map(x -> key(x, budget))
                                                        .toList()) + "]")
                                .toList();
            case Expr.Text t -> "t:" + squash(t.text());
            case Expr.Percent p -> key(p.operand(), budget);
            case Expr.Relation r -> {
                Expr value = Equivalence.finalValue(r);
                if (value != null) yield key(Equivalence.prepare(value), budget);
                Expr.Interval iv = Equivalence.inequalityInterval(r);
                yield iv != null ? key(iv, budget) : "rel:" + MathPrinter.print(r);
            }
            default -> scalarKey(e, budget);
        };
    }

    private String sortedKeys(List<Expr> items, Budget budget) {
        Set<String> keys = new LinkedHashSet<>();
        for (Expr x : items) keys.add(key(Equivalence.prepare(x), budget));
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(Comparator.naturalOrder());
        return String.join(",", sorted);
    }

    private String scalarKey(Expr e, Budget budget) {
        Set<String> vars = new LinkedHashSet<>();
        Equivalence.variables(e, vars);
        try {
            if (vars.isEmpty()) return valueKey(Evaluator.evaluate(e, Map.of(), budget));
            List<String> sorted = new ArrayList<>(vars);
            sorted.sort(Comparator.naturalOrder());
            StringBuilder b = new StringBuilder("f").append(sorted).append(':');
            for (int k = 0; k < 3; k++) {
                java.util.HashMap<String, Value> point = new java.util.HashMap<>();
                for (int i = 0; i < sorted.size(); i++) {
                    point.put(
                            sorted.get(i),
                            Value.of(BigRational.of((k == 2 ? -1 : 1) * (31L + 17L * k + 7L * i), 23L + k)));
                }
                try {
                    b.append(valueKey(Evaluator.evaluate(e, point, budget)));
                } catch (EvaluationException ex) {
                    b.append("undef");
                }
                b.append(';');
            }
            return b.toString();
        } catch (EvaluationException ex) {
            return "expr:" + MathPrinter.print(e);
        }
    }

    private static String valueKey(Value v) {
        if (v instanceof Value.Exact x) return x.value().toString();
        double d = v.toDouble();
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        return "≈"
                + new java.math.BigDecimal(d)
                        .round(new java.math.MathContext(12))
                        .stripTrailingZeros()
                        .toPlainString();
    }

    /** {@return a grader with the given time limit and otherwise these options} */
    public AnswerGrader withTimeLimit(Duration t) {
        return new AnswerGrader(options.withTimeLimit(t));
    }
}
