package org.veristep.dataset;

import java.util.ArrayList;
import java.util.List;
import org.veristep.trace.LabeledTrace;
import org.veristep.trace.StepLabel;

/**
 * Maps Veristep's four step labels onto the binary labels of training formats (TRL's bools,
 * Math-Shepherd's {@code +}/{@code -}).
 */
public final class BinaryLabels {
    private BinaryLabels() {}

    /**
     * {@return one boolean per written step (true = good)}: correct → true, incorrect → false,
     * neutral → {@code neutralIsGood}. Steps labelled unknown cannot be written: a trace is cut
     * before its first unknown step when an incorrect step precedes it (ProcessBench-style labels,
     * where steps after the first error are not judged), so the result may be shorter than the trace.
     *
     * @param neutralIsGood how to write a neutral step (PRM800K rating 0); OpenR's default is true
     * @throws IllegalArgumentException when an unknown step comes before any incorrect step
     */
    public static List<Boolean> of(LabeledTrace t, boolean neutralIsGood) {
        List<Boolean> out = new ArrayList<>(t.labels().size());
        boolean seenError = false;
        for (int i = 0; i < t.labels().size(); i++) {
            StepLabel l = t.labels().get(i);
            switch (l) {
                case CORRECT -> out.add(true);
                case INCORRECT -> {
                    out.add(false);
                    seenError = true;
                }
                case NEUTRAL -> out.add(neutralIsGood);
                case UNKNOWN -> {
                    if (!seenError) {
                        throw new IllegalArgumentException("trace " + t.trace().id() + ": step " + i
                                + " is unknown before any incorrect step; a binary label cannot be written");
                    }
                    return out;
                }
            }
        }
        return out;
    }

    /**
     * {@return labels from booleans}: true → correct, false → incorrect; the first error is the
     * first false
     */
    static List<StepLabel> fromBooleans(List<Boolean> good) {
        return good.stream()
                .map(b -> b ? StepLabel.CORRECT : StepLabel.INCORRECT)
                .toList();
    }
}
