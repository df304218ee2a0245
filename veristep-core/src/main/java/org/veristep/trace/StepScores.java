package org.veristep.trace;

import java.util.Arrays;
import java.util.Objects;

/**
 * Process rewards for one trace: one score per step, indexed like {@link Trace#steps()}.
 *
 * <p>A score is the scorer's probability that the step is correct, in [0, 1]: 1 means certainly
 * correct, 0 certainly wrong. Scorers whose native range differs (PURE's p(+) − p(−) in [−1, 1])
 * map into [0, 1] and say how in their javadoc.
 */
public final class StepScores {
    private final String traceId;
    private final double[] scores;

    /**
     * @param traceId id of the scored trace
     * @param scores one score per step, each in [0, 1]; copied
     * @throws IllegalArgumentException when a score is NaN or outside [0, 1]
     */
    public StepScores(String traceId, double[] scores) {
        this.traceId = Objects.requireNonNull(traceId, "traceId");
        this.scores = scores.clone();
        for (int i = 0; i < this.scores.length; i++) {
            double s = this.scores[i];
            if (!(s >= 0.0 && s <= 1.0)) {
                throw new IllegalArgumentException(
                        "trace " + traceId + ": step " + i + " score " + s + " is not in [0, 1]");
            }
        }
    }

    /** {@return the id of the scored trace} */
    public String traceId() {
        return traceId;
    }

    /** {@return the number of steps scored} */
    public int size() {
        return scores.length;
    }

    /** {@return the score of step {@code index} (0-based), in [0, 1]} */
    public double get(int index) {
        return scores[index];
    }

    /** {@return a copy of the scores, indexed by step} */
    public double[] toArray() {
        return scores.clone();
    }

    /**
     * The first-error prediction of ProcessBench: the index of the first step whose score is below
     * {@code threshold}.
     *
     * @return the 0-based index, or -1 when every step scores at least {@code threshold}
     */
    public int firstBelow(double threshold) {
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] < threshold) return i;
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StepScores other && traceId.equals(other.traceId) && Arrays.equals(scores, other.scores);
    }

    @Override
    public int hashCode() {
        return 31 * traceId.hashCode() + Arrays.hashCode(scores);
    }

    @Override
    public String toString() {
        return "StepScores[" + traceId + ", " + Arrays.toString(scores) + "]";
    }
}
