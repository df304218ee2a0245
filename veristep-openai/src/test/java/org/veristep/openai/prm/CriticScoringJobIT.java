package org.veristep.openai.prm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veristep.dataset.TraceRecord;
import org.veristep.json.Json;
import org.veristep.openai.LoopbackServer;
import org.veristep.score.ScorerOptions;
import org.veristep.score.ScoringJob;
import org.veristep.score.StepScorer;
import org.veristep.score.StepScorers;
import org.veristep.trace.Provenance;
import org.veristep.trace.Trace;

/**
 * A scoring job with the critic writes, beside each trace's step scores, the step details that the
 * same chat response produced (one request per trace: scores and reasons are never from two runs).
 */
class CriticScoringJobIT {
    @TempDir
    Path dir;

    @Test
    void writesStepDetailsFromTheSameResponse() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        // Three votes per trace: first errors 0, -1 and 1.
        List<String> votes = List.of("\\boxed{0}", "\\boxed{-1}", "\\boxed{1}");
        Path out = dir.resolve("critic.jsonl");
        try (LoopbackServer server = LoopbackServer.start(r -> {
                    if (r.path().equals("/v1/models")) return Wire.models("m");
                    calls.incrementAndGet();
                    return Wire.chat("m", votes);
                });
                StepScorer s = StepScorers.create(
                        "critic",
                        new ScorerOptions(
                                Map.of("endpoint", server.url(), "model", "m", "votes", "3", "vote", "share")))) {
            List<TraceRecord> in = new ArrayList<>();
            for (Trace t : AbstractHttpScorerContract.TRACES) {
                if (t.size() >= 2) in.add(TraceRecord.of(t));
            }
            ScoringJob.builder(s, out)
                    .provenance(new Provenance("test", "critic", "m", server.url(), Map.of(), 42L, Instant.now()))
                    .build()
                    .run(in);
            assertEquals(in.size(), calls.get());
        }
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            JsonNode n = Json.mapper().readTree(line);
            JsonNode scores = n.get("step_scores");
            JsonNode details = n.get("step_details");
            assertEquals(n.get("steps").size(), details.size());
            // Step 0 is correct for votes -1 and 1 (2 of 3); step 1 only for -1 (1 of 3); step 2 likewise.
            assertEquals(2.0 / 3, scores.get(0).asDouble(), 1e-15);
            assertEquals(1.0 / 3, scores.get(1).asDouble(), 1e-15);
            for (int i = 0; i < details.size(); i++) {
                JsonNode d = details.get(i);
                assertEquals(
                        scores.get(i).asDouble(),
                        d.get("votes_correct").asDouble() / d.get("votes_valid").asInt());
            }
            assertEquals(3, details.get(0).get("critiques").size());
            assertEquals("0", details.get(0).get("boxed").get(0).asText());
        }
    }
}
