package org.veristep.eval.prmbench;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.veristep.trace.Problem;
import org.veristep.trace.Trace;

/**
 * One PRMBench test item ({@code ssmisya/PRMBench}, {@code prmtest_classified}), ready to score.
 *
 * @param id the item's unique id {@code <classification>_<idx>}, as the reference evaluation
 *     builds it (the raw {@code idx} repeats across classes)
 * @param classification the error class: circular, confidence, counterfactual, deception,
 *     domain_inconsistency, missing_condition, redundency [sic], step_contradiction,
 *     multi_solutions
 * @param question the question shown to the scorer ({@code modified_question})
 * @param steps the steps of {@code modified_process}, indexed from 0, with the numbering prefix
 *     ({@code "3. "}, {@code "Step 3. "}) removed as the reference does before scoring
 * @param errorSteps 0-based indices of every erroneous step (the file's 1-based {@code error_steps}
 *     minus one), only those inside [0, steps); empty for multi_solutions
 * @param outOfRangeErrorSteps how many of the file's {@code error_steps} fall outside the steps (the
 *     reference ignores them; we count them so nothing disappears silently)
 * @param source file and 1-based line the item came from
 */
public record PrmBenchItem(
        String id,
        String classification,
        String question,
        List<String> steps,
        Set<Integer> errorSteps,
        int outOfRangeErrorSteps,
        String source) {
    public PrmBenchItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(question, "question");
        steps = List.copyOf(steps);
        errorSteps = java.util.Collections.unmodifiableSet(new TreeSet<>(errorSteps));
        for (int e : errorSteps) {
            if (e < 0 || e >= steps.size())
                throw new IllegalArgumentException(id + ": error step " + e + " out of range");
        }
    }

    /** {@return the item as a trace to score; trace id = {@link #id()}} */
    public Trace trace() {
        return Trace.of(id, new Problem(id, question, null), steps);
    }

    /** {@return whether step {@code i} (0-based) is erroneous} */
    public boolean isError(int i) {
        return errorSteps.contains(i);
    }
}
