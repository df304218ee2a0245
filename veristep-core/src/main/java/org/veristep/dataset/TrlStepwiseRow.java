package org.veristep.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import org.veristep.trace.LabeledTrace;
import org.veristep.trace.Problem;
import org.veristep.trace.Trace;

/**
 * One example of TRL's stepwise-supervision format (the input of {@code PRMTrainer}): {@code
 * {"prompt": str, "completions": [str], "labels": [bool]}}, one label per completion (step), true =
 * good step. The trainer joins completions with its {@code step_separator} (default {@code "\n"}).
 *
 * @param prompt the problem
 * @param completions the steps, indexed from 0
 * @param labels one label per step
 * @param extras other fields, in file order
 */
public record TrlStepwiseRow(String prompt, List<String> completions, List<Boolean> labels, ObjectNode extras) {
    public TrlStepwiseRow {
        Objects.requireNonNull(prompt, "prompt");
        completions = List.copyOf(completions);
        labels = List.copyOf(labels);
        if (completions.size() != labels.size()) {
            throw new IllegalArgumentException(labels.size() + " labels for " + completions.size() + " completions");
        }
        extras = Fields.copy(extras);
    }

    /**
     * {@return a row from a labelled trace}: prompt = problem text, completions = step texts, labels
     * by {@link BinaryLabels#of} (steps after the first error that are not judged are left out)
     *
     * @param neutralIsGood how to write neutral steps (PRM800K rating 0)
     */
    public static TrlStepwiseRow of(LabeledTrace t, boolean neutralIsGood) {
        List<Boolean> labels = BinaryLabels.of(t, neutralIsGood);
        return new TrlStepwiseRow(
                t.trace().problem().text(), t.trace().stepTexts().subList(0, labels.size()), labels, null);
    }

    /** {@return the row as a labelled trace}: true → correct, false → incorrect; first error = first false */
    public LabeledTrace labeled(String id) {
        Trace t = Trace.of(id, new Problem(id, prompt, null), completions);
        return new LabeledTrace(t, BinaryLabels.fromBooleans(labels), labels.indexOf(false));
    }
}
