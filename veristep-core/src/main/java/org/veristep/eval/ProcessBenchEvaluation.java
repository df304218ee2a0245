package org.veristep.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.veristep.dataset.ProcessBenchCase;
import org.veristep.trace.StepScores;

/**
 * Computes ProcessBench results from labelled cases and their step scores: the threshold (fixed or
 * tuned), the first-error prediction of every case, per-subset {@link ProcessBenchMetrics} with
 * bootstrap confidence intervals, the headline (unweighted mean of the subset F1s, as in the paper;
 * not the problem-weighted mean of some forks) and the F1-against-threshold curve.
 */
public final class ProcessBenchEvaluation {
    private ProcessBenchEvaluation() {}

    /**
     * One case's outcome.
     *
     * @param id case id
     * @param subset subset name
     * @param label true first-error index (0-based), -1 when no step is wrong
     * @param prediction predicted first-error index, -1 when no step is predicted wrong
     * @param stepScores the scores the prediction was made from, indexed by step
     */
    public record Prediction(String id, String subset, int label, int prediction, double[] stepScores) {}

    /**
     * Results of one subset.
     *
     * @param subset subset name
     * @param metrics counts and accuracies at the chosen threshold
     * @param errorAccCi bootstrap interval of error_acc (null when the subset has no error case)
     * @param correctAccCi bootstrap interval of correct_acc (null when it has no correct case)
     * @param f1Ci bootstrap interval of F1
     */
    public record SubsetResult(
            String subset,
            ProcessBenchMetrics metrics,
            Bootstrap.Interval errorAccCi,
            Bootstrap.Interval correctAccCi,
            Bootstrap.Interval f1Ci) {}

    /**
     * One point of the F1-against-threshold curve.
     *
     * @param threshold the threshold in [0, 1]
     * @param f1BySubset F1 of each subset at that threshold, in subset order
     * @param meanF1 unweighted mean of those F1s
     */
    public record CurvePoint(double threshold, Map<String, Double> f1BySubset, double meanF1) {}

    /**
     * The whole evaluation.
     *
     * @param policy how the threshold was chosen
     * @param threshold the threshold used, in [0, 1]
     * @param subsets per-subset results, in the order given
     * @param meanF1 unweighted mean of the subset F1s, in [0, 1]
     * @param meanF1Ci stratified bootstrap interval of the mean F1
     * @param predictions every case's prediction, in input order
     * @param curve F1 at thresholds 0.00, 0.01, …, 1.00
     */
    public record Result(
            ThresholdPolicy policy,
            double threshold,
            List<SubsetResult> subsets,
            double meanF1,
            Bootstrap.Interval meanF1Ci,
            List<Prediction> predictions,
            List<CurvePoint> curve) {}

    /**
     * Evaluates.
     *
     * @param cases labelled cases, grouped by {@link ProcessBenchCase#subset()} in first-seen order
     * @param scores step scores, indexed like {@code cases}
     * @param policy threshold policy; a {@link ThresholdPolicy.TunedOn} subset must be among the cases
     * @param resamples bootstrap resamples (e.g. {@link Bootstrap#DEFAULT_RESAMPLES})
     * @param seed bootstrap seed
     * @throws IllegalArgumentException when sizes differ, a score list has the wrong length, or the
     *     tuning subset is absent
     */
    public static Result evaluate(
            List<ProcessBenchCase> cases, List<StepScores> scores, ThresholdPolicy policy, int resamples, long seed) {
        if (cases.size() != scores.size()) {
            throw new IllegalArgumentException(cases.size() + " cases but " + scores.size() + " score lists");
        }
        for (int i = 0; i < cases.size(); i++) {
            if (scores.get(i).size() != cases.get(i).labeled().trace().size()) {
                throw new IllegalArgumentException(
                        "case " + cases.get(i).id() + ": " + scores.get(i).size() + " scores for "
                                + cases.get(i).labeled().trace().size() + " steps");
            }
        }
        Map<String, List<Integer>> bySubset = new LinkedHashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            bySubset.computeIfAbsent(cases.get(i).subset(), k -> new ArrayList<>())
                    .add(i);
        }
        List<String> names = List.copyOf(bySubset.keySet());
        int[][] labels = new int[names.size()][];
        double[][][] subsetScores = new double[names.size()][][];
        for (int s = 0; s < names.size(); s++) {
            List<Integer> idx = bySubset.get(names.get(s));
            labels[s] = new int[idx.size()];
            subsetScores[s] = new double[idx.size()][];
            for (int k = 0; k < idx.size(); k++) {
                labels[s][k] = cases.get(idx.get(k)).label();
                subsetScores[s][k] = scores.get(idx.get(k)).toArray();
            }
        }

