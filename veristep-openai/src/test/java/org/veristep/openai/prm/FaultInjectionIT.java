package org.veristep.openai.prm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veristep.dataset.TraceFiles;
import org.veristep.dataset.TraceRecord;
import org.veristep.json.Json;
import org.veristep.openai.LoopbackServer;
import org.veristep.score.ScorerOptions;
import org.veristep.score.ScoringJob;
import org.veristep.score.StepScorer;
import org.veristep.score.StepScorers;
import org.veristep.trace.Provenance;

/**
 * A scoring job over the 400 real ProcessBench gsm8k cases with {@code qwen-prm} against a server
 * that injects faults on 30% of tries: 20% 5xx (500/502/503), 5% 429 with Retry-After: 1, 3% stalls
 * past the client's 2 s timeout (5 s), 2% dropped connections. Whether try k of an input faults, and how,
 * is a seeded function of (input, k), so the traces that must end failed (all 1 + max_retries tries
 * faulted) are known in advance: the test checks that exactly those are reported failed, with their
 * reason, that every other trace is scored correctly, and that nothing is lost or duplicated.
 */
class FaultInjectionIT {
    static final long SEED = Long.getLong("veristep.seed", 20261129L);
    static final int MAX_RETRIES = 2;

    @TempDir
    Path dir;

    enum Fault {
        NONE,
        S5XX,
        S429,
        TIMEOUT,
        DROP
    }

    static Fault fault(String input, int attempt) {
        SplittableRandom r =
                new SplittableRandom(SEED ^ (input.hashCode() * 0x9E3779B97F4A7C15L) ^ (attempt * 0xBF58476D1CE4E5B9L));
        double u = r.nextDouble();
        if (u < 0.20) return Fault.S5XX;
        if (u < 0.25) return Fault.S429;
        if (u < 0.28) return Fault.TIMEOUT;
        if (u < 0.30) return Fault.DROP;
        return Fault.NONE;
    }

    @Test
    void everyTraceEndsScoredOrReportedFailedWithItsReason() throws Exception {
        System.out.println("FaultInjectionIT seed " + SEED + " (-Dveristep.seed to replay)");
        Path data = Path.of(System.getProperty("veristep.testData"), "processbench", "gsm8k.json");
        List<TraceRecord> traces = TraceFiles.read(data);
        Map<String, Integer> attempts = new ConcurrentHashMap<>();
        Map<Fault, LongAdder> injected = new ConcurrentHashMap<>();
        AtomicInteger status = new AtomicInteger();
        Set<String> mustFail = new HashSet<>();
        Map<String, String> idByInput = new HashMap<>();
        for (TraceRecord t : traces) {
            String input = QwenPrmScorer.input(QwenPrmScorer.DEFAULT_SYSTEM, t.trace());
            idByInput.put(input, t.trace().id());
            boolean all = true;
            for (int k = 1; k <= MAX_RETRIES + 1; k++) all &= fault(input, k) != Fault.NONE;
            if (all) mustFail.add(t.trace().id());
        }
        Path out = dir.resolve("faults.jsonl");
        long start = System.nanoTime();
        ScoringJob.Result result;
        try (LoopbackServer server = LoopbackServer.start(r -> {
            if (r.path().equals("/v1/models")) return Wire.models(QwenPrmContractIT.MODEL);
            String input = r.json().path("input").asText();
            int k = attempts.merge(input, 1, Integer::sum);
            Fault f = fault(input, k);
            injected.computeIfAbsent(f, x -> new LongAdder()).increment();
            return switch (f) {
                case NONE -> new QwenPrmContractIT().answer(r);
                case S5XX -> {
                    int s = new int[] {500, 502, 503}[Math.floorMod(status.getAndIncrement(), 3)];
                    yield LoopbackServer.status(s, LoopbackServer.vllmError(s, "ServerError", "injected " + s));
                }
                case S429 ->
                    LoopbackServer.status(
                                    429,
                                    LoopbackServer.openAiError("rate_limit_exceeded", "rate_limit", "injected 429"))
                            .withHeader("Retry-After", "1");
                case TIMEOUT -> ((LoopbackServer.Respond) new QwenPrmContractIT().answer(r)).withDelay(5000);
                case DROP -> new LoopbackServer.Drop();
            };
        })) {
            Map<String, String> o = new LinkedHashMap<>();
            o.put("endpoint", server.url());
            o.put("model", QwenPrmContractIT.MODEL);
            o.put("timeout_s", "2");
            o.put("max_retries", String.valueOf(MAX_RETRIES));
            o.put("backoff_ms", "50");
            try (StepScorer s = StepScorers.create("qwen-prm", new ScorerOptions(o))) {
                result = ScoringJob.builder(s, out)
                        .concurrency(32)
                        .provenance(new Provenance("test", "qwen-prm", null, null, Map.of(), SEED, Instant.now()))
                        .build()
                        .run(traces);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ScoringJob.Progress p = result.progress();
        System.out.printf(
                Locale.ROOT,
                "fault run: %d traces, %d scored, %d failed (%d predicted), %d requests, %d retries, %.1f s;"
                        + " injected %s%n",
                p.total(),
                p.scored(),
                p.failed(),
                mustFail.size(),
                p.requests().requests(),
                p.requests().retries(),
                seconds,
                injected);

        Set<String> scored = new HashSet<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            JsonNode n = Json.mapper().readTree(line);
            assertTrue(scored.add(n.get("id").asText()), "duplicate " + n.get("id"));
            double[] expected = new double[n.get("steps").size()];
            for (int k = 0; k < expected.length; k++) expected[k] = 1.0 / (k + 2);
            double[] got = new double[expected.length];
            for (int k = 0; k < got.length; k++)
                got[k] = n.get("step_scores").get(k).asDouble();
            assertArrayEquals(expected, got, 0);
        }
        Map<String, String> reasons = new HashMap<>();
        for (String line : Files.readAllLines(result.failedFile(), StandardCharsets.UTF_8)) {
            JsonNode n = Json.mapper().readTree(line);
            reasons.put(n.get("id").asText(), n.get("reason").asText());
        }
        assertEquals(mustFail, reasons.keySet(), "exactly the traces whose every try faulted fail");
        for (String reason : reasons.values()) {
            assertTrue(
                    reason.matches("(?s).*(HTTP (429|50[023])|timed out|connection failed).*"),
                    "a failure names its cause: " + reason);
        }
        Set<String> all = new HashSet<>();
        traces.forEach(t -> all.add(t.trace().id()));
        Set<String> union = new HashSet<>(scored);
        union.addAll(reasons.keySet());
        assertEquals(all, union, "every trace is scored or reported failed");
        assertEquals(400, scored.size() + reasons.size(), "never both");
        assertEquals(p.scored(), scored.size());
        assertEquals(p.failed(), reasons.size());
    }
}
