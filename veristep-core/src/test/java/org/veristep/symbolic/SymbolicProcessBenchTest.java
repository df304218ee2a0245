package org.veristep.symbolic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.veristep.TestData;
import org.veristep.dataset.ProcessBenchCase;
import org.veristep.dataset.ProcessBenchFormat;
import org.veristep.eval.ProcessBenchMetrics;
import org.veristep.trace.StepScores;

/**
 * The symbolic verifier on all of ProcessBench (real data): false alarms, i.e. refutations of
 * steps the experts judged correct (every step before the first error, every step of a case
 * labelled -1), must stay at or below 0.1% on every subset; and recall must not fall: the first
 * errors located exactly (error hits) stay at or above the counts measured when the verifier was
 * last changed (gsm8k 44/207, math 61/594, olympiadbench 31/661, omnimath 32/759).
 */
class SymbolicProcessBenchTest {
    private static final double MAX_FALSE_ALARM_RATE = 0.001;
    private static final java.util.Map<String, Integer> MIN_ERROR_HITS =
            java.util.Map.of("gsm8k", 44, "math", 61, "olympiadbench", 31, "omnimath", 32);

    @Test
    void falseAlarmsStayAtMostOnePerThousandOnEverySubset() {
        SymbolicScorer scorer = new SymbolicScorer();
        double sumF1 = 0;
        for (String subset : ProcessBenchFormat.SUBSETS) {
            List<ProcessBenchCase> cases =
                    ProcessBenchFormat.readAll(TestData.file("processbench/" + subset + ".json"), subset);
            List<StepScores> scores =
                    scorer.score(cases.stream().map(c -> c.labeled().trace()).toList());
            int correctSteps = 0;
            int falseAlarms = 0;
            int[] labels = new int[cases.size()];
            int[] predictions = new int[cases.size()];
            for (int k = 0; k < cases.size(); k++) {
                ProcessBenchCase c = cases.get(k);
                StepScores s = scores.get(k);
                int judgedCorrect = c.label() < 0 ? s.size() : c.label();
                for (int i = 0; i < judgedCorrect; i++) {
                    correctSteps++;
                    if (s.get(i) < 0.5) falseAlarms++;
                }
                labels[k] = c.label();
                predictions[k] = s.firstBelow(0.5);
            }
            ProcessBenchMetrics m = ProcessBenchMetrics.of(labels, predictions);
            sumF1 += m.f1();
            double rate = (double) falseAlarms / correctSteps;
            System.out.printf(
                    "symbolic on %-13s false alarms %d/%d = %.3f%%  error_acc %.1f  correct_acc %.1f  F1 %.1f%n",
                    subset,
                    falseAlarms,
                    correctSteps,
                    100 * rate,
                    100 * m.errorAcc(),
                    100 * m.correctAcc(),
                    100 * m.f1());
            assertTrue(
                    rate <= MAX_FALSE_ALARM_RATE,
                    subset + ": false-alarm rate " + rate + " (" + falseAlarms + "/" + correctSteps + ") above "
                            + MAX_FALSE_ALARM_RATE);
            assertTrue(
                    m.errorHits() >= MIN_ERROR_HITS.get(subset),
                    subset + ": " + m.errorHits() + " first errors located, fewer than " + MIN_ERROR_HITS.get(subset));
        }
        System.out.printf("symbolic mean F1 %.1f%n", 100 * sumF1 / 4);
    }
}
