package org.veristep.eval.bon;

import org.veristep.eval.Bootstrap;

/**
 * How often a scorer ranks the known-correct candidate first, under one aggregation.
 *
 * @param aggregation the aggregation's label (min, last, prod, mean, geomean), or {@code scalar}
 *     for a reward model that gives one score per solution
 * @param correct problems where the correct candidate scores strictly higher than every wrong one
 *     (a tie is a failure)
 * @param problems number of problems
 * @param ci bootstrap 95% interval of the accuracy, over problems
 * @param mrr mean reciprocal rank of the correct candidate, rank = 1 + (wrong candidates scoring
 *     higher) + (wrong candidates scoring equal), in (0, 1]
 * @param mrrCi bootstrap 95% interval of the MRR, over problems (same resamples as {@code ci})
 */
public record SelectionPoint(
        String aggregation, int correct, int problems, Bootstrap.Interval ci, double mrr, Bootstrap.Interval mrrCi) {
    /** {@return correct / problems, in [0, 1]} */
    public double accuracy() {
        return (double) correct / problems;
    }
}
