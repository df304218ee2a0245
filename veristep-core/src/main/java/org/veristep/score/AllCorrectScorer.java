package org.veristep.score;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.veristep.trace.StepScores;
import org.veristep.trace.Trace;

/**
 * Baseline that calls every step correct (score 1.0). On ProcessBench it predicts -1 for every
 * case, so error_acc = 0, correct_acc = 1 and F1 = 0 on every subset.
 */
public final class AllCorrectScorer implements StepScorer {
    public static final String NAME = "all-correct";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<StepScores> score(List<Trace> traces) {
        return traces.stream()
                .map(t -> {
                    double[] ones = new double[t.size()];
                    Arrays.fill(ones, 1.0);
                    return new StepScores(t.id(), ones);
                })
                .toList();
    }

    /** Registers {@link AllCorrectScorer} as {@value #NAME}. */
    public static final class Provider implements StepScorerProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "baseline: every step scores 1.0";
        }

        @Override
        public Map<String, String> options() {
            return Map.of();
        }

        @Override
        public StepScorer create(ScorerOptions options) {
            return new AllCorrectScorer();
        }
    }
}
