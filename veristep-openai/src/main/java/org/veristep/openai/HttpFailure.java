package org.veristep.openai;

import java.time.Duration;
import java.util.Optional;
import org.veristep.VeristepException;

/**
 * The two kinds of failed HTTP exchange with an inference server. {@link ExceptionMapper} is the one
 * place that decides which kind a response or transport error is.
 */
public final class HttpFailure {
    private HttpFailure() {}

    /**
     * A failure a later try may not repeat: HTTP 408, 409, 429 and 5xx, timeouts, refused or dropped
     * connections, a body that ends early.
     */
    public static final class Retriable extends VeristepException.Retriable {
        private final int status;
        private final Duration retryAfter;

        /**
         * @param status the HTTP status, or 0 when no response arrived (timeout, dropped connection)
         * @param retryAfter the delay the server asked for in {@code Retry-After}, or null
         */
        public Retriable(String message, int status, Duration retryAfter, Throwable cause) {
            super(message, cause);
            this.status = status;
            this.retryAfter = retryAfter;
        }

        /** {@return the HTTP status, 0 when no response arrived} */
        public int status() {
            return status;
        }

        /** {@return the delay asked for by the server's {@code Retry-After} header, if any} */
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /**
     * A request that can never succeed as sent: HTTP 400, 401, 403, 404, 422 and other 4xx, or a
     * response body that is not the documented shape.
     */
    public static final class NonRetriable extends VeristepException.NonRetriable {
        private final int status;

        /** @param status the HTTP status, or 0 when the failure is a malformed 2xx body */
        public NonRetriable(String message, int status, Throwable cause) {
            super(message, cause);
            this.status = status;
        }

        /** {@return the HTTP status, 0 for a malformed successful response} */
        public int status() {
            return status;
        }
    }
}