        double threshold =
                switch (policy) {
                    case ThresholdPolicy.Fixed f -> f.threshold();
                    case ThresholdPolicy.TunedOn t -> {
                        int s = names.indexOf(t.subset());
                        if (s < 0) {
                            throw new IllegalArgumentException("cannot tune the threshold on '" + t.subset()
                                    + "': it is not among the evaluated subsets " + names);
                        }
                        yield tune(labels[s], subsetScores[s]);
                    }
                };

        int[][] predictions = new int[names.size()][];
        List<SubsetResult> results = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            predictions[s] = predict(subsetScores[s], threshold);
            int[] l = labels[s], p = predictions[s];
            ProcessBenchMetrics m = ProcessBenchMetrics.of(l, p);
            long subSeed = seed + 31L * s;
            Bootstrap.Interval eCi = m.errorCases() == 0
                    ? null
                    : Bootstrap.percentile(
                            l.length,
                            sample -> nanToZero(
                                    ProcessBenchMetrics.of(l, p, sample).errorAcc()),
                            0.95,
                            resamples,
                            subSeed);
            Bootstrap.Interval cCi = m.correctCases() == 0
                    ? null
                    : Bootstrap.percentile(
                            l.length,
                            sample -> nanToZero(
                                    ProcessBenchMetrics.of(l, p, sample).correctAcc()),
                            0.95,
                            resamples,
                            subSeed);
            Bootstrap.Interval fCi = Bootstrap.percentile(
                    l.length,
                    sample -> nanToZero(ProcessBenchMetrics.of(l, p, sample).f1()),
                    0.95,
                    resamples,
                    subSeed);
            results.add(new SubsetResult(names.get(s), m, eCi, cCi, fCi));
        }
        double meanF1 =
                results.stream().mapToDouble(r -> r.metrics().f1()).average().orElse(Double.NaN);
        int[] sizes = new int[names.size()];
        for (int s = 0; s < sizes.length; s++) sizes[s] = labels[s].length;
        Bootstrap.Interval meanCi = Bootstrap.stratified(
                sizes,
                sample -> {
                    double sum = 0;
                    for (int s = 0; s < sample.length; s++) {
                        sum += nanToZero(ProcessBenchMetrics.of(labels[s], predictions[s], sample[s])
                                .f1());
                    }
                    return sum / sample.length;
                },
                0.95,
                resamples,
                seed);

        List<Prediction> out = new ArrayList<>(cases.size());
        int[] cursor = new int[names.size()];
        for (ProcessBenchCase c : cases) {
            int s = names.indexOf(c.subset());
            int k = cursor[s]++;
            out.add(new Prediction(c.id(), c.subset(), labels[s][k], predictions[s][k], subsetScores[s][k]));
        }

        List<CurvePoint> curve = new ArrayList<>();
        for (int t = 0; t <= 100; t++) {
            double th = t / 100.0;
            Map<String, Double> f1s = new LinkedHashMap<>();
            double sum = 0;
            for (int s = 0; s < names.size(); s++) {
                double f1 = ProcessBenchMetrics.of(labels[s], predict(subsetScores[s], th))
                        .f1();
                f1s.put(names.get(s), f1);
                sum += f1;
            }
            curve.add(new CurvePoint(th, f1s, sum / names.size()));
        }
        return new Result(policy, threshold, results, meanF1, meanCi, out, curve);
    }

    /** {@return the first-error prediction of each case: first step scoring below threshold, or -1} */
    static int[] predict(double[][] scores, double threshold) {
        int[] p = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            p[i] = -1;
            for (int j = 0; j < scores[i].length; j++) {
                if (scores[i][j] < threshold) {
                    p[i] = j;
                    break;
                }
            }
        }
        return p;
    }

    /**
     * The threshold maximising F1 over one subset. Predictions change only where the threshold
     * passes a score, so the candidates are every distinct step score (a step is wrong when its
     * score is strictly below) and the value just above the largest; ties go to the lowest.
     */
    static double tune(int[] labels, double[][] scores) {
        TreeSet<Double> candidates = new TreeSet<>();
        double max = 0;
        for (double[] s : scores) {
            for (double v : s) {
                candidates.add(v);
                max = Math.max(max, v);
            }
        }
        if (max < 1.0) candidates.add(Math.nextUp(max));
        candidates.add(0.0);
        double best = 0.5, bestF1 = -1;
        for (double t : candidates) {
            if (t > 1.0) continue;
            double f1 = ProcessBenchMetrics.of(labels, predict(scores, t)).f1();
            if (f1 > bestF1) {
                bestF1 = f1;
                best = t;
            }
        }
        return best;
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0.0 : v;
    }
}
