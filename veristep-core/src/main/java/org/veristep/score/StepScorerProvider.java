package org.veristep.score;

import java.util.Map;

/**
 * Makes {@link StepScorer}s of one kind; registered in {@code
 * META-INF/services/org.veristep.score.StepScorerProvider}.
 */
public interface StepScorerProvider {

    /** {@return the name users pass to {@code --scorer}} */
    String name();

    /** {@return a one-line description for {@code veristep scorers}} */
    String description();

    /**
     * {@return the options this scorer accepts, name to description}; {@link StepScorers#create}
     * rejects any other option with a message listing these
     */
    Map<String, String> options();

    /**
     * Creates a scorer.
     *
     * @param options option values keyed by a name of {@link #options()}; already checked
     * @throws org.veristep.VeristepException.NonRetriable when an option value is invalid
     */
    StepScorer create(ScorerOptions options);
}
