package org.veristep.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veristep.BadInputException;
import org.veristep.TestData;
import org.veristep.VeristepException;
import org.veristep.dataset.TraceFiles;
import org.veristep.dataset.TraceRecord;
import org.veristep.dataset.VeristepJsonl;
import org.veristep.json.Json;
import org.veristep.trace.Provenance;
import org.veristep.trace.StepScores;
import org.veristep.trace.Trace;

/** The resumable scoring job on the real ProcessBench gsm8k cases, with an in-process scorer. */
class ScoringJobTest {
    @TempDir
    Path dir;

    static final Provenance PROV = new Provenance(
            "test", "step-index", null, null, Map.of("k", "v"), null, Instant.parse("2026-11-29T00:00:00Z"));

    /** Scores step i of a trace 1/(i+1); records which traces it was asked for; fails the ids given. */
    static final class StepIndexScorer implements StepScorer {
        final Set<String> asked = ConcurrentHashMap.newKeySet();
        final Set<String> failing;

        StepIndexScorer(Set<String> failing) {
            this.failing = failing;
        }

        @Override
        public String name() {
            return "step-index";
        }

        @Override
        public List<StepScores> score(List<Trace> traces) {
            List<StepScores> out = new ArrayList<>();
            for (Trace t : traces) {
                asked.add(t.id());
                if (failing.contains(t.id())) {
                    throw new VeristepException.Retriable("HTTP 503 from the test server for " + t.id());
                }
                double[] s = new double[t.size()];
                for (int i = 0; i < s.length; i++) s[i] = 1.0 / (i + 1);
                out.add(new StepScores(t.id(), s));
            }
            return out;
        }
    }

    static List<TraceRecord> gsm8k() {
        return TraceFiles.read(TestData.file("processbench/gsm8k.json"));
    }

