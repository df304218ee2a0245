package org.veristep.openai.prm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.veristep.VeristepException;
import org.veristep.openai.HttpFailure;
import org.veristep.openai.LoopbackServer;
import org.veristep.openai.LoopbackServer.Reply;
import org.veristep.openai.LoopbackServer.Request;
import org.veristep.score.RemoteScorer;
import org.veristep.score.ScorerOptions;
import org.veristep.score.StepScorer;
import org.veristep.score.StepScorers;
import org.veristep.trace.Problem;
import org.veristep.trace.StepScores;
import org.veristep.trace.Trace;

/**
 * The contract every HTTP step scorer passes, against a real HTTP/1.1 server on 127.0.0.1 that
 * speaks the scorer's wire protocol (a subclass supplies the faithful answer, the scores that answer
 * means, and a subtly wrong answer). The scorer is created by name through {@link StepScorers}, so
 * registration is tested too. Faults are injected before the faithful answers: chunked bodies,
 * error bodies, slow responses, 429 with Retry-After, 5xx, connections dropped before and in the
 * middle of a response.
 */
abstract class AbstractHttpScorerContract {
    static final String KEY_ENV = "VERISTEP_TEST_API_KEY";
    static final String KEY = "sk-test-0123456789";
    static final int MAX_RETRIES = 3;

    /** Three traces; the second has an error ("7*8 = 54") that the test models notice. */
    static final List<Trace> TRACES = List.of(
            Trace.of("t1", new Problem("p1", "What is 2+3?", "5"), List.of("2+3 = 5.", "The answer is 5.")),
            Trace.of(
                    "t2",
                    new Problem("p2", "Compute 7*8.", "56"),
                    List.of("We multiply: 7*8 = 54.", "So the answer is 54.", "Done: \\boxed{54}")),
            Trace.of("t3", new Problem("p3", "Is 1 < 2? Answer yes or no.", "yes"), List.of("Yes, 1 < 2.")));

    /** {@return the registered scorer name} */
    abstract String scorerName();

    /** {@return the scorer's own options (model, mode ...), pointing any endpoint at {@code url}} */
    abstract Map<String, String> scorerOptions(String url);

    /** {@return the server's faithful answer to a well-formed request} */
    abstract Reply answer(Request r);

    /** {@return a well-formed answer that does not give one score per step (or no usable one)} */
    abstract Reply wrongAnswer(Request r);

    /** {@return the scores the faithful answers mean for {@code t}, worked out independently} */
    abstract double[] expected(Trace t);

    /** {@return the models the test server lists: those the scorer's options name} */
    final List<String> servedModels(Request r) {
        Map<String, String> o = scorerOptions("http://unused");
        List<String> ids = new ArrayList<>();
        ids.add(o.get("model"));
        if (o.containsKey("ref_model")) ids.add(o.get("ref_model"));
        return ids;
    }

    /** {@return HTTP requests one trace costs} */
    int requestsPerTrace() {
        return 1;
    }

