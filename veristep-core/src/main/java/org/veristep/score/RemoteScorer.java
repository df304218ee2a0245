package org.veristep.score;

/**
 * A scorer that calls servers, and counts its requests and retries so a long job can show them.
 * It holds connections: its creator closes it.
 */
public interface RemoteScorer extends StepScorer {

    /** {@return the requests, retries and failed calls so far; safe to call from any thread} */
    RequestCounts requestCounts();
}
