package org.veristep.eval;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Seeded percentile bootstrap confidence intervals (Efron 1979): resample the evaluation items
 * with replacement {@code resamples} times, recompute the metric on each resample, and take the
 * α/2 and 1 − α/2 quantiles of the resulting distribution.
 */
public final class Bootstrap {
    private Bootstrap() {}

    /** Default number of resamples. */
    public static final int DEFAULT_RESAMPLES = 1000;

    /**
     * The fewest resamples Veristep's commands accept for their 95% percentile intervals. With B
     * resamples each bound is read from the B/40 resamples of its 2.5% tail; below 100 that is
     * fewer than three, so a bound moves with one or two draws (and with B = 1 the interval is a
     * point). Efron and Tibshirani (1993, ch. 13 and 19) advise about 1000 for percentile intervals,
     * the default. The methods here accept any count from 1.
     */
    public static final int MIN_RESAMPLES = 100;

    /** Default seed, so that two runs on the same data give the same interval. */
    public static final long DEFAULT_SEED = 20241210L;

    /**
     * A confidence interval.
     *
     * @param low lower bound, in the metric's unit
     * @param high upper bound, in the metric's unit
     * @param level confidence level in (0, 1), e.g. 0.95
     * @param resamples number of bootstrap resamples
     * @param seed seed of the resampling
     */
    public record Interval(double low, double high, double level, int resamples, long seed) {}

    /**
     * Computes a percentile interval for a metric of {@code n} items.
     *
     * @param n number of items (cases, problems); must be positive
     * @param metric computes the metric from a resample, given as item indices in [0, n) (with
     *     repeats), length n
     * @param level confidence level in (0, 1)
     * @param resamples number of resamples, at least 1
     * @param seed resampling seed
     * @throws IllegalArgumentException when {@code n < 1}, {@code resamples < 1} or the level is out
     *     of range
     */
    public static Interval percentile(int n, ToDoubleFunction<int[]> metric, double level, int resamples, long seed) {
        if (n < 1) throw new IllegalArgumentException("bootstrap needs at least one item, got " + n);
        if (resamples < 1) throw new IllegalArgumentException("resamples must be >= 1, got " + resamples);
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[resamples];
        int[] sample = new int[n];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < n; i++) sample[i] = random.nextInt(n);
            values[r] = metric.applyAsDouble(sample);
        }
        Arrays.sort(values);
        double alpha = (1 - level) / 2;
        return new Interval(quantile(values, alpha), quantile(values, 1 - alpha), level, resamples, seed);
    }

    /**
     * Percentile intervals of several metrics computed from the same resamples (one pass, and the
     * intervals are consistent with each other).
     *
     * @param n number of items; must be positive
     * @param metrics computes every metric from one resample (item indices in [0, n), with
     *     repeats); returns an array of length {@code k}
     * @param k number of metrics
     * @return one interval per metric, indexed like the array {@code metrics} returns
     */
    public static Interval[] percentiles(
            int n,
            java.util.function.Function<int[], double[]> metrics,
            int k,
            double level,
            int resamples,
            long seed) {
        if (n < 1) throw new IllegalArgumentException("bootstrap needs at least one item, got " + n);
        if (resamples < 1) throw new IllegalArgumentException("resamples must be >= 1, got " + resamples);
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        SplittableRandom random = new SplittableRandom(seed);
        double[][] values = new double[k][resamples];
        int[] sample = new int[n];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < n; i++) sample[i] = random.nextInt(n);
            double[] m = metrics.apply(sample);
            for (int j = 0; j < k; j++) values[j][r] = m[j];
        }
        double alpha = (1 - level) / 2;
        Interval[] out = new Interval[k];
        for (int j = 0; j < k; j++) {
            Arrays.sort(values[j]);
            out[j] = new Interval(quantile(values[j], alpha), quantile(values[j], 1 - alpha), level, resamples, seed);
        }
        return out;
    }

    /**
     * A stratified percentile interval: each resample draws, independently for every stratum
     * (e.g. benchmark subset), as many items with replacement as the stratum has, so that a mean
     * over strata keeps its weighting.
     *
     * @param sizes number of items in each stratum, indexed by stratum; each positive
     * @param metric computes the metric from one resample: for each stratum (indexed like {@code
     *     sizes}) the item indices drawn, in [0, sizes[s])
     */
    public static Interval stratified(
            int[] sizes, java.util.function.ToDoubleFunction<int[][]> metric, double level, int resamples, long seed) {
        if (resamples < 1) throw new IllegalArgumentException("resamples must be >= 1, got " + resamples);
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        for (int size : sizes) {
            if (size < 1) throw new IllegalArgumentException("every stratum needs at least one item");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[resamples];
        int[][] sample = new int[sizes.length][];
        for (int s = 0; s < sizes.length; s++) sample[s] = new int[sizes[s]];
        for (int r = 0; r < resamples; r++) {
            for (int s = 0; s < sizes.length; s++) {
                for (int i = 0; i < sizes[s]; i++) sample[s][i] = random.nextInt(sizes[s]);
            }
            values[r] = metric.applyAsDouble(sample);
        }
        Arrays.sort(values);
        double alpha = (1 - level) / 2;
        return new Interval(quantile(values, alpha), quantile(values, 1 - alpha), level, resamples, seed);
    }

    /** Linear-interpolated quantile of sorted values (numpy's default "linear" method). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
