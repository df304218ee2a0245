package org.veristep.grading;

import java.time.Duration;
import java.util.Objects;

/**
 * Options of an {@link AnswerGrader}.
 *
 * @param timeLimit time bound of one grade (default 1 s); past it the grade is undecided
 * @param relativeTolerance relative tolerance for comparing two approximate (irrational) values and
 *     for numeric identity testing (default 1e-9; absolute below magnitude 1). Exact values are always
 *     compared exactly.
 * @param decimalsToShownPrecision when true (default) a decimal literal showing at least two
 *     significant digits matches a value that rounds to it at the number of decimals shown ({@code
 *     0.33} matches 1/3, {@code 16386.17} matches 16386.169...; {@code 0.5} does not match 0.45);
 *     when false decimals are compared exactly like other numbers
 * @param maxSolutionChars longest prediction or gold text read (default 200,000 chars, about 200 KB
 *     of memory per text); longer input is undecided ("too costly")
 * @param maxAnswerChars longest extracted answer parsed (default 10,000 chars); it is also the
 *     parser's input bound ({@link org.veristep.math.Budget#maxInputChars()}) during a grade, so a
 *     larger value admits answers longer than the parser's default 100,000 chars
 * @param seed seed of the random points used for numeric identity testing of expressions with
 *     variables
 */
public record GradingOptions(
        Duration timeLimit,
        double relativeTolerance,
        boolean decimalsToShownPrecision,
        int maxSolutionChars,
        int maxAnswerChars,
        long seed) {
    public GradingOptions {
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) throw new IllegalArgumentException("timeLimit must be > 0");
        if (!(relativeTolerance >= 0 && relativeTolerance < 1)) {
            throw new IllegalArgumentException("relativeTolerance must be in [0, 1): " + relativeTolerance);
        }
        if (maxSolutionChars <= 0 || maxAnswerChars <= 0) throw new IllegalArgumentException("limits must be > 0");
    }

    /** {@return the defaults: 1 s, 1e-9, decimals to the precision shown, 200,000 / 10,000 chars, seed 20240601} */
    public static GradingOptions defaults() {
        return new GradingOptions(Duration.ofSeconds(1), 1e-9, true, 200_000, 10_000, 20240601L);
    }

    /** {@return these options with another time limit} */
    public GradingOptions withTimeLimit(Duration t) {
        return new GradingOptions(
                t, relativeTolerance, decimalsToShownPrecision, maxSolutionChars, maxAnswerChars, seed);
    }

    /** {@return these options with decimals matched to the precision shown (true) or compared exactly (false)} */
    public GradingOptions withDecimalsToShownPrecision(boolean shown) {
        return new GradingOptions(timeLimit, relativeTolerance, shown, maxSolutionChars, maxAnswerChars, seed);
    }

    /** {@return these options with another relative tolerance} */
    public GradingOptions withRelativeTolerance(double tol) {
        return new GradingOptions(timeLimit, tol, decimalsToShownPrecision, maxSolutionChars, maxAnswerChars, seed);
    }
}
