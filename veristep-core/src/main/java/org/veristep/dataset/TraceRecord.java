package org.veristep.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import org.veristep.trace.LabeledTrace;
import org.veristep.trace.Provenance;
import org.veristep.trace.StepScores;
import org.veristep.trace.Trace;

/**
 * One line of Veristep's own JSONL format: a trace with, optionally, its ground-truth labels, its
 * step scores, the scorer's per-step details and the provenance of those scores.
 *
 * <p>Wire form (fields absent when null): {@code {"id", "problem": {"id", "text", "gold_answer"},
 * "steps": [str], "final_answer", "generator", "labels": ["correct"|"incorrect"|"neutral"|"unknown"],
 * "first_error": int, "step_scores": [float], "step_details": [object], "provenance": {...}}}.
 *
 * @param trace the trace; never null
 * @param labeled ground truth, or null when unlabelled (its trace equals {@code trace})
 * @param scores the step scores, or null when unscored (one per step)
 * @param stepDetails per-step explanations from an {@link org.veristep.score.ExplainingScorer},
 *     indexed by step, or null
 * @param provenance where the scores came from, or null when unscored
 */
public record TraceRecord(
        Trace trace, LabeledTrace labeled, StepScores scores, List<ObjectNode> stepDetails, Provenance provenance) {
    public TraceRecord {
        Objects.requireNonNull(trace, "trace");
        if (scores != null && scores.size() != trace.size()) {
            throw new IllegalArgumentException(
                    "trace " + trace.id() + ": " + scores.size() + " step scores for " + trace.size() + " steps");
        }
        if (stepDetails != null) {
            stepDetails = List.copyOf(stepDetails);
            if (stepDetails.size() != trace.size()) {
                throw new IllegalArgumentException("trace " + trace.id() + ": " + stepDetails.size()
                        + " step details for " + trace.size() + " steps");
            }
        }
    }

    /** {@return a record of just the trace} */
    public static TraceRecord of(Trace trace) {
        return new TraceRecord(trace, null, null, null, null);
    }
}
