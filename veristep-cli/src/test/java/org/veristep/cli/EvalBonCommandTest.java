package org.veristep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veristep.Veristep;
import org.veristep.json.Json;

class EvalBonCommandTest {
    @TempDir
    Path tmp;

    private static final String QWEN = "bon/qwen25math_rm_maj_example/math_cot_100.jsonl";

    private static JsonNode point(JsonNode metrics, String label) {
        for (JsonNode p : metrics.get("points")) {
            if (p.get("label").asText().equals(label)) return p;
        }
        throw new AssertionError("no point " + label);
    }

    /** Qwen2.5-Math's rm_maj_eval.py gives maj@8 = 93 and RM@8 = 94 on this file. */
    @Test
    void qwenMajAndRmAt8FromTheCommandLine() throws IOException {
        Path out = tmp.resolve("q");
        CliRun r = CliRun.of(
                "eval",
                "bon",
                "--input",
                CliRun.dataDir().resolve(QWEN).toString(),
                "--output",
                out.toString(),
                "--grouping",
                "exact",
                "--resamples",
                "100",
                "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode m = Json.mapper().readTree(r.out());
        assertEquals(m, Json.mapper().readTree(out.resolve("metrics.json").toFile()));
        assertEquals(93, point(m, "maj@8").get("correct").asInt());
        assertEquals(94, point(m, "naive@8/last").get("correct").asInt());
        assertEquals(96, point(m, "pass@8").get("correct").asInt());
        assertEquals(800, point(m, "naive@8/last").get("candidates_scored").asInt());
        assertEquals(Veristep.version(), m.get("provenance").get("tool_version").asText());
        assertEquals(
                "exact", m.get("provenance").get("parameters").get("grouping").asText());
        assertEquals(
                "qwen-rm", m.get("provenance").get("parameters").get("format").asText());
        // no --max-n: N is the smallest candidate count, 8, and that is what is recorded
        assertEquals("8", m.get("provenance").get("parameters").get("max_n").asText());

        // predictions.jsonl lets anyone recompute: maj@8 and naive@8 from the per-problem lines
        List<String> lines = Files.readAllLines(out.resolve("predictions.jsonl"));
        assertEquals(100, lines.size());
        int maj = 0, naive = 0;
        for (String line : lines) {
            JsonNode p = Json.mapper().readTree(line);
            JsonNode c = p.get("candidates");
            assertEquals(8, c.size());
            // recompute naive@8/last: first candidate with the highest score
            int best = 0;
            for (int i = 1; i < 8; i++) {
                if (c.get(i).get("aggregated").get("last").asDouble()
                        > c.get(best).get("aggregated").get("last").asDouble()) best = i;
            }
            assertEquals(best, p.get("selected").get("naive@8/last").asInt());
            if (c.get(best).get("correct").asBoolean()) naive++;
            if (p.get("correct").get("maj@8").asBoolean()) maj++;
        }
        assertEquals(93, maj);
        assertEquals(94, naive);
    }

    @Test
    void tableOnStdout() {
        CliRun r = CliRun.of(
                "eval",
                "bon",
                "--input",
                CliRun.dataDir().resolve(QWEN).toString(),
                "--output",
                tmp.resolve("t").toString(),
                "--resamples",
                "100");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("maj@8 = 93/100"), r.out());
        assertTrue(r.out().contains("grouping=grader"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("naive/last") && l.contains("94.0")), r.out());
    }