    static List<JsonNode> lines(Path f) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            if (!l.isBlank()) out.add(Json.mapper().readTree(l));
        }
        return out;
    }

    static Set<String> uniqueIds(List<JsonNode> lines) {
        Set<String> ids = new HashSet<>();
        for (JsonNode n : lines) assertTrue(ids.add(n.get("id").asText()), "duplicate " + n.get("id"));
        return ids;
    }

    @Test
    void scoresEveryTraceOnceWithLabelsAndProvenance() throws IOException {
        List<TraceRecord> in = gsm8k();
        assertEquals(400, in.size());
        Path out = dir.resolve("out.jsonl");
        StepIndexScorer s = new StepIndexScorer(Set.of());
        ScoringJob.Result r = ScoringJob.builder(s, out)
                .concurrency(8)
                .provenance(PROV)
                .build()
                .run(in);
        assertTrue(r.complete());
        assertEquals(400, r.progress().scored());
        List<JsonNode> lines = lines(out);
        assertEquals(400, uniqueIds(lines).size());
        JsonNode first = lines.stream()
                .filter(n -> n.get("id").asText().equals("gsm8k-0"))
                .findFirst()
                .orElseThrow();
        TraceRecord rec = VeristepJsonl.parse(first, "out", 1);
        assertEquals(in.get(0).labeled().firstError(), rec.labeled().firstError());
        assertEquals(1.0, rec.scores().get(0));
        assertEquals(0.5, rec.scores().get(1));
        assertEquals("step-index", rec.provenance().scorer());
        assertEquals("v", rec.provenance().parameters().get("k"));
        assertEquals(0, Files.size(ScoringJob.failedFile(out)));
    }

    @Test
    void resumesAfterATornLastLineScoringOnlyWhatIsMissing() throws IOException {
        List<TraceRecord> in = gsm8k();
        Path out = dir.resolve("out.jsonl");
        // A killed earlier run: 150 complete records, then half of the 151st.
        StepIndexScorer first = new StepIndexScorer(Set.of());
        List<String> written = new ArrayList<>();
        for (TraceRecord r : in.subList(0, 151)) {
            written.add(
                    VeristepJsonl.toLine(new TraceRecord(r.trace(), r.labeled(), first.score(r.trace()), null, PROV)));
        }
        String torn = written.get(150).substring(0, written.get(150).length() / 2);
        Files.writeString(out, String.join("\n", written.subList(0, 150)) + "\n" + torn, StandardCharsets.UTF_8);
        assertEquals(150, ScoringJob.completedIds(out).size());
        assertTrue(Files.readString(out).endsWith("}\n"), "the torn line is cut off");

        StepIndexScorer second = new StepIndexScorer(Set.of());
        ScoringJob.Result r = ScoringJob.builder(second, out)
                .concurrency(4)
                .provenance(PROV)
                .build()
                .run(in);
        assertEquals(150, r.progress().resumed());
        assertEquals(250, r.progress().scored());
        assertEquals(250, second.asked.size());
        for (TraceRecord t : in.subList(0, 150))
            assertFalse(second.asked.contains(t.trace().id()));
        assertEquals(400, uniqueIds(lines(out)).size());
    }

    @Test
    void recordsFailuresWithTheirReasonAndRetriesThemNextRun() throws IOException {
        List<TraceRecord> in = gsm8k();
        Path out = dir.resolve("out.jsonl");
        Set<String> bad = Set.of("gsm8k-3", "gsm8k-77", "gsm8k-399");
        ScoringJob.Result r = ScoringJob.builder(new StepIndexScorer(bad), out)
                .provenance(PROV)
                .build()
                .run(in);
        assertFalse(r.complete());
        assertEquals(397, r.progress().scored());
        assertEquals(3, r.progress().failed());
        List<JsonNode> failed = lines(r.failedFile());
        assertEquals(bad, uniqueIds(failed));
        for (JsonNode f : failed) {
            assertTrue(f.get("reason").asText().contains("HTTP 503"));
            assertTrue(f.get("retriable").asBoolean());
        }
        assertEquals(397, uniqueIds(lines(out)).size());

        StepIndexScorer healthy = new StepIndexScorer(Set.of());
        ScoringJob.Result again =
                ScoringJob.builder(healthy, out).provenance(PROV).build().run(in);
        assertTrue(again.complete());
        assertEquals(bad, healthy.asked);
        assertEquals(400, uniqueIds(lines(out)).size());
        assertEquals(0, Files.size(again.failedFile()));
    }

    @Test
    void stopsAfterTooManyFailuresInARow() {
        List<TraceRecord> in = gsm8k();
        Set<String> all = new HashSet<>();
        in.forEach(t -> all.add(t.trace().id()));
        Path out = dir.resolve("out.jsonl");
        VeristepException e =
                assertThrows(VeristepException.class, () -> ScoringJob.builder(new StepIndexScorer(all), out)
                        .concurrency(1)
                        .maxConsecutiveFailures(5)
                        .provenance(PROV)
                        .build()
                        .run(in));
        assertTrue(e.getMessage().contains("5 failures in a row"), e.getMessage());
    }

    @Test
    void tracesThatCanNeverBeScoredDoNotStopTheJob() {
        // Missing scores, bad input: non-retriable, one trace at a time; they say nothing of a server.
        List<TraceRecord> in = gsm8k().subList(0, 30);
        StepScorer neverScores = new StepScorer() {
            @Override
            public String name() {
                return "never";
            }

            @Override
            public List<StepScores> score(List<org.veristep.trace.Trace> traces) {
                throw new VeristepException.NonRetriable(
                        "no scores for trace '" + traces.get(0).id() + "'");
            }
        };
        ScoringJob.Result r = ScoringJob.builder(neverScores, dir.resolve("out.jsonl"))
                .concurrency(1)
                .maxConsecutiveFailures(5)
                .provenance(PROV)
                .build()
                .run(in);
        assertEquals(30, r.progress().failed());
        assertEquals(0, r.progress().scored());
    }

    @Test
    void twoRunsCannotWriteOneOutput() throws Exception {
        Path out = dir.resolve("locked.jsonl");
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(
                        ScoringJob.lockFile(out),
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.WRITE);
                java.nio.channels.FileLock held = ch.lock()) {
            assertTrue(held.isValid());
            VeristepException e =
                    assertThrows(VeristepException.class, () -> ScoringJob.builder(new StepIndexScorer(Set.of()), out)
                            .provenance(PROV)
                            .build()
                            .run(gsm8k().subList(0, 3)));
            assertTrue(e.getMessage().contains("another scoring run is writing"), e.getMessage());
        }
    }

    @Test
    void refusesToMixScoresOfAnotherConfiguration() throws IOException {
        List<TraceRecord> in = gsm8k().subList(0, 20);
        Path out = dir.resolve("out.jsonl");
        ScoringJob.builder(new StepIndexScorer(Set.of()), out)
                .provenance(PROV)
                .build()
                .run(in.subList(0, 10));
        Provenance otherModel =
                new Provenance("test", "step-index", "another-model", null, Map.of("k", "v"), null, Instant.now());
        BadInputException e =
                assertThrows(BadInputException.class, () -> ScoringJob.builder(new StepIndexScorer(Set.of()), out)
                        .provenance(otherModel)
                        .build()
                        .run(in));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("another-model"), e.getMessage());
        Provenance sameButLater =
                new Provenance("test", "step-index", null, "http://elsewhere", Map.of("k", "v"), null, Instant.now());
        ScoringJob.Result r = ScoringJob.builder(new StepIndexScorer(Set.of()), out)
                .provenance(sameButLater)
                .build()
                .run(in);
        assertEquals(10, r.progress().resumed());
        assertEquals(20, uniqueIds(lines(out)).size());
    }

    @Test
    void restartDiscardsTheOutputAndItsFailuresAndScoresEverythingAgain() throws IOException {
        List<TraceRecord> in = gsm8k().subList(0, 20);
        Path out = dir.resolve("out.jsonl");
        ScoringJob.builder(new StepIndexScorer(Set.of("gsm8k-3")), out)
                .provenance(PROV)
                .build()
                .run(in.subList(0, 10));
        assertEquals(9, lines(out).size());
        assertEquals(1, lines(ScoringJob.failedFile(out)).size());
        // Records of another model would be refused on resume; restart discards them instead.
        Provenance otherModel =
                new Provenance("test", "step-index", "another-model", null, Map.of("k", "v"), null, Instant.now());
        StepIndexScorer s = new StepIndexScorer(Set.of());
        ScoringJob.Result r = ScoringJob.builder(s, out)
                .provenance(otherModel)
                .restart(true)
                .build()
                .run(in);
        assertEquals(0, r.progress().resumed());
        assertEquals(20, r.progress().scored());
        assertEquals(20, s.asked.size());
        List<JsonNode> lines = lines(out);
        assertEquals(20, uniqueIds(lines).size());
        for (JsonNode n : lines)
            assertEquals("another-model", n.get("provenance").get("model").asText());
        assertEquals(0, Files.size(ScoringJob.failedFile(out)));
    }

    @Test
    void twoRunsNeverWriteOneOutput() throws Exception {
        Path out = dir.resolve("out.jsonl");
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        StepScorer slow = new StepScorer() {
            @Override
            public String name() {
                return "step-index";
            }

            @Override
            public List<StepScores> score(List<Trace> traces) {
                inside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new StepIndexScorer(Set.of()).score(traces);
            }
        };
        List<TraceRecord> in = gsm8k().subList(0, 3);
        Thread first = Thread.ofVirtual().start(() -> ScoringJob.builder(slow, out)
                .concurrency(1)
                .provenance(PROV)
                .build()
                .run(in));
        inside.await();
        VeristepException e =
                assertThrows(VeristepException.class, () -> ScoringJob.builder(new StepIndexScorer(Set.of()), out)
                        .provenance(PROV)
                        .build()
                        .run(in));
        assertTrue(e.getMessage().contains("another scoring run is writing"), e.getMessage());
        release.countDown();
        first.join();
        assertEquals(3, uniqueIds(lines(out)).size());
    }

    @Test
    void anErrorInTheScorerStopsTheJobInsteadOfLosingTraces() {
        StepScorer broken = new StepScorer() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public List<StepScores> score(List<Trace> traces) {
                throw new StackOverflowError("deep recursion in a scorer");
            }
        };
        Path out = dir.resolve("out.jsonl");
        StackOverflowError e = assertThrows(
                StackOverflowError.class,
                () -> ScoringJob.builder(broken, out).provenance(PROV).build().run(gsm8k()));
        assertEquals("deep recursion in a scorer", e.getMessage());
    }

    @Test
    void rejectsDuplicateInputIdsAndCorruptEarlierLines() throws IOException {
        List<TraceRecord> in = gsm8k();
        List<TraceRecord> dup = List.of(in.get(0), in.get(1), in.get(0));
        Path out = dir.resolve("out.jsonl");
        assertThrows(VeristepException.class, () -> ScoringJob.builder(new StepIndexScorer(Set.of()), out)
                .provenance(PROV)
                .build()
                .run(dup));
        Files.writeString(out, "{\"id\": \"a\"}\nnot json\n{\"id\": \"b\"}\n", StandardOpenOption.CREATE);
        BadInputException b = assertThrows(BadInputException.class, () -> ScoringJob.completedIds(out));
        assertEquals(2, b.line());
    }
}
