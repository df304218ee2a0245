package org.veristep;

/**
 * Root of every exception Veristep throws. Unchecked; split into {@link Retriable} (a later try may
 * succeed: timeouts, HTTP 429/5xx) and {@link NonRetriable} (the same call will fail again: bad
 * input, HTTP 400/401/404, a scorer returning the wrong number of step scores).
 */
public abstract sealed class VeristepException extends RuntimeException
        permits VeristepException.Retriable, VeristepException.NonRetriable {

    protected VeristepException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@return whether repeating the same call may succeed} */
    public abstract boolean retriable();

    /** A failure that a later try may not repeat (timeouts, overload, dropped connections). */
    public static non-sealed class Retriable extends VeristepException {
        public Retriable(String message) {
            super(message, null);
        }

        public Retriable(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public boolean retriable() {
            return true;
        }
    }

    /** A failure that repeats on every try until its cause is fixed. */
    public static non-sealed class NonRetriable extends VeristepException {
        public NonRetriable(String message) {
            super(message, null);
        }

        public NonRetriable(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public boolean retriable() {
            return false;
        }
    }
}