    /** {@return the client options for an endpoint, with the test's key, small timeout and backoff} */
    static Map<String, String> client(String prefix, String url) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put(prefix + "endpoint", url);
        o.put(prefix + "api_key_env", KEY_ENV);
        o.put(prefix + "timeout_s", "2");
        o.put(prefix + "max_retries", String.valueOf(MAX_RETRIES));
        o.put(prefix + "backoff_ms", "20");
        o.put(prefix + "concurrency", "4");
        return o;
    }

    /** A server answering faithfully, after first serving the given faults in order. */
    final LoopbackServer server(List<Function<Request, Reply>> faults) {
        ConcurrentLinkedQueue<Function<Request, Reply>> queue = new ConcurrentLinkedQueue<>(faults);
        return LoopbackServer.start(r -> {
            Function<Request, Reply> fault = queue.poll();
            if (fault != null) return fault.apply(r);
            if (!("Bearer " + KEY).equals(r.headers().get("authorization"))) {
                return LoopbackServer.status(
                        401, LoopbackServer.openAiError("invalid_request_error", "invalid_api_key", "bad key"));
            }
            if (r.path().equals("/v1/models"))
                return Wire.models(servedModels(r).toArray(String[]::new));
            return answer(r);
        });
    }

    final StepScorer scorer(LoopbackServer server, Map<String, String> extra) {
        Map<String, String> o = new LinkedHashMap<>(scorerOptions(server.url()));
        o.putAll(extra);
        return StepScorers.create(scorerName(), new ScorerOptions(o));
    }

    final void assertScores(List<Trace> traces, List<StepScores> got) {
        assertEquals(traces.size(), got.size());
        for (int i = 0; i < traces.size(); i++) {
            Trace t = traces.get(i);
            assertEquals(t.id(), got.get(i).traceId());
            assertArrayEquals(expected(t), got.get(i).toArray(), 1e-12, "scores of " + t.id());
        }
    }

    static long attempts(StepScorer s) {
        return ((RemoteScorer) s).requestCounts().requests();
    }

    @Test
    void scoresEveryStepOfEveryTrace() {
        try (LoopbackServer server = server(List.of());
                StepScorer s = scorer(server, Map.of())) {
            assertInstanceOf(RemoteScorer.class, s);
            assertScores(TRACES, s.score(TRACES));
            assertEquals(TRACES.size() * requestsPerTrace(), server.requests().size());
            assertEquals(TRACES.size() * requestsPerTrace(), attempts(s));
            assertEquals(0, ((RemoteScorer) s).requestCounts().retries());
            for (Request r : server.requests()) {
                assertEquals("POST", r.method());
                assertEquals("application/json", r.headers().get("content-type"));
            }
        }
    }

    @Test
    void readsChunkedBodies() {
        try (LoopbackServer server = LoopbackServer.start(r -> ((LoopbackServer.Respond) answer(r)).withChunked());
                StepScorer s = scorer(server, Map.of())) {
            assertScores(TRACES, s.score(TRACES));
        }
    }

    @Test
    void retries429HonouringRetryAfter() {
        List<Function<Request, Reply>> faults = List.of(r -> LoopbackServer.status(
                        429, LoopbackServer.openAiError("rate_limit_exceeded", "rate_limit_exceeded", "slow down"))
                .withHeader("Retry-After", "1"));
        Trace t = TRACES.get(1);
        try (LoopbackServer server = server(faults);
                StepScorer s = scorer(server, Map.of())) {
            assertScores(List.of(t), s.score(List.of(t)));
            List<Request> rs = server.requests();
            assertEquals(requestsPerTrace() + 1, rs.size());
            long waitedMs = (rs.get(rs.size() - 1).receivedNanos() - rs.get(0).receivedNanos()) / 1_000_000;
            assertTrue(waitedMs >= 1000, "Retry-After: 1 must delay the retry by >= 1000 ms, waited " + waitedMs);
            assertEquals(1, ((RemoteScorer) s).requestCounts().retries());
        }
    }

    @Test
    void retries5xx() {
        List<Function<Request, Reply>> faults = List.of(
                r -> LoopbackServer.status(500, LoopbackServer.vllmError(500, "InternalServerError", "boom")),
                r -> LoopbackServer.status(502, "<html>bad gateway</html>"),
                r -> LoopbackServer.status(503, ""));
        try (LoopbackServer server = server(faults);
                StepScorer s = scorer(server, Map.of())) {
            assertScores(TRACES, s.score(TRACES));
            assertEquals(
                    TRACES.size() * requestsPerTrace() + 3, server.requests().size());
            assertEquals(3, ((RemoteScorer) s).requestCounts().retries());
        }
    }

    @Test
    void retriesDroppedConnections() {
        List<Function<Request, Reply>> faults = List.of(
                r -> new LoopbackServer.Drop(),
                r -> new LoopbackServer.DropMidBody("{\"id\": \"x\", \"data\": [[0.5, 0.5]]}"));
        try (LoopbackServer server = server(faults);
                StepScorer s = scorer(server, Map.of())) {
            assertScores(TRACES, s.score(TRACES));
            assertEquals(2, ((RemoteScorer) s).requestCounts().retries());
        }
    }

    @Test
    void retriesSlowResponsesAfterTheTimeout() {
        List<Function<Request, Reply>> faults = List.of(r -> ((LoopbackServer.Respond) answer(r)).withDelay(4500));
        Trace t = TRACES.get(0);
        try (LoopbackServer server = server(faults);
                StepScorer s = scorer(server, Map.of())) {
            assertScores(List.of(t), s.score(List.of(t)));
            assertEquals(requestsPerTrace() + 1, server.requests().size());
            assertEquals(1, ((RemoteScorer) s).requestCounts().retries());
        }
    }

    @Test
    void badRequestFailsAtOnceWithTheServersMessage() {
        String msg = "This model's maximum context length is 4096 tokens. However, you requested 5000 tokens";
        List<Function<Request, Reply>> faults =
                List.of(r -> LoopbackServer.status(400, LoopbackServer.vllmError(400, "BadRequestError", msg)));
        Trace t = TRACES.get(0);
        try (LoopbackServer server = server(faults);
                StepScorer s = scorer(server, Map.of("concurrency", "1"))) {
            VeristepException e = assertThrows(VeristepException.class, () -> s.score(List.of(t)));
            assertFalse(e.retriable());
            assertEquals(400, ((HttpFailure.NonRetriable) e).status());
            assertTrue(e.getMessage().contains(msg), e.getMessage());
            // Never retried; with two requests per trace the second may be cancelled before it is sent.
            int n = server.requests().size();
            assertTrue(n >= 1 && n <= requestsPerTrace(), "a 400 is never retried: " + n + " requests");
        }
    }

    @Test
    void wrongKeyFailsAtOnce() {
        Trace t = TRACES.get(0);
        try (LoopbackServer server = server(List.of())) {
            Map<String, String> bad = new LinkedHashMap<>();
            bad.put("api_key_env", "PATH"); // set in every environment, and not the key the server wants
            if (scorerOptions(server.url()).containsKey("ref_endpoint")) bad.put("ref_api_key_env", "PATH");
            try (StepScorer s = scorer(server, bad)) {
                VeristepException e = assertThrows(VeristepException.class, () -> s.score(List.of(t)));
                assertFalse(e.retriable());
                assertEquals(401, ((HttpFailure.NonRetriable) e).status());
                assertTrue(e.getMessage().contains("bad key"), e.getMessage());
                assertFalse(e.getMessage().contains(System.getenv("PATH")), "the token must never be printed");
                assertTrue(server.requests().size() <= requestsPerTrace());
            }
        }
    }

    @Test
    void notFoundFailsAtOnce() {
        List<Function<Request, Reply>> faults = new ArrayList<>();
        for (int i = 0; i < requestsPerTrace(); i++) {
            faults.add(r -> LoopbackServer.status(
                    404, LoopbackServer.vllmError(404, "NotFoundError", "The model `nope` does not exist.")));
        }
        try (LoopbackServer server = server(faults);
                StepScorer s = scorer(server, Map.of())) {
            VeristepException e = assertThrows(VeristepException.class, () -> s.score(List.of(TRACES.get(0))));
            assertEquals(404, ((HttpFailure.NonRetriable) e).status());
            assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
            int n = server.requests().size();
            assertTrue(n >= 1 && n <= requestsPerTrace(), "a 404 is never retried: " + n + " requests");
        }
    }

    @Test
    void givesUpAfterTheRetriesAsRetriable() {
        try (LoopbackServer server = LoopbackServer.start(r -> LoopbackServer.status(503, "overloaded"));
                StepScorer s = scorer(server, Map.of())) {
            VeristepException e = assertThrows(VeristepException.class, () -> s.score(List.of(TRACES.get(0))));
            assertTrue(e.retriable());
            assertEquals(503, ((HttpFailure.Retriable) e).status());
            assertTrue(server.requests().size() >= MAX_RETRIES + 1);
            assertTrue(server.requests().size() <= (MAX_RETRIES + 1) * requestsPerTrace());
        }
    }

    @Test
    void failsLoudlyWithoutOneScorePerStep() {
        Trace t = TRACES.get(1);
        try (LoopbackServer server = LoopbackServer.start(this::wrongAnswer);
                StepScorer s = scorer(server, Map.of())) {
            VeristepException e = assertThrows(VeristepException.class, () -> s.score(List.of(t)));
            assertFalse(e.retriable());
            assertTrue(e.getMessage().contains("'t2'"), e.getMessage());
        }
    }

    @Test
    void boundsRequestsInFlight() {
        List<Trace> many = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Trace t = TRACES.get(i % TRACES.size());
            many.add(new Trace(t.id() + "-" + i, t.problem(), t.steps(), null, null));
        }
        try (LoopbackServer server = LoopbackServer.start(r -> ((LoopbackServer.Respond) answer(r)).withDelay(50));
                StepScorer s = scorer(server, concurrencyTwo())) {
            List<StepScores> got = s.score(many);
            for (int i = 0; i < many.size(); i++) {
                assertArrayEquals(
                        expected(TRACES.get(i % TRACES.size())), got.get(i).toArray(), 1e-12);
            }
            assertTrue(
                    server.maxInFlight() <= 2 * endpoints(),
                    "at most 2 requests per endpoint in flight, saw " + server.maxInFlight());
        }
    }

    private Map<String, String> concurrencyTwo() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("concurrency", "2");
        if (endpoints() == 2) o.put("ref_concurrency", "2");
        return o;
    }

    /** {@return how many endpoints (clients) the scorer uses} */
    int endpoints() {
        return 1;
    }

    @Test
    void preflightFindsTheServedModelsOrNamesWhatIsServed() {
        try (LoopbackServer server = server(List.of());
                StepScorer s = scorer(server, Map.of())) {
            ((RemoteScorer) s).preflight();
            assertEquals("/v1/models", server.requests().get(0).path());
            assertEquals("GET", server.requests().get(0).method());
        }
        try (LoopbackServer server = LoopbackServer.start(r -> Wire.models("some/other-model"));
                StepScorer s = scorer(server, Map.of())) {
            VeristepException e = assertThrows(VeristepException.class, () -> ((RemoteScorer) s).preflight());
            assertFalse(e.retriable());
            assertTrue(e.getMessage().contains("it serves: some/other-model"), e.getMessage());
        }
        try (LoopbackServer server =
                        LoopbackServer.start(r -> LoopbackServer.status(404, "{\"detail\":\"Not Found\"}"));
                StepScorer s = scorer(server, Map.of())) {
            ((RemoteScorer) s).preflight(); // a server without /v1/models is not held against the run
        }
    }

    @Test
    void missingKeyVariableFailsAtCreation() {
        try (LoopbackServer server = server(List.of())) {
            VeristepException e = assertThrows(
                    VeristepException.class, () -> scorer(server, Map.of("api_key_env", "VERISTEP_SURELY_UNSET_42")));
            assertTrue(e.getMessage().contains("VERISTEP_SURELY_UNSET_42"), e.getMessage());
        }
    }

    @Test
    void rejectsUnknownOptionsListingTheSupportedOnes() {
        try (LoopbackServer server = server(List.of())) {
            VeristepException e =
                    assertThrows(VeristepException.class, () -> scorer(server, Map.of("temprature", "0")));
            assertTrue(e.getMessage().contains("temprature"), e.getMessage());
            assertTrue(e.getMessage().contains("endpoint"), e.getMessage());
        }
    }
}
