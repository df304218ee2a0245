package org.veristep.eval;

/**
 * How the step-score threshold of a first-error prediction is chosen: a step is predicted wrong
 * when its score is strictly below the threshold.
 */
public sealed interface ThresholdPolicy {

    /** A fixed threshold in [0, 1] (ProcessBench's default for scalar PRMs is 0.5). */
    record Fixed(double threshold) implements ThresholdPolicy {
        public Fixed {
            if (!(threshold >= 0 && threshold <= 1)) {
                throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
            }
        }

        @Override
        public String describe() {
            return "fixed " + threshold;
        }
    }

    /**
     * The threshold that maximises F1 on one subset (the ProcessBench maintainers' answer for
     * scalar PRMs: tune on gsm8k), then applied to every subset. Among thresholds with equal F1
     * the lowest is taken.
     */
    record TunedOn(String subset) implements ThresholdPolicy {
        @Override
        public String describe() {
            return "tuned to maximise F1 on " + subset;
        }
    }

    /** {@return a one-line description for reports} */
    String describe();
}
