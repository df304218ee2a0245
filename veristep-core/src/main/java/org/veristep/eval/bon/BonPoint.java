package org.veristep.eval.bon;

import org.veristep.eval.Bootstrap;
import org.veristep.score.Aggregation;

/**
 * The accuracy of one best-of-N method at one n.
 *
 * @param method the selection rule
 * @param aggregation how step scores became a solution score; null for methods that use no scores
 *     (maj, pass)
 * @param n number of candidates considered per problem (the first n)
 * @param correct number of problems whose selected answer is correct (for pass: with any correct
 *     candidate)
 * @param problems number of problems
 * @param ci seeded percentile bootstrap 95% interval of the accuracy, over problems
 * @param candidatesGenerated compute used: solutions sampled, n per problem, summed over problems
 * @param candidatesScored compute used: solutions the scorer scored (n per problem for naive and
 *     weighted, 0 for maj and pass)
 */
public record BonPoint(
        BonMethod method,
        Aggregation aggregation,
        int n,
        int correct,
        int problems,
        Bootstrap.Interval ci,
        long candidatesGenerated,
        long candidatesScored) {
    /** {@return correct / problems, in [0, 1]} */
    public double accuracy() {
        return (double) correct / problems;
    }

    /** {@return a label such as {@code weighted@8/min} or {@code maj@8}} */
    public String label() {
        return method.label() + "@" + n + (aggregation == null ? "" : "/" + aggregation.label());
    }
}
