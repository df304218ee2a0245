package org.veristep;

/**
 * An option or argument the caller gave is invalid (an unknown scorer or option, a threshold
 * outside [0, 1], a subset that is not evaluated). The command line reports it as a usage error
 * (exit code 2); the message says what is accepted.
 */
public final class UsageException extends VeristepException.NonRetriable {
    public UsageException(String message) {
        super(message);
    }
}
