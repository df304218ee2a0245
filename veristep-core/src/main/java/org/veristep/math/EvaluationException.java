package org.veristep.math;

import org.veristep.VeristepException;

/**
 * An expression has no value: division by zero, an unbound variable, a square root of a negative
 * number, a structure (tuple, set, relation, text) where a number was needed.
 */
public final class EvaluationException extends VeristepException.NonRetriable {
    public EvaluationException(String message) {
        super(message);
    }
}
