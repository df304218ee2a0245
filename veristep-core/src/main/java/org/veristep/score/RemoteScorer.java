package org.veristep.score;

/**
 * A scorer that calls servers, and counts its requests and retries so a long job can show them.
 * It holds connections: its creator closes it.
 */
public interface RemoteScorer extends StepScorer {

    /** {@return the requests, retries and failed calls so far; safe to call from any thread} */
    RequestCounts requestCounts();

    /**
     * Checks, before a long job starts, that the servers answer and serve the configured models, so
     * that a wrong URL or model name fails in seconds with a clear message rather than trace by
     * trace. Called by {@link ScoringJob} when there is work to do; the default checks nothing.
     *
     * @throws org.veristep.VeristepException when a server cannot be reached (after its retries) or
     *     does not serve the model (the message lists what it serves)
     */
    default void preflight() {}
}
