package org.veristep.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import org.veristep.trace.StepScores;

/**
 * One line of a ReasonEval evaluator-output file ({@code eval_results/<set>/<evaluator>_eval_results.json}).
 *
 * @param id the solution id (matches {@link MrMathRecord#id()})
 * @param shape which kind of output the line holds
 * @param scores per-line scores, indexed by line of the flattened step groups: for {@link
 *     Shape#LINE} one probability per line (Math-Shepherd PRM), for {@link Shape#LINE_3CLASS} the
 *     triple {@code [p_negative, p_neutral, p_positive]} (ReasonEval); for {@link Shape#SOLUTION}
 *     one list holding the solution-level score (ROSCOE); empty for {@link Shape#JUDGE}
 * @param extras other fields in file order (the LLM judges' {@code response}, {@code
 *     correctness_pred}, {@code error_step_pred})
 */
public record ReasonEvalResult(int id, Shape shape, List<List<Double>> scores, ObjectNode extras) {
    /** The kinds of evaluator output. */
    public enum Shape {
        /** {@code scores}: one float per line. */
        LINE,
        /** {@code scores}: {@code [p_negative, p_neutral, p_positive]} per line. */
        LINE_3CLASS,
        /** {@code scores}: one float for the whole solution. */
        SOLUTION,
        /** No {@code scores}: a generative judge's verdict in the extra fields. */
        JUDGE
    }

    public ReasonEvalResult {
        Objects.requireNonNull(shape, "shape");
        scores = scores.stream().map(List::copyOf).toList();
        extras = Fields.copy(extras);
    }

    /**
     * {@return per-line validity scores in [0, 1]}: the probability itself for {@link Shape#LINE};
     * {@code p_neutral + p_positive} (= 1 − p_negative, ReasonEval's validity) for {@link
     * Shape#LINE_3CLASS}
     *
     * @throws IllegalStateException for solution-level scores and judge outputs
     */
    public double[] lineValidity() {
        return switch (shape) {
            case LINE -> scores.stream().mapToDouble(s -> s.get(0)).toArray();
            case LINE_3CLASS ->
                scores.stream()
                        .mapToDouble(s -> Math.min(1.0, Math.max(0.0, s.get(1) + s.get(2))))
                        .toArray();
            default -> throw new IllegalStateException("result " + id + " has no per-line scores (" + shape + ")");
        };
    }

    /** {@return the per-line validity as step scores of {@code traceId}, one per line} */
    public StepScores lineScores(String traceId) {
        return new StepScores(traceId, lineValidity());
    }
}
