package org.veristep.trace;

import java.util.List;
import java.util.Objects;

/**
 * A trace with ground-truth step labels.
 *
 * @param trace the trace
 * @param labels one label per step, indexed like {@link Trace#steps()}
 * @param firstError 0-based index of the earliest wrong step, or -1 when no step is wrong
 */
public record LabeledTrace(Trace trace, List<StepLabel> labels, int firstError) {
    public LabeledTrace {
        Objects.requireNonNull(trace, "trace");
        labels = List.copyOf(labels);
        if (labels.size() != trace.size()) {
            throw new IllegalArgumentException(
                    "trace " + trace.id() + ": " + labels.size() + " labels for " + trace.size() + " steps");
        }
        if (firstError < -1 || firstError >= trace.size()) {
            throw new IllegalArgumentException(
                    "trace " + trace.id() + ": first error " + firstError + " outside [-1, " + trace.size() + ")");
        }
    }

    /**
     * Labels in the ProcessBench convention: steps before {@code firstError} correct, the first
     * error incorrect, later steps unknown; every step correct when {@code firstError} is -1.
     */
    public static LabeledTrace fromFirstError(Trace trace, int firstError) {
        StepLabel[] labels = new StepLabel[trace.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = firstError < 0 || i < firstError
                    ? StepLabel.CORRECT
                    : i == firstError ? StepLabel.INCORRECT : StepLabel.UNKNOWN;
        }
        return new LabeledTrace(trace, List.of(labels), firstError);
    }

    /** {@return whether the trace has a wrong step} */
    public boolean hasError() {
        return firstError >= 0;
    }
}
