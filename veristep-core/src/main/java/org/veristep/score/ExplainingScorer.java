package org.veristep.score;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
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
}
