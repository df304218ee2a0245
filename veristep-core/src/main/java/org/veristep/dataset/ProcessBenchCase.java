package org.veristep.dataset;

import java.util.Objects;
import org.veristep.trace.LabeledTrace;

/**
 * One ProcessBench case (Zheng et al. 2024, {@code QwenLM/ProcessBench}).
 *
 * @param subset the subset the case belongs to ({@code gsm8k}, {@code math}, {@code olympiadbench},
 *     {@code omnimath}); taken from the file name
 * @param labeled the trace with the expert label: {@link LabeledTrace#firstError()} is the 0-based
 *     index of the earliest wrong step, -1 when every step is right
 * @param finalAnswerCorrect whether the trace's final answer matches the reference
 */
public record ProcessBenchCase(String subset, LabeledTrace labeled, boolean finalAnswerCorrect) {
    public ProcessBenchCase {
        Objects.requireNonNull(subset, "subset");
        Objects.requireNonNull(labeled, "labeled");
    }

    /** {@return the case id, e.g. {@code gsm8k-0}} */
    public String id() {
        return labeled.trace().id();
    }

    /** {@return the label: 0-based first-error index, or -1} */
    public int label() {
        return labeled.firstError();
    }
}
