package org.veristep.symbolic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.veristep.VeristepException;
import org.veristep.json.Json;
import org.veristep.score.ExplainingScorer;
import org.veristep.score.ScorerOptions;
import org.veristep.score.StepScorer;
import org.veristep.score.StepScorerProvider;
import org.veristep.trace.StepScores;
import org.veristep.trace.Trace;

/**
 * The symbolic step verifier as a process reward model that needs no model: a step scores 0 when
 * one of its claims is certainly false ({@link Verdict#REFUTED}), 1 when its claims check ({@link
 * Verdict#VERIFIED}), and the configurable {@code prior} when nothing could be checked (default 1,
 * the right value for ProcessBench first-error prediction at threshold 0.5: only refutations
 * predict an error). See {@link StepVerifier} for what is checked and how false alarms are avoided.
 *
 * <p>Thread-safe and stateless between calls.
 */
public final class SymbolicScorer implements ExplainingScorer {
    public static final String NAME = "symbolic";

    private final StepVerifier verifier;
    private final double prior;

    /**
     * @param verifier the verifier
     * @param prior score of an unverifiable step, in [0, 1]
     * @throws IllegalArgumentException when {@code prior} is outside [0, 1]
     */
    public SymbolicScorer(StepVerifier verifier, double prior) {
        if (!(prior >= 0 && prior <= 1)) throw new IllegalArgumentException("prior must be in [0, 1]: " + prior);
        this.verifier = verifier;
        this.prior = prior;
    }

    /** The default verifier (no bindings, 1 s per step) with prior 1. */
    public SymbolicScorer() {
        this(new StepVerifier(), 1.0);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** {@return the verifier's checks of every step, indexed by step} */
    public List<StepCheck> check(Trace trace) {
        return verifier.verify(trace);
    }

    /** {@return the score of a step with this verdict: 0 refuted, 1 verified, the prior otherwise} */
    public double score(Verdict v) {
        return switch (v) {
            case REFUTED -> 0.0;
            case VERIFIED -> 1.0;
            case UNVERIFIABLE -> prior;
        };
    }

    @Override
    public List<StepScores> score(List<Trace> traces) {
        List<StepScores> out = new ArrayList<>(traces.size());
        for (Trace t : traces) {
            List<StepCheck> checks = verifier.verify(t);
            double[] s = new double[checks.size()];
            for (int i = 0; i < s.length; i++) s[i] = score(checks.get(i).verdict());
            out.add(new StepScores(t.id(), s));
        }
        return out;
    }

    /** Scores and explains with one verification per trace (the default would verify twice). */
    @Override
    public List<org.veristep.score.ExplainedScores> scoreExplained(List<Trace> traces) {
        List<org.veristep.score.ExplainedScores> out = new ArrayList<>(traces.size());
        for (Trace t : traces) {
            List<StepCheck> checks = verifier.verify(t);
            double[] s = new double[checks.size()];
            List<ObjectNode> details = new ArrayList<>(checks.size());
            for (int i = 0; i < s.length; i++) {
                s[i] = score(checks.get(i).verdict());
                details.add(toJson(checks.get(i)));
            }
            out.add(new org.veristep.score.ExplainedScores(new StepScores(t.id(), s), details));
        }
        return out;
    }

    /**
     * Explains every step: {@code {"verdict": "refuted", "score": 0.0, "claims": [{"left": "2/5 *
     * 4000", "relation": "=", "right": "800", "status": "false", "left_value": "1600",
     * "right_value": "800", "reason": "...", "left_span": [a, b], "right_span": [c, d]}]}}; spans are
     * UTF-16 offsets into the step text, end exclusive.
     */
    @Override
    public List<List<ObjectNode>> explain(List<Trace> traces) {
        List<List<ObjectNode>> out = new ArrayList<>(traces.size());
        for (Trace t : traces) {
            List<ObjectNode> steps = new ArrayList<>();
            for (StepCheck c : verifier.verify(t)) steps.add(toJson(c));
            out.add(steps);
        }
        return out;
    }

    /** {@return one step's check as JSON (see {@link #explain(List)})} */
    public ObjectNode toJson(StepCheck check) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("verdict", check.verdict().name().toLowerCase(Locale.ROOT));
        o.put("score", score(check.verdict()));
        ArrayNode claims = o.putArray("claims");
        for (Claim c : check.claims()) {
            ObjectNode j = claims.addObject();
            j.put("left", c.left());
            j.put("relation", c.relation().symbol());
            j.put("right", c.right());
            j.put("status", c.status().name().toLowerCase(Locale.ROOT));
            j.put("left_value", c.leftValue());
            j.put("right_value", c.rightValue());
            j.put("reason", c.reason());
            j.putArray("left_span").add(c.leftStart()).add(c.leftEnd());
            j.putArray("right_span").add(c.rightStart()).add(c.rightEnd());
        }
        return o;
    }

    /** Registers {@link SymbolicScorer} as {@value #NAME}. */
    public static final class Provider implements StepScorerProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "symbolic step verifier: exact arithmetic on the claims each step writes; no model";
        }

        @Override
        public Map<String, String> options() {
            return Map.of(
                    "prior", "score of a step with nothing checkable, in [0, 1] (default 1)",
                    "bindings", "how far 'x = 5' reaches: none, step or trace (default none)",
                    "step-time-ms", "evaluation time bound per step in ms (default 1000)");
        }

        @Override
        public StepScorer create(ScorerOptions options) {
            double prior = options.getDouble(NAME, "prior", 1.0);
            if (!(prior >= 0 && prior <= 1)) {
                throw new VeristepException.NonRetriable("scorer 'symbolic': prior must be in [0, 1], got " + prior);
            }
            String b = options.get("bindings").orElse("none").toUpperCase(Locale.ROOT);
            StepVerifier.Scope scope;
            try {
                scope = StepVerifier.Scope.valueOf(b);
            } catch (IllegalArgumentException e) {
                throw new VeristepException.NonRetriable(
                        "scorer 'symbolic': bindings must be none, step or trace, got '" + b.toLowerCase(Locale.ROOT)
                                + "'");
            }
            int ms = options.getInt(NAME, "step-time-ms", 1000);
            if (ms <= 0) throw new VeristepException.NonRetriable("scorer 'symbolic': step-time-ms must be positive");
            return new SymbolicScorer(new StepVerifier(scope, Duration.ofMillis(ms)), prior);
        }
    }
}
