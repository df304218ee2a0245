package org.veristep.eval.prmbench;

import java.util.List;
import java.util.Optional;

/**
 * The result of a PRMBench run.
 *
 * @param threshold a step is judged valid when its score is strictly above this (reference: 0.5)
 * @param items items read (after removing duplicates)
 * @param failed items the scorer could not score (excluded from every figure)
 * @param duplicatesSkipped input lines skipped as repeats of an earlier id
 * @param outOfRangeErrorSteps {@code error_steps} entries outside their item's steps (ignored, as in
 *     the reference)
 * @param overall PRMScore over the steps of all items pooled (the leaderboard's "Overall")
 * @param classes one entry per error class, sorted by name
 */
public record PrmBenchResult(
        double threshold,
        int items,
        int failed,
        int duplicatesSkipped,
        int outOfRangeErrorSteps,
        ClassScore overall,
        List<ClassScore> classes) {
    public PrmBenchResult {
        classes = List.copyOf(classes);
    }

    /** {@return the figures of one class, if present} */
    public Optional<ClassScore> of(String classification) {
        return classes.stream()
                .filter(c -> c.classification().equals(classification))
                .findFirst();
    }
}
