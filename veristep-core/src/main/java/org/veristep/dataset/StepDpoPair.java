package org.veristep.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.veristep.trace.LabeledTrace;
import org.veristep.trace.Problem;
import org.veristep.trace.Trace;

/**
 * One Step-DPO preference pair (Lai et al. 2024, {@code dvlab-research/Step-DPO}; data {@code
 * xinlai/Math-Step-DPO-10K}): a shared correct prefix of steps, then a correct and a wrong next step.
 *
 * @param prompt the problem (as given to the policy)
 * @param initialReasonSteps the shared prefix as one string: every prefix step followed by the step
 *     separator (empty when the first step is the one compared)
 * @param chosen the correct next step
 * @param rejected the wrong next step
 * @param extras other fields ({@code dataset}, {@code full_chosen}, {@code answer} ...), in file order
 */
public record StepDpoPair(String prompt, String initialReasonSteps, String chosen, String rejected, ObjectNode extras) {
    public StepDpoPair {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(initialReasonSteps, "initialReasonSteps");
        Objects.requireNonNull(chosen, "chosen");
        Objects.requireNonNull(rejected, "rejected");
        extras = Fields.copy(extras);
    }

    /**
     * {@return a pair from a prefix and two candidate next steps}: {@code initial_reason_steps} is
     * each prefix step followed by {@code separator}
     *
     * @throws IllegalArgumentException when a prefix step contains the separator (it could not be
     *     split back)
     */
    public static StepDpoPair of(String prompt, List<String> prefix, String chosen, String rejected, String separator) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < prefix.size(); i++) {
            if (prefix.get(i).contains(separator)) {
                throw new IllegalArgumentException("prefix step " + i + " contains the separator");
            }
            b.append(prefix.get(i)).append(separator);
        }
        return new StepDpoPair(prompt, b.toString(), chosen, rejected, null);
    }

    /** {@return the prefix steps: {@code initial_reason_steps} split at {@code separator}, a trailing empty piece dropped} */
    public List<String> prefixSteps(String separator) {
        List<String> out = new ArrayList<>();
        if (initialReasonSteps.isEmpty()) return out;
        int from = 0;
        for (int p = initialReasonSteps.indexOf(separator); p >= 0; p = initialReasonSteps.indexOf(separator, from)) {
            out.add(initialReasonSteps.substring(from, p));
            from = p + separator.length();
        }
        if (from < initialReasonSteps.length()) out.add(initialReasonSteps.substring(from));
        return out;
    }

    /** {@return prefix + chosen step, every step correct; trace id {@code <id>/chosen}} */
    public LabeledTrace chosenTrace(String id, String separator) {
        return trace(id + "/chosen", separator, chosen, -1);
    }

    /**
     * {@return prefix + rejected step: the prefix correct, the rejected step the first error (0-based
     * index = number of prefix steps)}; trace id {@code <id>/rejected}
     */
    public LabeledTrace rejectedTrace(String id, String separator) {
        return trace(
                id + "/rejected", separator, rejected, prefixSteps(separator).size());
    }

    private LabeledTrace trace(String id, String separator, String last, int firstError) {
        List<String> steps = new ArrayList<>(prefixSteps(separator));
        steps.add(last);
        return LabeledTrace.fromFirstError(Trace.of(id, new Problem(id, prompt, null), steps), firstError);
    }
}
