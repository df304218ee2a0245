package org.veristep.eval.bon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.veristep.eval.Bootstrap;
import org.veristep.score.Aggregation;

/**
 * Best-of-N evaluation over candidate sets with known correctness: naive@n, weighted@n and maj@n
 * (search-and-learn, {@code src/sal/utils/score.py} and {@code math.py}), and pass@n, for n = 1, 2,
 * 4, … up to N, each over the FIRST n candidates of every problem.
 *
 * <p>Differences from search-and-learn, on purpose: it subsamples n candidates at random ({@code
 * random.seed(42); random.sample}), we take the first n, which makes the curves nested and
 * reproducible without a seed (Qwen2.5-Math's {@code rm_maj_eval.py} also takes the first k); and
 * when N is not a power of two, N itself is evaluated too. A selected answer is judged by the
 * correctness flag of the first candidate of its class, as both references do.
 */
public final class BestOfN {
    private BestOfN() {}

    /**
     * Index of the candidate with the highest score among the first n; ties go to the earliest.
     *
     * @param scores aggregated solution scores, indexed by candidate
     * @param n how many leading candidates to consider, 1 ≤ n ≤ scores.length
     */
    public static int selectNaive(double[] scores, int n) {
        checkN(scores.length, n);
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (scores[i] > scores[best]) best = i;
        }
        return best;
    }

    /**
     * Weighted vote among the first n candidates: the class whose scores sum highest wins (ties to
     * the class seen first).
     *
     * @param keys the answer class key of each candidate, indexed by candidate
     * @param scores aggregated solution scores, indexed like {@code keys}
     * @return the index of the first candidate of the winning class
     */
    public static int selectWeighted(String[] keys, double[] scores, int n) {
        checkN(keys.length, n);
        if (scores.length != keys.length) throw new IllegalArgumentException("keys and scores differ in length");
        return vote(keys, scores, n);
    }

    /**
     * Majority vote among the first n candidates (ties to the class seen first).
     *
     * @param keys the answer class key of each candidate, indexed by candidate
     * @return the index of the first candidate of the winning class
     */
    public static int selectMajority(String[] keys, int n) {
        checkN(keys.length, n);
        return vote(keys, null, n);
    }

    /** Sums weight (1 when {@code scores} is null) per class; returns the first member of the best class. */
    private static int vote(String[] keys, double[] scores, int n) {
        Map<String, Integer> classOf = new HashMap<>();
        int[] first = new int[n];
        double[] total = new double[n];
        int classes = 0;
        for (int i = 0; i < n; i++) {
            Integer c = classOf.get(keys[i]);
            if (c == null) {
                c = classes++;
                classOf.put(keys[i], c);
                first[c] = i;
            }
            total[c] += scores == null ? 1.0 : scores[i];
        }
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (total[c] > total[best]) best = c;
        }
        return first[best];
    }

    private static void checkN(int size, int n) {
        if (n < 1 || n > size) throw new IllegalArgumentException("n = " + n + " outside [1, " + size + "]");
    }

    /** {@return 1, 2, 4, … ≤ maxN, plus maxN when it is not a power of two} */
    public static List<Integer> nValues(int maxN) {
        if (maxN < 1) throw new IllegalArgumentException("maxN must be >= 1, got " + maxN);
        List<Integer> ns = new ArrayList<>();
        for (int n = 1; n <= maxN; n *= 2) ns.add(n);
        if (ns.get(ns.size() - 1) != maxN) ns.add(maxN);
        return ns;
    }

    /**
     * The per-problem choices behind a {@link BonResult}, kept so that predictions files can show
     * them. {@code selected[p]} is the chosen candidate index of problem p (−1 for pass@n).
     */
    public record Selections(BonPoint point, int[] selected, boolean[] hit) {}

    /**
     * Evaluates every method at every n with every aggregation.
     *
     * @param sets the problems' candidate sets (at least one)
     * @param aggregations the aggregations for the score-based methods (at least one)
     * @param grouping the answer classes for weighted and majority voting
     * @param maxN the largest n, or ≤ 0 for the smallest candidate count over the problems; must
     *     not exceed it
     * @param resamples bootstrap resamples for the intervals
     * @param seed bootstrap seed
     * @param selectionsOut when not null, receives the per-problem selections of every point
     * @throws IllegalArgumentException when the input is empty or maxN is larger than a problem's
     *     candidate count
     */
    public static BonResult evaluate(
            List<CandidateSet> sets,
            List<Aggregation> aggregations,
            AnswerGrouping grouping,
            int maxN,
            int resamples,
            long seed,
            List<Selections> selectionsOut) {
        Objects.requireNonNull(grouping, "grouping");
        if (sets.isEmpty()) throw new IllegalArgumentException("no problems to evaluate");
        if (aggregations.isEmpty()) throw new IllegalArgumentException("no aggregation given");
        int smallest = sets.stream().mapToInt(CandidateSet::size).min().orElseThrow();
        int bigN = maxN <= 0 ? smallest : maxN;
        if (bigN > smallest) {
            throw new IllegalArgumentException("n = " + bigN + " but a problem has only " + smallest + " candidates");
        }
        int problems = sets.size();
        // Keys once per candidate: a grader may be slow.
        String[][] keys = new String[problems][];
        boolean[][] correct = new boolean[problems][];
        for (int p = 0; p < problems; p++) {
            List<Candidate> cs = sets.get(p).candidates();
            keys[p] = new String[cs.size()];
            correct[p] = new boolean[cs.size()];
            for (int i = 0; i < cs.size(); i++) {
                keys[p][i] = grouping.keyOf(cs.get(i).answer());
                correct[p][i] = cs.get(i).correct();
            }
        }
        List<Integer> ns = nValues(bigN);
        List<BonPoint> points = new ArrayList<>();
        for (BonMethod method : BonMethod.values()) {
            List<Aggregation> aggs = method.usesScores() ? aggregations : java.util.Collections.singletonList(null);
            for (Aggregation agg : aggs) {
                double[][] scores = agg == null ? null : aggregate(sets, agg);
                for (int n : ns) {
                    int[] selected = new int[problems];
                    boolean[] hit = new boolean[problems];
                    for (int p = 0; p < problems; p++) {
                        int s =
                                switch (method) {
                                    case NAIVE -> selectNaive(scores[p], n);
                                    case WEIGHTED -> selectWeighted(keys[p], scores[p], n);
                                    case MAJORITY -> selectMajority(keys[p], n);
                                    case PASS -> -1;
                                };
                        selected[p] = s;
                        hit[p] = s >= 0 ? correct[p][s] : sets.get(p).anyCorrect(n);
                    }
                    int right = count(hit, null);
                    Bootstrap.Interval ci = Bootstrap.percentile(
                            problems, sample -> (double) count(hit, sample) / sample.length, 0.95, resamples, seed);
                    long generated = (long) n * problems;
                    BonPoint point = new BonPoint(
                            method, agg, n, right, problems, ci, generated, method.usesScores() ? generated : 0);
                    points.add(point);
                    if (selectionsOut != null) selectionsOut.add(new Selections(point, selected, hit));
                }
            }
        }
        return new BonResult(problems, bigN, ns, grouping.name(), points);
    }

    /** {@return the aggregated score of every candidate, indexed [problem][candidate]} */
    static double[][] aggregate(List<CandidateSet> sets, Aggregation agg) {
        double[][] out = new double[sets.size()][];
        for (int p = 0; p < out.length; p++) {
            List<Candidate> cs = sets.get(p).candidates();
            out[p] = new double[cs.size()];
            for (int i = 0; i < cs.size(); i++) out[p][i] = agg.apply(cs.get(i).stepScores());
        }
        return out;
    }

    static int count(boolean[] hit, int[] sample) {
        int c = 0;
        if (sample == null) {
            for (boolean h : hit) if (h) c++;
        } else {
            for (int i : sample) if (hit[i]) c++;
        }
        return c;
    }
}
