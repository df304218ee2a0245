package org.veristep.score;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.veristep.VeristepException;
import org.veristep.json.Json;
import org.veristep.trace.StepScores;
import org.veristep.trace.Trace;

/**
 * Combines the step scores of several scorers step by step: {@code min} (a veto: any component can
 * pull a step down, e.g. the symbolic verifier refuting a step a neural PRM liked) or {@code
 * product}. Named {@code composite:AGG:a,b[,c...]} (see {@link StepScorers#create}).
 *
 * <p>Each component scores all traces; the composite's score of step i is AGG over the components'
 * scores of step i. Closing the composite closes every component.
 */
public final class CompositeScorer implements ExplainingScorer {
    /** How the components' scores of one step are combined. */
    public enum Aggregation {
        /** the smallest score: a veto */
        MIN,
        /** the product of the scores */
        PRODUCT;

        /**
         * {@return the aggregation named {@code name}} ({@code min}, {@code product} or {@code prod})
         *
         * @throws VeristepException.NonRetriable for any other name
         */
        public static Aggregation of(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "min" -> MIN;
                case "product", "prod" -> PRODUCT;
                default ->
                    throw new VeristepException.NonRetriable(
                            "unknown aggregation '" + name + "' in a composite scorer; known: min, product");
            };
        }

        double combine(double a, double b) {
            return this == MIN ? Math.min(a, b) : a * b;
        }
    }

    private final Aggregation aggregation;
    private final List<StepScorer> components;

    /**
     * @param aggregation how step scores are combined
     * @param components the scorers, at least one; the composite owns and closes them
     */
    public CompositeScorer(Aggregation aggregation, List<StepScorer> components) {
        if (components.isEmpty()) throw new IllegalArgumentException("a composite scorer needs components");
        this.aggregation = aggregation;
        this.components = List.copyOf(components);
    }

    @Override
    public String name() {
        return "composite:" + aggregation.name().toLowerCase(Locale.ROOT) + ":"
                + String.join(",", components.stream().map(StepScorer::name).toList());
    }

    @Override
    public List<StepScores> score(List<Trace> traces) {
        List<List<StepScores>> all = new ArrayList<>();
        for (StepScorer c : components) all.add(c.score(traces));
        List<StepScores> out = new ArrayList<>(traces.size());
        for (int t = 0; t < traces.size(); t++) {
            double[] s = all.get(0).get(t).toArray();
            for (int c = 1; c < all.size(); c++) {
                StepScores other = all.get(c).get(t);
                if (other.size() != s.length) {
                    throw new VeristepException.NonRetriable(
                            "composite: scorer '" + components.get(c).name()
                                    + "' gave " + other.size() + " scores for trace '"
                                    + traces.get(t).id() + "' of "
                                    + s.length + " steps");
                }
                for (int i = 0; i < s.length; i++) s[i] = aggregation.combine(s[i], other.get(i));
            }
            out.add(new StepScores(traces.get(t).id(), s));
        }
        return out;
    }

    /**
     * Explains each step: {@code {"score": x, "aggregation": "min", "components": {"symbolic":
     * {"score": 0.0, ...details}, "file": {"score": 0.93}}}}; a component that explains itself adds
     * its details beside its score.
     */
    @Override
    public List<List<ObjectNode>> explain(List<Trace> traces) {
        List<StepScores> combined = score(traces);
        List<List<StepScores>> scores = new ArrayList<>();
        List<List<List<ObjectNode>>> details = new ArrayList<>();
        for (StepScorer c : components) {
            scores.add(c.score(traces));
            details.add(c instanceof ExplainingScorer e ? e.explain(traces) : null);
        }
        List<List<ObjectNode>> out = new ArrayList<>(traces.size());
        for (int t = 0; t < traces.size(); t++) {
            List<ObjectNode> steps = new ArrayList<>();
            for (int i = 0; i < traces.get(t).size(); i++) {
                ObjectNode o = Json.mapper().createObjectNode();
                o.put("score", combined.get(t).get(i));
                o.put("aggregation", aggregation.name().toLowerCase(Locale.ROOT));
                ObjectNode comps = o.putObject("components");
                for (int c = 0; c < components.size(); c++) {
                    ObjectNode d = details.get(c) == null
                            ? Json.mapper().createObjectNode()
                            : details.get(c).get(t).get(i);
                    d.put("score", scores.get(c).get(t).get(i));
                    comps.set(components.get(c).name(), d);
                }
                steps.add(o);
            }
            out.add(steps);
        }
        return out;
    }

    @Override
    public void close() {
        for (StepScorer c : components) c.close();
    }
}
