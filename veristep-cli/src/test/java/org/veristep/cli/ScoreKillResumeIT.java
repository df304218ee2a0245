package org.veristep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veristep.dataset.TraceFiles;
import org.veristep.dataset.TraceRecord;
import org.veristep.json.Json;
import org.veristep.openai.prm.QwenPrmScorer;

/**
 * Runs {@code veristep score} as a separate JVM against a slow loopback server, kills it
 * (destroyForcibly, i.e. SIGKILL) in the middle of the run, restarts it with the same output, and
 * checks that the final output has every record exactly once and that the second run asked only for
 * what was missing.
 */
class ScoreKillResumeIT {
    @TempDir
    Path dir;

    private Process start(String url, Path out) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = List.of(
                java,
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "score",
                "--scorer",
                "qwen-prm",
                "--endpoint",
                url,
                "--model",
                "Qwen/Qwen2.5-Math-PRM-7B",
                "--input",
                FakeVllm.gsm8k().toString(),
                "--output",
                out.toString(),
                "--concurrency",
                "4");
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("log-" + System.nanoTime() + ".txt").toFile())
                .start();
    }

    private static List<String> completeIds(Path out) throws Exception {
        List<String> ids = new ArrayList<>();
        if (!Files.exists(out)) return ids;
        String text = Files.readString(out);
        int end = text.lastIndexOf('\n');
        if (end < 0) return ids;
        for (String line : text.substring(0, end).split("\n")) {
            if (!line.isBlank()) ids.add(Json.mapper().readTree(line).get("id").asText());
        }
        return ids;
    }

    @Test
    void killedRunResumesToEveryRecordExactlyOnce() throws Exception {
        List<TraceRecord> traces = TraceFiles.read(FakeVllm.gsm8k());
        Map<String, String> idByInput = new HashMap<>();
        for (TraceRecord t : traces) {
            idByInput.put(
                    QwenPrmScorer.input(QwenPrmScorer.DEFAULT_SYSTEM, t.trace()),
                    t.trace().id());
        }
        assertEquals(400, idByInput.size(), "every gsm8k case has a distinct PRM input");
        Path out = dir.resolve("scores.jsonl");
        try (FakeVllm server = new FakeVllm(40)) {
            Process first = start(server.url(), out);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (completeIds(out).size() < 100) {
                assertTrue(first.isAlive(), "the first run ended before it could be killed");
                assertTrue(System.nanoTime() < deadline, "no progress within 120 s");
                Thread.sleep(20);
            }
            first.destroyForcibly();
            assertTrue(first.waitFor(30, TimeUnit.SECONDS));
            Set<String> doneAtKill = new HashSet<>(completeIds(out));
            long bytesAtKill = Files.size(out);
            System.out.printf(
                    "killed after %d complete records (%d bytes, last line %s)%n",
                    doneAtKill.size(), bytesAtKill, Files.readString(out).endsWith("\n") ? "complete" : "torn");
            assertTrue(
                    doneAtKill.size() >= 100 && doneAtKill.size() < 400, "killed in the middle: " + doneAtKill.size());

            server.inputs.clear();
            Process second = start(server.url(), out);
            assertTrue(second.waitFor(180, TimeUnit.SECONDS), "the resumed run did not finish");
            assertEquals(0, second.exitValue());

            Set<String> askedSecond = new HashSet<>();
            for (String input : server.inputs) askedSecond.add(idByInput.get(input));
            Set<String> overlap = new HashSet<>(askedSecond);
            overlap.retainAll(doneAtKill);
            assertEquals(Set.of(), overlap, "the resumed run asked again for records already written");
            assertEquals(400 - doneAtKill.size(), askedSecond.size());
        }
        List<String> lines = FakeVllm.readLines(out);
        Set<String> ids = new HashSet<>();
        for (String l : lines) {
            JsonNode n = Json.mapper().readTree(l);
            assertTrue(ids.add(n.get("id").asText()), "duplicate record " + n.get("id"));
            assertEquals(n.get("steps").size(), n.get("step_scores").size());
        }
        Set<String> expected = new HashSet<>();
        traces.forEach(t -> expected.add(t.trace().id()));
        assertEquals(expected, ids);
        assertEquals(400, lines.size());
        assertTrue(new File(out + ".failed.jsonl").length() == 0);
    }
}
