package org.veristep.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import org.veristep.trace.LabeledTrace;
import org.veristep.trace.Problem;
import org.veristep.trace.StepLabel;
import org.veristep.trace.StepScores;
import org.veristep.trace.Trace;

/**
 * One solution of ReasonEval's MR-MATH sets ({@code GAIR-NLP/ReasonEval}, {@code
 * dataset/mr-math_{invalid,redundant}_errors.json}): a solution written as step groups, each group a
 * list of lines, with human labels.
 *
 * <p>Two index conventions meet here: the human {@code first_error_step} is <b>1-based over step
 * groups</b>, while evaluator scores ({@link ReasonEvalResult}) have one entry per <b>line</b> of the
 * flattened groups. {@link #labeled()} takes each group as one step (0-based); {@link
 * #lineToGroup()} and {@link #groupScores} map line scores onto groups.
 *
 * @param id the solution id, shared with the evaluator result files
 * @param question the problem
 * @param groundTruthAnswer the reference answer
 * @param generator the model that wrote the solution
 * @param modelOutput the raw solution text (invalid set only), or null
 * @param stepGroups the steps, each a list of lines, indexed from 0
 * @param judgement the human correctness labels of the invalid set, or null (redundant set)
 * @param rating per-group PRM800K ratings of the redundant set (1 = positive, 0 = neutral /
 *     redundant), or null (invalid set)
 * @param extras other fields, in file order
 */
public record MrMathRecord(
        int id,
        String question,
        String groundTruthAnswer,
        String generator,
        String modelOutput,
        List<List<String>> stepGroups,
        Judgement judgement,
        List<Integer> rating,
        ObjectNode extras) {
    public MrMathRecord {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(groundTruthAnswer, "groundTruthAnswer");
        Objects.requireNonNull(generator, "generator");
        stepGroups = stepGroups.stream().map(List::copyOf).toList();
        if (rating != null) {
            rating = List.copyOf(rating);
            if (rating.size() != stepGroups.size()) {
                throw new IllegalArgumentException(
                        rating.size() + " ratings for " + stepGroups.size() + " step groups");
            }
        }
        if (judgement != null
                && judgement.firstErrorStep() != null
                && (judgement.firstErrorStep() < 1 || judgement.firstErrorStep() > stepGroups.size())) {
            throw new IllegalArgumentException(
                    "first error step " + judgement.firstErrorStep() + " is not a group in 1.." + stepGroups.size());
        }
        extras = Fields.copy(extras);
    }

    /**
     * The human labels of the invalid set.
     *
     * @param answerCorrectness {@code model_output_answer_correctness} ("correct" throughout)
     * @param solutionCorrectness {@code model_output_solution_correctness}: "correct" or "wrong"
     * @param firstErrorStep {@code model_output_solution_first_error_step}: the <b>1-based</b> group
     *     number of the first wrong step, or null for the file's "N/A"
     */
    public record Judgement(String answerCorrectness, String solutionCorrectness, Integer firstErrorStep) {
        public Judgement {
            Objects.requireNonNull(answerCorrectness, "answerCorrectness");
            Objects.requireNonNull(solutionCorrectness, "solutionCorrectness");
        }
    }

    /** {@return the trace id: {@code mr-math-<id>}} */
    public String traceId() {
        return "mr-math-" + id;
    }

    /** {@return the solution with one step per group (lines joined by "\n")} */
    public Trace trace() {
        return new Trace(
                traceId(),
                new Problem(traceId(), question, groundTruthAnswer),
                stepGroups.stream()
                        .map(g -> new org.veristep.trace.Step(String.join("\n", g)))
                        .toList(),
                null,
                generator);
    }

    /**
     * {@return the labelled solution, one step per group}: invalid set — first error = {@code
     * first_error_step − 1} (0-based), steps before it correct, later ones unknown, -1 and all
     * correct for "N/A"; redundant set — rating 1 → correct, 0 → neutral, no error.
     */
    public LabeledTrace labeled() {
        Trace t = trace();
        if (rating != null) {
            List<StepLabel> labels = rating.stream()
                    .map(r -> r == 1 ? StepLabel.CORRECT : StepLabel.NEUTRAL)
                    .toList();
            return new LabeledTrace(t, labels, -1);
        }
        Integer fe = judgement == null ? null : judgement.firstErrorStep();
        return LabeledTrace.fromFirstError(t, fe == null ? -1 : fe - 1);
    }

    /** {@return the group (0-based) of each line of the flattened groups, indexed by line} */
    public int[] lineToGroup() {
        int n = stepGroups.stream().mapToInt(List::size).sum();
        int[] out = new int[n];
        int k = 0;
        for (int g = 0; g < stepGroups.size(); g++) {
            for (int j = 0; j < stepGroups.get(g).size(); j++) out[k++] = g;
        }
        return out;
    }

    /**
     * {@return per-group scores folded from per-line scores}, e.g. with {@code Math::min}
     *
     * @param lineScores one score per line of the flattened groups
     * @throws IllegalArgumentException when the number of line scores differs from the number of lines
     */
    public StepScores groupScores(double[] lineScores, DoubleBinaryOperator fold) {
        int[] map = lineToGroup();
        if (lineScores.length != map.length) {
            throw new IllegalArgumentException(
                    traceId() + ": " + lineScores.length + " line scores for " + map.length + " lines");
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < map.length; i++) {
            if (map[i] == out.size()) out.add(lineScores[i]);
            else out.set(map[i], fold.applyAsDouble(out.get(map[i]), lineScores[i]));
        }
        return new StepScores(traceId(), Fields.toArray(out));
    }
}
