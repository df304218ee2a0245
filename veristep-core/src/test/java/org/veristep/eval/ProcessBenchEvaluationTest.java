package org.veristep.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.veristep.TestData;
import org.veristep.dataset.ProcessBenchCase;
import org.veristep.dataset.ProcessBenchFormat;
import org.veristep.score.AllCorrectScorer;
import org.veristep.trace.LabeledTrace;
import org.veristep.trace.Problem;
import org.veristep.trace.StepScores;
import org.veristep.trace.Trace;

class ProcessBenchEvaluationTest {

    private static ProcessBenchCase pbCase(String subset, String id, int steps, int label) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < steps; i++) texts.add("step " + i);
        Trace t = Trace.of(id, new Problem(id, "p", null), texts);
        return new ProcessBenchCase(subset, LabeledTrace.fromFirstError(t, label), label == -1);
    }

    @Test
    void metricsByHand() {
        // labels:      2  -1   0  -1   1
        // predictions: 2  -1   1   0  -1
        // error cases: idx 0 (hit), 2 (miss), 4 (miss) -> error_acc 1/3
        // correct cases: idx 1 (hit), 3 (miss)          -> correct_acc 1/2
        // F1 = 2 * (1/3)(1/2) / (1/3 + 1/2) = (1/3) / (5/6) = 2/5
        ProcessBenchMetrics m = ProcessBenchMetrics.of(new int[] {2, -1, 0, -1, 1}, new int[] {2, -1, 1, 0, -1});
        assertEquals(3, m.errorCases());
        assertEquals(1, m.errorHits());
        assertEquals(2, m.correctCases());
        assertEquals(1, m.correctHits());
        assertEquals(1.0 / 3, m.errorAcc(), 1e-15);
        assertEquals(0.5, m.correctAcc(), 1e-15);
        assertEquals(0.4, m.f1(), 1e-15);
    }

    @Test
    void f1IsZeroWhenOneAccuracyIsZero() {
        ProcessBenchMetrics m = ProcessBenchMetrics.of(new int[] {0, -1}, new int[] {-1, -1});
        assertEquals(0.0, m.errorAcc());
        assertEquals(1.0, m.correctAcc());
        assertEquals(0.0, m.f1());
    }

    @Test
    void evaluationPredictsFirstStepBelowThresholdAndAveragesSubsetsUnweighted() {
        List<ProcessBenchCase> cases = List.of(
                pbCase("a", "a-0", 3, 1), // scores .9 .4 .2 -> prediction 1 (hit)
                pbCase("a", "a-1", 2, -1), // scores .8 .7 -> -1 (hit)
                pbCase("b", "b-0", 2, 0), // scores .6 .1 -> 1 (miss)
                pbCase("b", "b-1", 2, -1), // .5 .5 -> -1 (0.5 is not below 0.5: hit)
                pbCase("b", "b-2", 1, -1)); // .3 -> 0 (miss)
        List<StepScores> scores = List.of(
                new StepScores("a-0", new double[] {.9, .4, .2}),
                new StepScores("a-1", new double[] {.8, .7}),
                new StepScores("b-0", new double[] {.6, .1}),
                new StepScores("b-1", new double[] {.5, .5}),
                new StepScores("b-2", new double[] {.3}));
        var r = ProcessBenchEvaluation.evaluate(cases, scores, new ThresholdPolicy.Fixed(0.5), 200, 7);
        assertEquals(
                List.of(1, -1, 1, -1, 0),
                r.predictions().stream().map(p -> p.prediction()).toList());
        // subset a: error_acc 1, correct_acc 1, F1 1. subset b: error_acc 0, correct_acc 1/2, F1 0.
        assertEquals(1.0, r.subsets().get(0).metrics().f1(), 1e-15);
        assertEquals(0.0, r.subsets().get(1).metrics().f1(), 1e-15);
        assertEquals(0.5, r.meanF1(), 1e-15); // unweighted mean, not (cases-weighted) 0.4
        assertTrue(
                r.meanF1Ci().low() <= r.meanF1() && r.meanF1() <= r.meanF1Ci().high());
        assertEquals(101, r.curve().size());
    }

    @Test
    void tunedThresholdMaximisesF1OnTheTuningSubset() {
        // One error case (label 1) with scores .9 .6 and one correct case with .7 .8.
        // Thresholds: t <= .6 -> both -1: error 0, correct 1, F1 0.
        //             .6 < t <= .7 -> error case predicts 1 (hit), correct -1 (hit): F1 1  <- lowest such t is
        // nextUp(.6)?
        // Candidates are the scores themselves (strict "<"): t = .7 gives predictions 1 and 0 -> correct case
        // predicted 0 (since .7 < .7 is false, prediction -1): F1 1. t = .6: .6 < .6 false -> error case -1: F1 0.
        // So the lowest maximising candidate is .7.
        List<ProcessBenchCase> cases = List.of(pbCase("gsm8k", "g-0", 2, 1), pbCase("gsm8k", "g-1", 2, -1));
        List<StepScores> scores =
                List.of(new StepScores("g-0", new double[] {.9, .6}), new StepScores("g-1", new double[] {.7, .8}));
        var r = ProcessBenchEvaluation.evaluate(cases, scores, new ThresholdPolicy.TunedOn("gsm8k"), 100, 1);
        assertEquals(0.7, r.threshold());
        assertEquals(1.0, r.meanF1());
    }

    @Test
    void tuningOnAnAbsentSubsetFails() {
        List<ProcessBenchCase> cases = List.of(pbCase("math", "m-0", 1, -1));
        List<StepScores> scores = List.of(new StepScores("m-0", new double[] {1}));
        assertThrows(
                IllegalArgumentException.class,
                () -> ProcessBenchEvaluation.evaluate(cases, scores, new ThresholdPolicy.TunedOn("gsm8k"), 10, 1));
    }

    @Test
    void allCorrectOnTheRealBenchmarkGivesZeroF1Everywhere() {
        List<ProcessBenchCase> cases = new ArrayList<>();
        for (String subset : ProcessBenchFormat.SUBSETS) {
            ProcessBenchFormat.read(TestData.file("processbench/" + subset + ".json"), subset, cases::add);
        }
        assertEquals(3400, cases.size());
        List<StepScores> scores;
        try (var scorer = new AllCorrectScorer()) {
            scores = scorer.score(cases.stream().map(c -> c.labeled().trace()).toList());
        }
        var r = ProcessBenchEvaluation.evaluate(cases, scores, new ThresholdPolicy.Fixed(0.5), 100, 1);
        assertEquals(4, r.subsets().size());
        int[] sizes = {400, 1000, 1000, 1000};
        for (int i = 0; i < 4; i++) {
            var m = r.subsets().get(i).metrics();
            assertEquals(sizes[i], m.errorCases() + m.correctCases());
            assertEquals(0.0, m.errorAcc());
            assertEquals(1.0, m.correctAcc());
            assertEquals(0.0, m.f1());
        }
        assertEquals(0.0, r.meanF1());
    }
}
