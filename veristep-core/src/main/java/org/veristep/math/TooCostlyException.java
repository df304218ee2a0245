package org.veristep.math;

import org.veristep.VeristepException;

/**
 * Parsing or evaluating would exceed its {@link Budget}: time, input length, nesting depth or the
 * size in bits of an exact number (e.g. {@code 2^{2^{2^{2^{2}}}}}). Non-retriable: the same input
 * under the same budget fails again.
 */
public final class TooCostlyException extends VeristepException.NonRetriable {
    public TooCostlyException(String message) {
        super("too costly: " + message);
    }
}
