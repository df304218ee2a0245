package org.veristep.trace;

import java.util.Objects;

/**
 * A problem statement with its reference answer when known.
 *
 * @param id stable identifier (e.g. {@code gsm8k-0}); never null
 * @param text the problem as shown to the generator; never null
 * @param goldAnswer the reference final answer, or null when unknown
 */
public record Problem(String id, String text, String goldAnswer) {
    public Problem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }
}
