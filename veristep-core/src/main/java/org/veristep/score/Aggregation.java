package org.veristep.score;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.veristep.VeristepException;

/**
 * How a trace's step scores become one solution score, for best-of-N selection, weighted voting
 * and pairwise comparison. A closed set: the aggregations of search-and-learn ({@code
 * src/sal/utils/score.py}: min, prod, last), the mean, and the geometric mean of RewardMATH (Kim et
 * al. 2024, {@code kimsh0507/RewardMATH_official/src/evaluation/eval.py}).
 *
 * <p>Input: one score per step, indexed by step (any finite reals are accepted, so an outcome RM's
 * single scalar score is a one-step trace). Output: a double. For scores in [0, 1] every
 * aggregation lies in [0, 1] and {@code PRODUCT ≤ MIN ≤ GEOMETRIC_MEAN ≤ MEAN ≤ max}, with {@code
 * MIN ≤ LAST ≤ max}.
 *
 * <p>The arithmetic follows the references exactly, left to right, so that ties (which decide
 * RewardMATH's strictly-higher rule) come out the same: the product multiplies from the first step
 * on, the mean is the left-to-right sum divided by the count, and the geometric mean is {@code
 * product^(1/steps)} (not {@code exp(mean(log))}).
 */
public enum Aggregation {
    /** The lowest step score: a solution is as good as its weakest step. */
    MIN("min"),
    /** The score of the last step. */
    LAST("last"),
    /** The product of the step scores (the probability every step is right, if independent). */
    PRODUCT("prod"),
    /** The arithmetic mean of the step scores. */
    MEAN("mean"),
    /** The product to the power 1/steps (RewardMATH's "geometric_mean"). */
    GEOMETRIC_MEAN("geomean");

    private final String label;

    Aggregation(String label) {
        this.label = label;
    }

    /** {@return the short name used on the command line and in output files: min, last, prod, mean, geomean} */
    public String label() {
        return label;
    }

    /**
     * Aggregates step scores into one solution score.
     *
     * @param stepScores one score per step, indexed by step; not modified
     * @return the solution score (see the class comment for the range)
     * @throws IllegalArgumentException when {@code stepScores} is empty (no reference defines a
     *     score for a trace without steps)
     */
    public double apply(double[] stepScores) {
        int n = stepScores.length;
        if (n == 0) throw new IllegalArgumentException("cannot aggregate the scores of a trace with no steps");
        return switch (this) {
            case MIN -> {
                double m = stepScores[0];
                for (int i = 1; i < n; i++) m = Math.min(m, stepScores[i]);
                yield m;
            }
            case LAST -> stepScores[n - 1];
            case PRODUCT -> product(stepScores);
            case MEAN -> {
                double s = 0;
                for (double v : stepScores) s += v;
                yield s / n;
            }
            case GEOMETRIC_MEAN -> Math.pow(product(stepScores), 1.0 / n);
        };
    }

    private static double product(double[] stepScores) {
        double p = 1;
        for (double v : stepScores) p *= v;
        return p;
    }

    /**
     * Parses a name: the {@link #label()} or the constant's name, case-insensitive; {@code product},
     * {@code geometric_mean} and {@code geo-mean} are accepted too.
     *
     * @throws VeristepException.NonRetriable naming the known aggregations when none matches
     */
    public static Aggregation parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Aggregation a : values()) {
            if (a.label.equals(n) || a.name().toLowerCase(Locale.ROOT).equals(n)) return a;
        }
        if (n.equals("geo_mean")) return GEOMETRIC_MEAN;
        throw new VeristepException.NonRetriable("unknown aggregation '" + name + "'; known: "
                + Arrays.stream(values()).map(Aggregation::label).collect(Collectors.joining(", ")));
    }
}
