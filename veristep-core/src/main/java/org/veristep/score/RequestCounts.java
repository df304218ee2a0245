package org.veristep.score;

/**
 * Requests a remote scorer has made so far, and the tokens the servers reported, for progress
 * displays and cost estimates.
 *
 * @param requests HTTP exchanges started (first tries and retries), ≥ 0
 * @param retries tries made after a retriable failure (429, 5xx, timeout, dropped connection), ≥ 0
 * @param failures calls that failed after their retries, ≥ 0
 * @param promptTokens prompt tokens the servers reported in {@code usage} over successful calls, ≥ 0
 * @param completionTokens generated tokens the servers reported, ≥ 0
 */
public record RequestCounts(long requests, long retries, long failures, long promptTokens, long completionTokens) {
    /** No request made. */
    public static final RequestCounts NONE = new RequestCounts(0, 0, 0, 0, 0);

    /** {@return the element-wise sum} */
    public RequestCounts plus(RequestCounts o) {
        return new RequestCounts(
                requests + o.requests,
                retries + o.retries,
                failures + o.failures,
                promptTokens + o.promptTokens,
                completionTokens + o.completionTokens);
    }
}
