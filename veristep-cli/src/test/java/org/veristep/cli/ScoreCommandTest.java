package org.veristep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veristep.dataset.TraceFiles;
import org.veristep.dataset.TraceRecord;
import org.veristep.json.Json;
import org.veristep.openai.prm.QwenPrmScorer;
import picocli.CommandLine;

/** {@code veristep score} in-process against a vLLM-like loopback server, on the real gsm8k cases. */
class ScoreCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = VeristepCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static Set<String> ids(Path output) throws Exception {
        Set<String> ids = new HashSet<>();
        for (String l : FakeVllm.readLines(output)) {
            JsonNode n = Json.mapper().readTree(l);
            assertTrue(ids.add(n.get("id").asText()), "duplicate " + n.get("id"));
        }
        return ids;
    }

    @Test
    void scoresProcessBenchIntoVeristepJsonl() throws Exception {
        Path out = dir.resolve("scores.jsonl");
        try (FakeVllm server = new FakeVllm(0)) {
            Run r = run(
                    "score",
                    "--scorer",
                    "qwen-prm",
                    "--endpoint",
                    server.url(),
                    "--model",
                    "Qwen/Qwen2.5-Math-PRM-7B",
                    "--input",
                    FakeVllm.gsm8k().toString(),
                    "--output",
                    out.toString(),
                    "--concurrency",
                    "16");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.err().contains("scored 400, resumed 0, failed 0 of 400"), r.err());
            assertTrue(r.err().contains(" 0 retries"), r.err());
            // GET /v1/models first, then one /pooling per trace, each reporting 100 prompt tokens.
            assertTrue(r.err().contains("(401 requests, 0 retries, 40000 prompt + 0 completion tokens)"), r.err());
            assertEquals(400, server.inputs.size());
        }
        assertEquals(400, ids(out).size());
        JsonNode first = Json.mapper().readTree(FakeVllm.readLines(out).get(0));
        int steps = first.get("steps").size();
        for (int k = 0; k < steps; k++)
            assertEquals(1.0 / (k + 2), first.get("step_scores").get(k).asDouble());
        assertEquals("qwen-prm", first.get("provenance").get("scorer").asText());
        assertEquals(
                "Qwen/Qwen2.5-Math-PRM-7B", first.get("provenance").get("model").asText());
        assertTrue(first.get("provenance").get("endpoint").asText().startsWith("http://127.0.0.1:"));
        assertTrue(first.has("first_error"), "ProcessBench labels are kept");
    }

    @Test
    void recordsFailuresThenARerunScoresOnlyThem() throws Exception {
        Path out = dir.resolve("scores.jsonl");
        List<TraceRecord> traces = TraceFiles.read(FakeVllm.gsm8k());
        // The server always fails three traces (503 on every try).
        Set<String> failingInputs = new HashSet<>();
        for (int i : new int[] {5, 123, 300}) {
            failingInputs.add(QwenPrmScorer.input(
                    QwenPrmScorer.DEFAULT_SYSTEM, traces.get(i).trace()));
        }
        try (FakeVllm server = new FakeVllm(0)) {
            server.failing = failingInputs::contains;
            String[] args = {
                "score",
                "--scorer",
                "qwen-prm",
                "--endpoint",
                server.url(),
                "--model",
                "m",
                "-O",
                "max_retries=2",
                "-O",
                "backoff_ms=1",
                "--input",
                FakeVllm.gsm8k().toString(),
                "--output",
                out.toString()
            };
            Run r = run(args);
            assertEquals(1, r.code(), r.err());
            assertTrue(r.err().contains("3 traces failed"), r.err());
            assertTrue(r.err().contains(" 6 retries"), r.err());
            List<String> failed = FakeVllm.readLines(dir.resolve("scores.jsonl.failed.jsonl"));
            assertEquals(3, failed.size());
            assertTrue(failed.get(0).contains("HTTP 503: overloaded"), failed.get(0));
            assertEquals(397, ids(out).size());
            JsonNode params = Json.mapper()
                    .readTree(FakeVllm.readLines(out).get(0))
                    .get("provenance")
                    .get("parameters");
            assertEquals(
                    0, params.size(), "transport options (max_retries, backoff_ms) do not change scores: " + params);

            server.failing = s -> false;
            server.inputs.clear();
            Run again = run(args);
            assertEquals(0, again.code(), again.err());
            assertEquals(failingInputs, new HashSet<>(server.inputs));
            assertTrue(again.err().contains("scored 3, resumed 397, failed 0 of 400"), again.err());
        }
        assertEquals(400, ids(out).size());
    }

    @Test
    void restartDiscardsRecordsOfOtherSettingsAndTheFailedFile() throws Exception {
        Path out = dir.resolve("scores.jsonl");
        String in = FakeVllm.gsm8k().toString();
        Run first = run("score", "--scorer", "symbolic", "--input", in, "--output", out.toString(), "--quiet");
        assertEquals(0, first.code(), first.err());
        assertEquals(400, ids(out).size());
        java.nio.file.Files.writeString(
                org.veristep.score.ScoringJob.failedFile(out), "{\"id\":\"stale\",\"reason\":\"old run\"}\n");
        // Other settings than the records there: resuming is refused, naming the line and the fix.
        Run mixed = run(
                "score",
                "--scorer",
                "symbolic",
                "-O",
                "prior=0.9",
                "--input",
                in,
                "--output",
                out.toString(),
                "--quiet");
        assertEquals(1, mixed.code());
        assertTrue(mixed.err().contains(out + ":1"), mixed.err());
        assertTrue(mixed.err().contains("add --restart to start over"), mixed.err());
        Run restarted = run(
                "score",
                "--scorer",
                "symbolic",
                "-O",
                "prior=0.9",
                "--input",
                in,
                "--output",
                out.toString(),
                "--restart");
        assertEquals(0, restarted.code(), restarted.err());
        assertTrue(restarted.err().contains("scored 400, resumed 0, failed 0 of 400"), restarted.err());
        assertEquals(400, ids(out).size());
        for (String l : FakeVllm.readLines(out)) {
            JsonNode p = Json.mapper().readTree(l).get("provenance");
            assertEquals("0.9", p.get("parameters").get("prior").asText(), l);
        }
        assertEquals(0, java.nio.file.Files.size(org.veristep.score.ScoringJob.failedFile(out)));
    }

    @Test
    void quietPrintsNothingAndBadOptionsSayWhatIsSupported() throws Exception {
        Path out = dir.resolve("q.jsonl");
        try (FakeVllm server = new FakeVllm(0)) {
            Run r = run(
                    "score",
                    "--scorer",
                    "qwen-prm",
                    "--endpoint",
                    server.url(),
                    "--model",
                    "m",
                    "--input",
                    FakeVllm.gsm8k().toString(),
                    "--output",
                    out.toString(),
                    "--quiet");
            assertEquals(0, r.code(), r.err());
            assertEquals("", r.err());
            Run wrongModel = run(
                    "score",
                    "--scorer",
                    "qwen-prm",
                    "--endpoint",
                    server.url(),
                    "--model",
                    "Qwen/Qwen2.5-Math-PRM-72B",
                    "--input",
                    FakeVllm.gsm8k().toString(),
                    "--output",
                    dir.resolve("w.jsonl").toString());
            assertEquals(1, wrongModel.code());
            assertTrue(
                    wrongModel.err().contains("does not serve model 'Qwen/Qwen2.5-Math-PRM-72B'; it serves: m, "),
                    wrongModel.err());
            Run bad = run(
                    "score",
                    "--scorer",
                    "qwen-prm",
                    "--endpoint",
                    server.url(),
                    "--model",
                    "m",
                    "-O",
                    "temperature=0",
                    "--input",
                    FakeVllm.gsm8k().toString(),
                    "--output",
                    out.toString());
            assertEquals(2, bad.code()); // a usage error
            assertTrue(bad.err().contains("does not support option 'temperature'; it supports: "), bad.err());
        }
    }
}
