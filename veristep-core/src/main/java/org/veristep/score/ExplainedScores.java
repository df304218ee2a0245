package org.veristep.score;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import org.veristep.trace.StepScores;

/**
 * The scores of one trace with the scorer's reasons.
 *
 * @param scores one score per step
 * @param details one JSON object per step, indexed like the steps
 */
public record ExplainedScores(StepScores scores, List<ObjectNode> details) {
    public ExplainedScores {
        Objects.requireNonNull(scores, "scores");
        details = List.copyOf(details);
        if (details.size() != scores.size()) {
            throw new IllegalArgumentException("trace " + scores.traceId() + ": " + details.size()
                    + " step details for " + scores.size() + " step scores");
        }
    }
}
