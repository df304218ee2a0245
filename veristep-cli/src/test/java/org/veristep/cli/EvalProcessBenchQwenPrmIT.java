package org.veristep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veristep.dataset.TraceFiles;
import org.veristep.dataset.TraceRecord;
import org.veristep.json.Json;

/**
 * {@code veristep eval processbench --scorer qwen-prm} end to end against the vLLM-like loopback
 * server, on the real gsm8k subset. The server's test PRM gives the k-th step p = 1/(k+2): 0.5, 1/3,
 * 1/4 ..., so at threshold 0.5 the first step below it is step 1 and every trace with two or more
 * steps is predicted to fail at step 1, a one-step trace at -1. Hence, counted from the data alone:
 * error hits = error cases labelled 1, correct hits = correct cases of one step.
 */
class EvalProcessBenchQwenPrmIT {
    @TempDir
    Path dir;

    @Test
    void evaluatesAServedPrm() throws Exception {
        List<TraceRecord> cases = TraceFiles.read(FakeVllm.gsm8k());
        int errorCases = 0, errorHits = 0, correctCases = 0, correctHits = 0;
        for (TraceRecord c : cases) {
            int label = c.labeled().firstError();
            int predicted = c.trace().size() >= 2 ? 1 : -1;
            if (label == -1) {
                correctCases++;
                if (predicted == -1) correctHits++;
            } else {
                errorCases++;
                if (predicted == label) errorHits++;
            }
        }
        Path out = dir.resolve("eval");
        try (FakeVllm server = new FakeVllm(0)) {
            CliRun run = CliRun.of(
                    "eval",
                    "processbench",
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
                    "--quiet",
                    "--json");
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(400, server.inputs.size());
        }
        JsonNode g = Json.mapper()
                .readTree(out.resolve("metrics.json").toFile())
                .path("subsets")
                .path("gsm8k");
        assertEquals(errorCases, g.path("error_cases").asInt());
        assertEquals(errorHits, g.path("error_hits").asInt());
        assertEquals(correctCases, g.path("correct_cases").asInt());
        assertEquals(correctHits, g.path("correct_hits").asInt());
        double e = (double) errorHits / errorCases;
        double c = (double) correctHits / correctCases;
        assertEquals(2 * e * c / (e + c), g.path("f1").asDouble(), 1e-12);
    }
}
