package org.veristep.grading;

import java.util.Objects;

/** The outcome of looking for a final answer in a solution: found (with how) or not found (with why). */
public sealed interface Extraction permits Extraction.Found, Extraction.NotFound {

    /**
     * An answer was found.
     *
     * @param answer the answer text, without its box or marker
     * @param method how it was found: {@code "boxed"}, {@code "boxes"} (several adjacent boxes
     *     joined), {@code "final answer"}, {@code "answer marker"}, {@code "####"}, {@code "whole"}
     *     (the text is itself an answer), {@code "math segment"}, {@code "last number"}
     */
    record Found(String answer, String method) implements Extraction {
        public Found {
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(method, "method");
        }
    }

    /** No answer could be found; never a guess. */
    record NotFound(String reason) implements Extraction {
        public NotFound {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
