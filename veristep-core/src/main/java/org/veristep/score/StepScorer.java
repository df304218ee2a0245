package org.veristep.score;

import java.util.List;
import org.veristep.trace.StepScores;
import org.veristep.trace.Trace;

/**
 * A process reward model: gives every step of a trace a score in [0, 1].
 *
 * <p>Implementations are found by name through {@link StepScorerProvider} and {@link
 * StepScorers}. A scorer that holds threads or connections releases them in {@link #close()}; the
 * code that created it (usually {@link StepScorers#create}'s caller) closes it.
 */
public interface StepScorer extends AutoCloseable {

    /** {@return the registered name, as given to {@code --scorer}} */
    String name();

    /**
     * Scores every step of every trace.
     *
     * @param traces the traces to score, in any order
     * @return one {@link StepScores} per trace, in the order of {@code traces}, each with exactly one
     *     score per step
     * @throws org.veristep.VeristepException when a trace cannot be scored; {@link
     *     org.veristep.VeristepException#retriable()} says whether a later try may succeed
     */
    List<StepScores> score(List<Trace> traces);

    /** Scores one trace; see {@link #score(List)}. */
    default StepScores score(Trace trace) {
        return score(List.of(trace)).get(0);
    }

    /** Releases threads and connections; the default holds none. */
    @Override
    default void close() {}
}
