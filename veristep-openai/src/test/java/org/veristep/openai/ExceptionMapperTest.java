package org.veristep.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.veristep.VeristepException;

class ExceptionMapperTest {
    private static final URI U = URI.create("http://127.0.0.1:1/v1/completions");

    private static HttpHeaders headers(Map<String, List<String>> m) {
        return HttpHeaders.of(m, (a, b) -> true);
    }

    @Test
    void retriableStatuses() {
        for (int s : new int[] {408, 409, 429, 500, 502, 503, 504}) {
            VeristepException e = ExceptionMapper.fromStatus("POST", U, s, headers(Map.of()), "x");
            assertInstanceOf(HttpFailure.Retriable.class, e, "HTTP " + s);
            assertEquals(s, ((HttpFailure.Retriable) e).status());
        }
    }

    @Test
    void nonRetriableStatuses() {
        for (int s : new int[] {400, 401, 403, 404, 413, 422}) {
            VeristepException e = ExceptionMapper.fromStatus("POST", U, s, headers(Map.of()), "x");
            assertInstanceOf(HttpFailure.NonRetriable.class, e, "HTTP " + s);
        }
    }

    @Test
    void serverMessagesOfBothDialects() {
        assertEquals(
                "Incorrect API key provided",
                ExceptionMapper.serverMessage("{\"error\": {\"message\": \"Incorrect API key provided\", \"type\": "
                        + "\"invalid_request_error\", \"param\": null, \"code\": \"invalid_api_key\"}}"));
        assertEquals(
                "The model `x` does not exist.",
                ExceptionMapper.serverMessage("{\"object\": \"error\", \"message\": \"The model `x` does not exist.\", "
                        + "\"type\": \"NotFoundError\", \"param\": null, \"code\": 404}"));
        assertEquals("Not Found", ExceptionMapper.serverMessage("{\"detail\": \"Not Found\"}"));
        assertEquals("<html>502</html>", ExceptionMapper.serverMessage("<html>502</html>\n"));
        assertEquals("(empty body)", ExceptionMapper.serverMessage(""));
    }

    @Test
    void retryAfterSecondsAndHttpDates() {
        assertEquals(Duration.ofSeconds(7), ExceptionMapper.retryAfter(headers(Map.of("Retry-After", List.of("7")))));
        assertEquals(
                Duration.ofMillis(1500), ExceptionMapper.retryAfter(headers(Map.of("retry-after", List.of("1.5")))));
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
        Duration d = ExceptionMapper.retryAfter(headers(Map.of("Retry-After", List.of(date))));
        assertTrue(d.toSeconds() >= 28 && d.toSeconds() <= 30, d.toString());
        assertEquals(
                ExceptionMapper.MAX_RETRY_AFTER,
                ExceptionMapper.retryAfter(headers(Map.of("Retry-After", List.of("86400")))));
        assertNull(ExceptionMapper.retryAfter(headers(Map.of("Retry-After", List.of("soon")))));
        assertNull(ExceptionMapper.retryAfter(headers(Map.of())));
    }

    @Test
    void transportErrorsAreRetriableWithStatusZero() {
        VeristepException t = ExceptionMapper.fromTransport("POST", U, new HttpTimeoutException("request timed out"));
        assertTrue(t.retriable());
        assertTrue(t.getMessage().contains("timed out"));
        VeristepException c = ExceptionMapper.fromTransport("POST", U, new ConnectException());
        assertEquals(0, ((HttpFailure.Retriable) c).status());
        assertTrue(c.getMessage().contains("connection refused"));
    }
}
