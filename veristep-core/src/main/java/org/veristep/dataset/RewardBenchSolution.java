package org.veristep.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import org.veristep.trace.Problem;
import org.veristep.trace.StepScores;
import org.veristep.trace.Trace;

/**
 * One solution of a RewardBench {@code math-prm} score file ({@code
 * results/Rewardbench/rewardbench_<PRM>.json} of {@code kimsh0507/RewardMATH_official}): a
 * PRM800K-derived solution, chosen (correct) or rejected (wrong), with one PRM's step scores. The
 * chosen and rejected solution of a problem share its {@code problemId}.
 *
 * @param problem the problem statement
 * @param steps the solution's steps, indexed from 0 ({@code eval_solution})
 * @param subject MATH subject, e.g. {@code Algebra}
 * @param level MATH difficulty level, 1–5
 * @param stepScores the PRM's scores ({@code output.step_scores}), probabilities in [0, 1]; normally
 *     one per step, but the published Easy-to-Hard file has 3 solutions with one score more than
 *     steps, which are kept as they are (see {@link #aligned()})
 * @param problemId the problem's number, shared by its chosen and rejected solution
 * @param chosen true for {@code solution_type} {@code chosen}, false for {@code rejected}
 * @param outputExtras fields of {@code output} other than {@code step_scores}, in order (empty in
 *     the published files)
 */
public record RewardBenchSolution(
        String problem,
        List<String> steps,
        String subject,
        int level,
        List<Double> stepScores,
        int problemId,
        boolean chosen,
        ObjectNode outputExtras) {
    public RewardBenchSolution {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(subject, "subject");
        steps = List.copyOf(steps);
        stepScores = List.copyOf(stepScores);
        outputExtras = Fields.copy(outputExtras);
    }

    /** {@return whether there is exactly one step score per step} */
    public boolean aligned() {
        return steps.size() == stepScores.size();
    }

    /** {@return the trace id: {@code rewardbench-<problemId>-chosen} or {@code -rejected}} */
    public String traceId() {
        return "rewardbench-" + problemId + (chosen ? "-chosen" : "-rejected");
    }

    /** {@return the solution as a trace; the problem id is {@code rewardbench-<problemId>}} */
    public Trace trace() {
        return Trace.of(traceId(), new Problem("rewardbench-" + problemId, problem, null), steps);
    }

    /** {@return the step scores as an array, indexed like {@link #stepScores()}} */
    public double[] scoreArray() {
        return Fields.toArray(stepScores);
    }

    /**
     * {@return the PRM's step scores for {@link #trace()}}
     *
     * @throws IllegalStateException when the file gives a different number of scores than steps
     *     ({@link #aligned()} is false)
     */
    public StepScores scores() {
        if (!aligned()) {
            throw new IllegalStateException(traceId() + ": " + stepScores.size() + " step scores for " + steps.size()
                    + " steps in the source file");
        }
        return new StepScores(traceId(), scoreArray());
    }
}
