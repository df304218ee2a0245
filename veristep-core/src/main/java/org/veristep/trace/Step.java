package org.veristep.trace;

import java.util.Objects;

/**
 * One step of a reasoning trace: the text between two step separators.
 *
 * @param text the step's text as written by the generator; never null, may be empty
 */
public record Step(String text) {
    public Step {
        Objects.requireNonNull(text, "text");
    }
}
