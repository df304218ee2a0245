package org.veristep.cli;

import org.veristep.UsageException;
import org.veristep.eval.Bootstrap;
import org.veristep.eval.ThresholdPolicy;

/**
 * Range checks of option values that several commands share. A value out of range is a {@link
 * UsageException} (exit code 2) whose message names the option, the range and the value given.
 */
final class OptionRanges {
    private OptionRanges() {}

    /**
     * Checks a {@code --threshold} on step scores with the rule of {@link ThresholdPolicy.Fixed} (in
     * [0, 1]; NaN refused), the one place that range is written.
     *
     * @return the threshold as a fixed policy
     * @throws UsageException e.g. "--threshold must be in [0, 1], got 1.5"
     */
    static ThresholdPolicy.Fixed threshold(double value) {
        try {
            return new ThresholdPolicy.Fixed(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + e.getMessage()); // Fixed's message starts with "threshold"
        }
    }

    /**
     * Checks the bootstrap resamples ({@code --resamples}, alias {@code --bootstrap}): at least
     * {@link Bootstrap#MIN_RESAMPLES}.
     *
     * @throws UsageException e.g. "--resamples (--bootstrap) must be at least 100, got 1"
     */
    static int resamples(int value) {
        return atLeast("--resamples (--bootstrap)", value, Bootstrap.MIN_RESAMPLES);
    }

    /**
     * Checks that an integer option is at least {@code min}.
     *
     * @param option the option as the user writes it, e.g. {@code --max-n}
     * @return the value
     * @throws UsageException e.g. "--max-n must be at least 1, got 0"
     */
    static int atLeast(String option, int value, int min) {
        if (value < min) throw new UsageException(option + " must be at least " + min + ", got " + value);
        return value;
    }
}
