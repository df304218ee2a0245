package org.veristep.score;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.veristep.trace.StepScores;
import org.veristep.trace.Trace;

/**
 * A scorer that can say why it scored each step as it did (claims found, their exact values,
 * verdicts, the judge's rationale). {@code veristep score} writes these details beside the scores
 * and {@code veristep explain} shows them.
 */
public interface ExplainingScorer extends StepScorer {

    /**
     * Explains the scores of every step.
     *
     * @param traces the traces, as given to {@link #score(List)}
     * @return for each trace (in order), one JSON object per step (indexed by step) with the
     *     scorer's reasons; the objects are fresh and may be modified by the caller
     */
    List<List<ObjectNode>> explain(List<Trace> traces);

    /**
     * Scores and explains in one pass, so scores and reasons come from the same run (a sampling
     * judge called twice would give two different runs). The default calls {@link #score(List)} then
     * {@link #explain(List)}; a scorer whose calls are costly or random overrides it.
     *
     * @param traces the traces to score
     * @return one entry per trace, in order
     */
    default List<ExplainedScores> scoreExplained(List<Trace> traces) {
        List<StepScores> scores = score(traces);
        List<List<ObjectNode>> details = explain(traces);
        List<ExplainedScores> out = new ArrayList<>(traces.size());
        for (int i = 0; i < traces.size(); i++) out.add(new ExplainedScores(scores.get(i), details.get(i)));
        return out;
    }
}
