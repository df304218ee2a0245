package org.veristep.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import org.veristep.trace.LabeledTrace;

/**
 * One row of the Math-Shepherd dataset ({@code peiyi9979/Math-Shepherd}): {@code input} is the
 * question followed by the steps, every step ending in the tag {@code " ки"}; {@code label} is the
 * same text with each tag replaced by {@code +} (some MC rollout from the step reaches the gold
 * answer) or {@code -} (none does).
 *
 * @param input the tagged text
 * @param label the labelled text
 * @param task the source task ({@code GSM8K} or {@code MATH}), or null when absent
 * @param extras other fields, in file order
 */
public record MathShepherdRow(String input, String label, String task, ObjectNode extras) {
    /**
     * @throws IllegalArgumentException when {@code label} is not {@code input} with each tag replaced
     *     by + or -, or the text before the first tag has no "Step 1:"
     */
    public MathShepherdRow {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(label, "label");
        extras = Fields.copy(extras);
        MathShepherdFormat.labeled(input, label, "check", null);
    }

    /**
     * {@return the row as a labelled trace} (see {@link MathShepherdFormat} for the splitting rule)
     *
     * @param id the trace id, e.g. {@code <file>:<line>}
     */
    public LabeledTrace labeled(String id) {
        return MathShepherdFormat.labeled(input, label, id, null);
    }

    /**
     * Builds a row from a labelled trace: {@code input = problem + " " + step_1 + " ки\n" + … +
     * step_n + " ки"}, the layout of the published rows (whose steps start with "Step k: ").
     *
     * @param neutralIsGood how to write neutral steps; see {@link BinaryLabels#of}
     * @throws IllegalArgumentException when a step text contains the tag {@code ки}, or labels
     *     cannot be written as +/-
     */
    public static MathShepherdRow of(LabeledTrace t, String task, boolean neutralIsGood) {
        List<Boolean> good = BinaryLabels.of(t, neutralIsGood);
        StringBuilder in = new StringBuilder(t.trace().problem().text());
        StringBuilder lb = new StringBuilder(in);
        for (int i = 0; i < good.size(); i++) {
            String s = t.trace().steps().get(i).text();
            if (s.contains(MathShepherdFormat.TAG)) {
                throw new IllegalArgumentException(
                        "trace " + t.trace().id() + ": step " + i + " contains the step tag " + MathShepherdFormat.TAG);
            }
            String sep = i == 0 ? " " : "\n";
            in.append(sep).append(s).append(' ').append(MathShepherdFormat.TAG);
            lb.append(sep).append(s).append(' ').append(good.get(i) ? '+' : '-');
        }
        return new MathShepherdRow(in.toString(), lb.toString(), task, null);
    }
}
