package org.veristep.math;

import java.time.Duration;

/**
 * The cost bound of one parse or evaluation: an absolute deadline on {@link System#nanoTime()}, the
 * longest input, the deepest nesting and the largest exact number (in bits of numerator or
 * denominator) allowed. Exceeding any of them throws {@link TooCostlyException}. The deadline is
 * absolute, so a budget is created per call (an immutable record, safe to share between threads
 * working on the same call).
 *
 * @param deadlineNanos {@link System#nanoTime()} value after which work stops
 * @param maxInputChars longest input text accepted by the parser, in chars
 * @param maxDepth deepest nesting of brackets and operators accepted by the parser
 * @param maxBits largest exact integer, numerator or denominator, evaluation may build, in bits
 */
public record Budget(long deadlineNanos, int maxInputChars, int maxDepth, int maxBits) {
    /** Default limits: 1 s, 100,000 chars, depth 200, 100,000 bits (about 30,000 decimal digits). */
    public static final Duration DEFAULT_TIME = Duration.ofSeconds(1);

    public static final int DEFAULT_MAX_INPUT_CHARS = 100_000;
    public static final int DEFAULT_MAX_DEPTH = 200;
    public static final int DEFAULT_MAX_BITS = 100_000;

    public Budget {
        if (maxInputChars <= 0 || maxDepth <= 0 || maxBits <= 0) {
            throw new IllegalArgumentException("budget limits must be positive");
        }
    }

    /** {@return a budget with default limits, starting now} */
    public static Budget defaults() {
        return of(DEFAULT_TIME);
    }

    /** {@return a budget of the given time from now, with default size limits} */
    public static Budget of(Duration time) {
        return new Budget(
                System.nanoTime() + time.toNanos(), DEFAULT_MAX_INPUT_CHARS, DEFAULT_MAX_DEPTH, DEFAULT_MAX_BITS);
    }

    /** Throws {@link TooCostlyException} when the deadline has passed. */
    public void checkTime() {
        if (System.nanoTime() - deadlineNanos > 0) throw new TooCostlyException("time bound exceeded");
    }

    /** Throws {@link TooCostlyException} when an exact result of about {@code bits} bits would be too large. */
    public void checkBits(long bits) {
        if (bits > maxBits) {
            throw new TooCostlyException("an exact number of about " + bits + " bits exceeds the bound of " + maxBits);
        }
    }
}
