package org.veristep.eval.prmbench;

import org.veristep.eval.Bootstrap;

/**
 * PRMBench figures for one error class, or for all items together.
 *
 * @param classification the error class, or {@code overall}
 * @param items items scored (failed items excluded)
 * @param failed items the scorer could not score
 * @param confusion step counts summed over the items (positive = valid step)
 * @param prmScore the class's PRMScore in [0, 1]: 0.5·F1(positive) + 0.5·F1(negative), except for
 *     {@code multi_solutions}, which has no erroneous step and is scored by F1(positive) alone (as
 *     the reference leaderboard does)
 * @param ci seeded percentile bootstrap 95% interval of {@code prmScore}, resampling items; null
 *     when no item was scored
 */
public record ClassScore(
        String classification,
        int items,
        int failed,
        StepConfusion confusion,
        double prmScore,
        Bootstrap.Interval ci) {}
