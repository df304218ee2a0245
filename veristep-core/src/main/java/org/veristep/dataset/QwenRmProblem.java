package org.veristep.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import org.veristep.trace.Problem;
import org.veristep.trace.Trace;

/**
 * One problem of the Qwen2.5-Math RM@8 / maj@8 example ({@code QwenLM/Qwen2.5-Math}, {@code
 * evaluation/data/eval_rm_maj_example/math_cot_100.jsonl}): a MATH problem with N sampled
 * chain-of-thought responses, their extracted answers, the harness's correctness verdicts and an
 * outcome reward model's scores.
 *
 * @param idx the problem's number in the file ({@code idx})
 * @param question the problem statement
 * @param gt the reference answer ({@code gt})
 * @param level MATH level as written, e.g. {@code Level 3}
 * @param candidates the sampled responses, indexed by sample (the order of the file's lists)
 * @param extras the fields not modelled here ({@code gt_cot, solution, answer, code, report, system,
 *     query, history}), in file order
 */
public record QwenRmProblem(
        int idx, String question, String gt, String level, List<Candidate> candidates, ObjectNode extras) {
    public QwenRmProblem {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(gt, "gt");
        Objects.requireNonNull(level, "level");
        candidates = List.copyOf(candidates);
        extras = Fields.copy(extras);
    }

    /**
     * One sampled response.
     *
     * @param response the response text ({@code response[i]})
     * @param pred the answer extracted from it by the Qwen harness ({@code pred[i]})
     * @param correct whether {@code pred} matches {@code gt} by the harness's grader ({@code score[i]})
     * @param rmScores the reward model's output for the response ({@code pred_score[i]}, one float in
     *     the published file; an unbounded ORM score around 3.5, not a probability)
     */
    public record Candidate(String response, String pred, boolean correct, List<Double> rmScores) {
        public Candidate {
            Objects.requireNonNull(response, "response");
            Objects.requireNonNull(pred, "pred");
            rmScores = List.copyOf(rmScores);
            if (rmScores.isEmpty()) throw new IllegalArgumentException("a candidate needs a reward-model score");
        }

        /** {@return the reward model's score of the response: the last entry of {@code pred_score[i]}} */
        public double rmScore() {
            return rmScores.getLast();
        }
    }

    /** {@return the problem id used in traces: {@code qwen-rm-<idx>}} */
    public String problemId() {
        return "qwen-rm-" + idx;
    }

    /**
     * {@return candidate {@code i} as a one-step trace} (the response is not split into steps; its
     * final answer is the extracted {@code pred}); the trace id is {@code qwen-rm-<idx>-<i>}
     */
    public Trace trace(int i) {
        Candidate c = candidates.get(i);
        return new Trace(
                problemId() + "-" + i,
                new Problem(problemId(), question, gt),
                List.of(new org.veristep.trace.Step(c.response())),
                c.pred(),
                null);
    }
}
