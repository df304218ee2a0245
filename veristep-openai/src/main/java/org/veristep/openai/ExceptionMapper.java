package org.veristep.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.veristep.VeristepException;
import org.veristep.json.Json;

/**
 * The one place where an HTTP status or a transport error becomes a {@link VeristepException}.
 *
 * <ul>
 *   <li>429, 408, 409 and every 5xx: {@link HttpFailure.Retriable}, with the server's {@code
 *       Retry-After} (delta-seconds or an HTTP date) when given;
 *   <li>every other 4xx (400, 401, 403, 404, 422 ...): {@link HttpFailure.NonRetriable}, failing at
 *       once with the server's own message (OpenAI's {@code {"error": {"message"}}} or vLLM's
 *       {@code {"object": "error", "message"}}, else the body's first 500 characters);
 *   <li>timeouts, refused and dropped connections: {@link HttpFailure.Retriable} with status 0.
 * </ul>
 */
public final class ExceptionMapper {
    private ExceptionMapper() {}

    /** Longest Retry-After honoured; a server asking for more is waited on for this long. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

    /**
     * {@return the exception for a non-2xx response}
     *
     * @param method and {@code uri} name the request in the message (never its headers: they hold the key)
     */
    public static VeristepException fromStatus(String method, URI uri, int status, HttpHeaders headers, String body) {
        String message = method + " " + uri + " -> HTTP " + status + ": " + serverMessage(body);
        if (status == 429 || status == 408 || status == 409 || status >= 500) {
            return new HttpFailure.Retriable(message, status, retryAfter(headers), null);
        }
        return new HttpFailure.NonRetriable(message, status, null);
    }

    /** {@return the exception for a request that got no complete response} */
    public static VeristepException fromTransport(String method, URI uri, IOException e) {
        String what = e instanceof HttpTimeoutException
                ? "timed out"
                : e instanceof ConnectException ? "connection refused" : "connection failed";
        return new HttpFailure.Retriable(
                method + " " + uri + " " + what + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()),
                0,
                null,
                e);
    }

    /** {@return the exception for a 2xx response whose body is not the documented shape} */
    public static VeristepException malformed(String method, URI uri, String what, Throwable cause) {
        return new HttpFailure.NonRetriable(method + " " + uri + ": unexpected response: " + what, 0, cause);
    }

    /** {@return the error message the server put in its body, or the start of the body} */
    static String serverMessage(String body) {
        if (body == null || body.isBlank()) return "(empty body)";
        try {
            JsonNode n = Json.mapper().readTree(body);
            JsonNode m = n.path("error").path("message");
            if (m.isTextual()) return m.textValue();
            if (n.path("message").isTextual()) return n.path("message").textValue();
            if (n.path("detail").isTextual()) return n.path("detail").textValue();
            if (n.path("error").isTextual()) return n.path("error").textValue();
        } catch (IOException | RuntimeException notJson) {
            // not JSON: fall through to the raw text
        }
        String trimmed = body.strip();
        return trimmed.length() > 500 ? trimmed.substring(0, 500) + "..." : trimmed;
    }

    /** {@return the delay of a Retry-After header (seconds or HTTP date), capped, or null} */
    static Duration retryAfter(HttpHeaders headers) {
        if (headers == null) return null;
        String v = headers.firstValue("retry-after").orElse(null);
        if (v == null) return null;
        v = v.strip();
        Duration d;
        try {
            d = Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
        } catch (NumberFormatException e) {
            try {
                d = Duration.between(
                        Instant.now(),
                        ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant());
            } catch (DateTimeParseException bad) {
                return null;
            }
        }
        if (d.isNegative()) return Duration.ZERO;
        return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
    }
}
