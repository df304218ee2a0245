package org.veristep.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.veristep.trace.LabeledTrace;
import org.veristep.trace.Problem;
import org.veristep.trace.StepScores;
import org.veristep.trace.Trace;

/**
 * One question of OmegaPRM's MATH-APS output in the flat form (OpenR {@code data/omegaPRM_v2}):
 * every solution prefix the search visited, with its Monte-Carlo estimate.
 *
 * @param question the question
 * @param finalAnswer the gold answer
 * @param reasoningSteps the visited prefixes in file order; each {@code solution_prefix} is the
 *     question followed by the partial solution (the first is usually the question alone)
 * @param questionId the question's number, or null when absent
 * @param extras other fields, in file order
 */
public record MathApsItem(
        String question, String finalAnswer, List<State> reasoningSteps, Integer questionId, ObjectNode extras) {
    public MathApsItem {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(finalAnswer, "finalAnswer");
        reasoningSteps = List.copyOf(reasoningSteps);
        extras = Fields.copy(extras);
    }

    /**
     * One visited prefix.
     *
     * @param solutionPrefix the question and the partial solution
     * @param mcValue the MC estimate: the share of rollouts from the prefix that reach the gold
     *     answer, in [0, 1]
     */
    public record State(String solutionPrefix, double mcValue) {
        public State {
            Objects.requireNonNull(solutionPrefix, "solutionPrefix");
            if (!(mcValue >= 0 && mcValue <= 1))
                throw new IllegalArgumentException("mc_value " + mcValue + " not in [0, 1]");
        }

        /** {@return the label OpenR trains on: "+" when the MC estimate is above 0.5} */
        public boolean good() {
            return mcValue > OmegaPrmFormat.LABEL_THRESHOLD;
        }
    }

    /**
     * {@return one single-step example per prefix, as OpenR's preprocessor makes them}: the step is
     * the prefix after the question (trimmed; empty for the question alone), labelled correct when
     * {@code mc_value > 0.5} else incorrect, scored with {@code mc_value}. Ids are {@code <id>/<i>}
     * with {@code i} the 0-based position in {@code reasoning_steps}.
     */
    public List<TraceRecord> examples(String id) {
        List<TraceRecord> out = new ArrayList<>(reasoningSteps.size());
        Problem problem = new Problem(id, question, finalAnswer);
        for (int i = 0; i < reasoningSteps.size(); i++) {
            State s = reasoningSteps.get(i);
            String text = s.solutionPrefix().startsWith(question)
                    ? s.solutionPrefix().substring(question.length())
                    : s.solutionPrefix();
            Trace t = Trace.of(id + "/" + i, problem, List.of(text.strip()));
            LabeledTrace lt = LabeledTrace.fromFirstError(t, s.good() ? -1 : 0);
            out.add(new TraceRecord(t, lt, new StepScores(t.id(), new double[] {s.mcValue()}), null, null));
        }
        return out;
    }
}
