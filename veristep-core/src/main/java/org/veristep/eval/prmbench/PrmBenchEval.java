package org.veristep.eval.prmbench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.veristep.VeristepException;
import org.veristep.eval.Bootstrap;
import org.veristep.score.StepScorer;
import org.veristep.trace.StepScores;
import org.veristep.trace.Trace;

/**
 * PRMBench's step-level evaluation (Song et al. 2025, {@code ssmisya/PRMBench}: {@code
 * mr_eval/tasks/prmtest_classified/task.py} for the counts, {@code
 * mr_visualize/eval_res_view/draw_tabs/form_latex_strs.ipynb} for the PRMScore of the leaderboard).
 *
 * <p>Every step of every item is scored; a step is judged valid when its score is strictly greater
 * than the threshold (0.5). With positive = valid step, TP/FP/TN/FN are summed over all steps of
 * the items of a class (micro-averaged, not a mean over items), and PRMScore = 0.5·F1(positive) +
 * 0.5·F1(negative). The overall figure pools the steps of all classes, multi_solutions included;
 * multi_solutions' own figure is F1(positive) alone, since it has no erroneous step.
 *
 * <p>Where the reference's −1 sentinel for an undefined precision or recall would make an F1 of −1
 * (no true positive while both a false positive and a false negative exist) we use the standard
 * 2TP / (2TP + FP + FN) = 0; the two agree everywhere else.
 */
public final class PrmBenchEval {
    private PrmBenchEval() {}

    /** The class scored by F1(positive) alone. */
    public static final String MULTI_SOLUTIONS = "multi_solutions";

    /**
     * The outcome of one item, for predictions files.
     *
     * @param item the item
     * @param scores the step scores, indexed by step; null when scoring failed
     * @param confusion the item's step counts; {@link StepConfusion#EMPTY} when scoring failed
     * @param error why scoring failed, or null
     */
    public record ItemOutcome(PrmBenchItem item, double[] scores, StepConfusion confusion, String error) {}