    @Test
    void rewardMathScoreFileIsDetected() throws IOException {
        Path out = tmp.resolve("rm");
        CliRun r = CliRun.of(
                "eval",
                "bon",
                "--input",
                CliRun.dataDir()
                        .resolve("rewardmath/RewardMATH/Math_Shepherd_reward.json")
                        .toString(),
                "--output",
                out.toString(),
                "--resamples",
                "100",
                "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode m = Json.mapper().readTree(r.out());
        assertEquals("rewardmath", m.get("benchmark").asText());
        assertEquals("Math_Shepherd", m.get("model").asText());
        assertEquals(83, m.get("aggregations").get("prod").get("correct").asInt());
        assertEquals(76, m.get("aggregations").get("geomean").get("correct").asInt());
        List<String> lines = Files.readAllLines(out.resolve("predictions.jsonl"));
        assertEquals(483, lines.size());
        // recompute the prod count from the ranks in predictions.jsonl
        int top1 = 0;
        for (String line : lines) {
            if (Json.mapper().readTree(line).get("rank").get("prod").asInt() == 1) top1++;
        }
        assertEquals(83, top1);
    }

    @Test
    void rewardBenchPairsAreDetected() throws IOException {
        CliRun r = CliRun.of(
                "eval",
                "bon",
                "--input",
                CliRun.dataDir()
                        .resolve("rewardmath/RewardBench/rewardbench_Math_Shepherd.json")
                        .toString(),
                "--output",
                tmp.resolve("rb").toString(),
                "--resamples",
                "100",
                "--aggregations",
                "prod,min",
                "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode m = Json.mapper().readTree(r.out());
        assertEquals("rewardbench", m.get("benchmark").asText());
        assertEquals(447, m.get("problems").asInt());
        assertEquals(422, m.get("aggregations").get("prod").get("correct").asInt());
        assertEquals(371, m.get("aggregations").get("min").get("correct").asInt());
        assertFalse(m.get("aggregations").has("mean"));
    }

    /**
     * Re-scoring RewardBench step text: the file scorer fed the stored Math-Shepherd step scores
     * (keyed by trace id) reproduces the stored-score figure; all-correct gives every solution the
     * same score, so the chosen one is never strictly higher: 0/447 in every aggregation.
     */
    @Test
    void rewardBenchRescoredWithAStepScorer() throws IOException {
        Path file = CliRun.dataDir().resolve("rewardmath/RewardBench/rewardbench_Math_Shepherd.json");
        StringBuilder scores = new StringBuilder();
        for (JsonNode s : Json.mapper().readTree(file.toFile())) {
            var o = Json.mapper().createObjectNode();
            o.put(
                    "id",
                    "rewardbench-" + s.get("problem_id").asInt() + "-"
                            + s.get("solution_type").asText());
            o.set("step_scores", s.get("output").get("step_scores"));
            scores.append(Json.mapper().writeValueAsString(o)).append('\n');
        }
        Path scoreFile = tmp.resolve("ms.jsonl");
        Files.writeString(scoreFile, scores);
        CliRun r = CliRun.of(
                "eval",
                "bon",
                "--input",
                file.toString(),
                "--output",
                tmp.resolve("f").toString(),
                "--scorer",
                "file",
                "--scores",
                scoreFile.toString(),
                "--resamples",
                "100",
                "--json",
                "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode m = Json.mapper().readTree(r.out());
        assertEquals(422, m.get("aggregations").get("prod").get("correct").asInt());
        assertEquals(294, m.get("aggregations").get("last").get("correct").asInt());
        assertEquals("file", m.get("provenance").get("scorer").asText());

        CliRun ac = CliRun.of(
                "eval",
                "bon",
                "--input",
                file.toString(),
                "--output",
                tmp.resolve("ac").toString(),
                "--scorer",
                "all-correct",
                "--resamples",
                "100",
                "--json",
                "--quiet");
        assertEquals(0, ac.exitCode(), ac.err());
        JsonNode a = Json.mapper().readTree(ac.out());
        for (var it = a.get("aggregations").fields(); it.hasNext(); ) {
            var e = it.next();
            assertEquals(0, e.getValue().get("correct").asInt(), e.getKey());
            assertEquals(0.5, e.getValue().get("mrr").asDouble(), 1e-12, e.getKey()); // a tie ranks chosen 2nd
        }
    }

    @Test
    void rescoringAFileWithoutStepTextIsRefused() {
        CliRun r = CliRun.of(
                "eval",
                "bon",
                "--input",
                CliRun.dataDir()
                        .resolve("rewardmath/RewardMATH/ArmoRM_reward.json")
                        .toString(),
                "--output",
                tmp.resolve("x").toString(),
                "--scorer",
                "all-correct");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("only RewardBench files hold"), r.err());
    }

    @Test
    void unknownFileKindIsAClearError() throws IOException {
        Path f = tmp.resolve("x.jsonl");
        Files.writeString(f, "{\"id\": 1, \"steps\": []}\n");
        CliRun r = CliRun.of(
                "eval",
                "bon",
                "--input",
                f.toString(),
                "--output",
                tmp.resolve("o").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("not a known best-of-N file"), r.err());
        assertTrue(r.err().contains(f.toString()), r.err());
        CliRun bad = CliRun.of(
                "eval",
                "bon",
                "--input",
                f.toString(),
                "--format",
                "nope",
                "--output",
                tmp.resolve("o").toString());
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("known: qwen-rm, rewardmath, rewardbench"), bad.err());
    }
}
