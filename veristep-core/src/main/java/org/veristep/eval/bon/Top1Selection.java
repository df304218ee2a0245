package org.veristep.eval.bon;

import java.util.ArrayList;
import java.util.List;
import org.veristep.eval.Bootstrap;
import org.veristep.score.Aggregation;

/**
 * RewardMATH's reward-model metrics (Kim et al. 2024, {@code kimsh0507/RewardMATH_official},
 * {@code src/evaluation/eval.py}: {@code RewardMATHEvaluation} and {@code RewardBenchEvaluation}):
 * given problems whose candidate 0 is correct and all others wrong, the accuracy is the share of
 * problems where the correct candidate's solution score is strictly higher than every wrong one's
 * (a tie is a failure), and the MRR averages 1/rank with rank = 1 + (wrong scoring higher) + (wrong
 * scoring equal) — the reference sorts (score, "rej" &gt; "cho") descending, so ties rank the
 * correct candidate last. On two-candidate problems (RewardBench chosen/rejected) the accuracy is
 * the pairwise accuracy.
 */
public final class Top1Selection {
    private Top1Selection() {}

    /** The label of the single point of a scalar (one score per solution) reward model. */
    public static final String SCALAR = "scalar";

    /**
     * Per-problem outcome under one aggregation, for predictions files.
     *
     * @param id problem id
     * @param aggregation aggregation label or {@link #SCALAR}
     * @param solutionScores solution score of every candidate, indexed by candidate (0 = correct)
     * @param rank rank of the correct candidate, 1 = strictly best
     */
    public record Item(String id, String aggregation, double[] solutionScores, int rank) {
        /** {@return whether the correct candidate scores strictly higher than all wrong ones} */
        public boolean top1() {
            return rank == 1;
        }
    }

    /**
     * {@return the rank of candidate 0: 1 + (others scoring higher) + (others scoring equal)}
     *
     * @param solutionScores one solution score per candidate, candidate 0 the correct one
     */
    public static int rank(double[] solutionScores) {
        int r = 1;
        for (int i = 1; i < solutionScores.length; i++) {
            if (solutionScores[i] >= solutionScores[0]) r++;
        }
        return r;
    }

    /**
     * Evaluates one scorer's scores.
     *
     * @param benchmark recorded in the result (rewardmath, rewardbench)
     * @param model recorded in the result
     * @param problems the problems, candidate 0 correct
     * @param stepLevel true for per-step scores (each aggregation is evaluated); false for one score
     *     per solution (one {@link #SCALAR} point; each candidate must have exactly one score)
     * @param aggregations the aggregations for step-level scores
     * @param resamples bootstrap resamples
     * @param seed bootstrap seed
     * @param itemsOut when not null, receives one {@link Item} per problem and point
     * @throws IllegalArgumentException when there are no problems, or a scalar file has a candidate
     *     with several scores
     */
    public static SelectionResult evaluate(
            String benchmark,
            String model,
            List<ScoredCandidates> problems,
            boolean stepLevel,
            List<Aggregation> aggregations,
            int resamples,
            long seed,
            List<Item> itemsOut) {
        if (problems.isEmpty()) throw new IllegalArgumentException("no problems to evaluate");
        List<String> labels = new ArrayList<>();
        if (stepLevel) {
            for (Aggregation a : aggregations) labels.add(a.label());
        } else {
            labels.add(SCALAR);
        }
        int candidates =
                problems.stream().mapToInt(p -> p.scores().size()).max().orElseThrow();
        List<SelectionPoint> points = new ArrayList<>();
        for (int k = 0; k < labels.size(); k++) {
            Aggregation agg = stepLevel ? aggregations.get(k) : null;
            int[] ranks = new int[problems.size()];
            for (int p = 0; p < ranks.length; p++) {
                ScoredCandidates pc = problems.get(p);
                double[] solution = new double[pc.scores().size()];
                for (int i = 0; i < solution.length; i++) {
                    double[] s = pc.scores().get(i);
                    if (agg == null && s.length != 1) {
                        throw new IllegalArgumentException("problem " + pc.id() + " candidate " + i + " has " + s.length
                                + " scores, expected one");
                    }
                    solution[i] = agg == null ? s[0] : agg.apply(s);
                }
                ranks[p] = rank(solution);
                if (itemsOut != null) itemsOut.add(new Item(pc.id(), labels.get(k), solution, ranks[p]));
            }
            int n = ranks.length;
            int top1 = 0;
            double rr = 0;
            for (int r : ranks) {
                if (r == 1) top1++;
                rr += 1.0 / r;
            }
            Bootstrap.Interval ci = Bootstrap.percentile(
                    n,
                    sample -> {
                        int c = 0;
                        for (int i : sample) if (ranks[i] == 1) c++;
                        return (double) c / sample.length;
                    },
                    0.95,
                    resamples,
                    seed);
            Bootstrap.Interval mrrCi = Bootstrap.percentile(
                    n,
                    sample -> {
                        double s = 0;
                        for (int i : sample) s += 1.0 / ranks[i];
                        return s / sample.length;
                    },
                    0.95,
                    resamples,
                    seed);
            points.add(new SelectionPoint(labels.get(k), top1, n, ci, rr / n, mrrCi));
        }
        return new SelectionResult(benchmark, model, problems.size(), candidates, stepLevel, points);
    }
}