    /** {@return the item's step counts for the given step scores (positive = valid)} */
    public static StepConfusion confusion(PrmBenchItem item, double[] scores, double threshold) {
        if (scores.length != item.steps().size()) {
            throw new IllegalArgumentException(item.id() + ": " + scores.length + " scores for "
                    + item.steps().size() + " steps");
        }
        long tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean judgedValid = scores[i] > threshold;
            if (item.isError(i)) {
                if (judgedValid) fp++;
                else tn++;
            } else {
                if (judgedValid) tp++;
                else fn++;
            }
        }
        return new StepConfusion(tp, fp, tn, fn);
    }

    /** {@return the class figure of a confusion: F1(positive) for multi_solutions, else PRMScore} */
    public static double classScore(String classification, StepConfusion c) {
        return MULTI_SOLUTIONS.equals(classification) ? StepConfusion.orZero(c.f1Positive()) : c.prmScore();
    }

    /**
     * Scores the items and computes the figures.
     *
     * @param items the items (from {@link PrmBenchData})
     * @param duplicatesSkipped recorded in the result
     * @param scorer the step scorer; not closed here
     * @param threshold valid iff score &gt; threshold
     * @param batchSize traces per scorer call, at least 1; a batch that fails is retried item by
     *     item, and an item that still fails is recorded (with its error) and left out of the figures
     * @param resamples bootstrap resamples
     * @param seed bootstrap seed
     * @param sink receives every item's outcome in input order; may be null
     * @param progress receives the number of items done after each batch; may be null
     */
    public static PrmBenchResult evaluate(
            List<PrmBenchItem> items,
            int duplicatesSkipped,
            StepScorer scorer,
            double threshold,
            int batchSize,
            int resamples,
            long seed,
            Consumer<ItemOutcome> sink,
            IntConsumer progress) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1");
        List<ItemOutcome> outcomes = new ArrayList<>(items.size());
        for (int from = 0; from < items.size(); from += batchSize) {
            List<PrmBenchItem> batch = items.subList(from, Math.min(items.size(), from + batchSize));
            List<ItemOutcome> done;
            try {
                done = scoreBatch(batch, scorer, threshold);
            } catch (VeristepException | IllegalArgumentException e) {
                done = new ArrayList<>();
                for (PrmBenchItem item : batch) {
                    try {
                        done.addAll(scoreBatch(List.of(item), scorer, threshold));
                    } catch (VeristepException | IllegalArgumentException one) {
                        done.add(new ItemOutcome(item, null, StepConfusion.EMPTY, one.getMessage()));
                    }
                }
            }
            for (ItemOutcome o : done) {
                outcomes.add(o);
                if (sink != null) sink.accept(o);
            }
            if (progress != null) progress.accept(outcomes.size());
        }
        return summarize(outcomes, threshold, duplicatesSkipped, resamples, seed);
    }

    private static List<ItemOutcome> scoreBatch(List<PrmBenchItem> batch, StepScorer scorer, double threshold) {
        List<Trace> traces = batch.stream().map(PrmBenchItem::trace).toList();
        List<StepScores> scores = scorer.score(traces);
        if (scores.size() != batch.size()) {
            throw new VeristepException.NonRetriable("scorer '" + scorer.name() + "' returned " + scores.size()
                    + " results for " + batch.size() + " traces");
        }
        List<ItemOutcome> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            double[] s = scores.get(i).toArray();
            out.add(new ItemOutcome(batch.get(i), s, confusion(batch.get(i), s, threshold), null));
        }
        return out;
    }

    /**
     * Computes the figures from item outcomes (e.g. re-read from a predictions file).
     *
     * @param outcomes one per item; failed ones have {@code error} set
     */
    public static PrmBenchResult summarize(
            List<ItemOutcome> outcomes, double threshold, int duplicatesSkipped, int resamples, long seed) {
        Map<String, List<ItemOutcome>> byClass = new TreeMap<>();
        int outOfRange = 0;
        for (ItemOutcome o : outcomes) {
            byClass.computeIfAbsent(o.item().classification(), k -> new ArrayList<>())
                    .add(o);
            outOfRange += o.item().outOfRangeErrorSteps();
        }
        List<ClassScore> classes = new ArrayList<>();
        for (Map.Entry<String, List<ItemOutcome>> e : byClass.entrySet()) {
            classes.add(score(e.getKey(), e.getValue(), resamples, seed));
        }
        ClassScore overall = score("overall", outcomes, resamples, seed);
        return new PrmBenchResult(
                threshold, outcomes.size(), overall.failed(), duplicatesSkipped, outOfRange, overall, classes);
    }

    private static ClassScore score(String name, List<ItemOutcome> group, int resamples, long seed) {
        List<StepConfusion> ok = new ArrayList<>();
        int failed = 0;
        for (ItemOutcome o : group) {
            if (o.error() != null) failed++;
            else ok.add(o.confusion());
        }
        StepConfusion total = ok.stream().reduce(StepConfusion.EMPTY, StepConfusion::plus);
        String metricClass = name.equals("overall") ? "overall" : name;
        double value = classScore(metricClass, total);
        Bootstrap.Interval ci = null;
        if (!ok.isEmpty()) {
            long[][] c = new long[ok.size()][];
            for (int i = 0; i < c.length; i++) {
                StepConfusion s = ok.get(i);
                c[i] = new long[] {s.tp(), s.fp(), s.tn(), s.fn()};
            }
            ci = Bootstrap.percentile(
                    c.length,
                    sample -> {
                        long tp = 0, fp = 0, tn = 0, fn = 0;
                        for (int i : sample) {
                            tp += c[i][0];
                            fp += c[i][1];
                            tn += c[i][2];
                            fn += c[i][3];
                        }
                        return classScore(metricClass, new StepConfusion(tp, fp, tn, fn));
                    },
                    0.95,
                    resamples,
                    seed);
        }
        return new ClassScore(name, ok.size(), failed, total, value, ci);
    }
}
