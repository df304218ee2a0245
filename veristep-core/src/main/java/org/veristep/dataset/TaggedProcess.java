package org.veristep.dataset;

import java.util.List;
import java.util.Objects;
import org.veristep.trace.LabeledTrace;
import org.veristep.trace.Problem;
import org.veristep.trace.Trace;

/**
 * One record of OpenR's {@code ки}-tagged PRM test file ({@code prm/code/test.json}): {@code
 * {"question", "process": "Step 1: … ки\nStep 2: … ки", "labels": [1, 1, 1, 0]}} with one 0/1 label
 * per tag (1 = good step).
 *
 * @param question the question
 * @param process the steps, each ending in {@code " ки"}
 * @param labels one 0/1 label per tag, indexed by step
 */
public record TaggedProcess(String question, String process, List<Integer> labels) {
    public TaggedProcess {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(process, "process");
        labels = List.copyOf(labels);
        if (MathShepherdFormat.tagPositions(process).size() != labels.size()) {
            throw new IllegalArgumentException("one label per tag in process");
        }
        if (labels.stream().anyMatch(v -> v != 0 && v != 1)) throw new IllegalArgumentException("labels are 0 or 1");
    }

    /**
     * {@return the record as a labelled trace}: steps are the texts before each tag, trimmed; label 1
     * → correct, 0 → incorrect
     */
    public LabeledTrace labeled(String id) {
        List<String> steps = MathShepherdFormat.segments(process, MathShepherdFormat.tagPositions(process)).stream()
                .map(String::strip)
                .toList();
        Trace t = Trace.of(id, new Problem(id, question, null), steps);
        List<Boolean> good = labels.stream().map(v -> v == 1).toList();
        return new LabeledTrace(t, BinaryLabels.fromBooleans(good), good.indexOf(false));
    }
}
