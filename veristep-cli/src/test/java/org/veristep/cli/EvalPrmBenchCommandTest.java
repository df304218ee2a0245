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
import org.veristep.json.Json;

class EvalPrmBenchCommandTest {
    @TempDir
    Path tmp;

    /**
     * all-correct calls every step valid: F1(negative) = 0 everywhere and the overall PRMScore is
     * F1(positive)/2 = 30190 / (2·30190 + 6030) = 0.454600 (30,190 valid and 6,030 erroneous steps,
     * counted from the files with an independent script).
     */
    @Test
    void allCorrectOnTheRealData() throws IOException {
        Path out = tmp.resolve("ac");
        CliRun r = CliRun.of(
                "eval",
                "prmbench",
                "--scorer",
                "all-correct",
                "--data-dir",
                CliRun.dataDir().toString(),
                "--output",
                out.toString(),
                "--resamples",
                "100",
                "--json",
                "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.err().contains("note: skipped"), r.err()); // --quiet
        JsonNode m = Json.mapper().readTree(r.out());
        JsonNode overall = m.get("overall");
        assertEquals(0.0, overall.get("f1_negative").asDouble());
        assertEquals(30190.0 / (2 * 30190 + 6030), overall.get("prm_score").asDouble(), 1e-12);
        assertEquals(3008, m.get("items").asInt());
        for (var it = m.get("classes").fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getKey().equals("multi_solutions")) {
                assertEquals(0.0, e.getValue().get("f1_negative").asDouble(), e.getKey());
            }
        }
        assertEquals("all-correct", m.get("provenance").get("scorer").asText());
        assertEquals(
                "0.5", m.get("provenance").get("parameters").get("threshold").asText());
        List<String> lines = Files.readAllLines(out.resolve("predictions.jsonl"));
        assertEquals(3008, lines.size());
        // recompute the pooled counts from predictions.jsonl
        long tp = 0, fp = 0;
        for (String line : lines) {
            JsonNode p = Json.mapper().readTree(line);
            tp += p.get("tp").asLong();
            fp += p.get("fp").asLong();
        }
        assertEquals(30190, tp);
        assertEquals(6030, fp);
    }

    /** A hand-made score file for one real row (the worked example of PrmBenchEvalTest in core). */
    @Test
    void fileScorerOnOneRealRow() throws IOException {
        Path input = tmp.resolve("one.jsonl");
        Files.writeString(
                input,
                Files.readAllLines(CliRun.dataDir().resolve("prmbench/prm800k_test_p1_4o_circular.jsonl"))
                                .get(0)
                        + "\n");
        Path scores = tmp.resolve("scores.jsonl");
        Files.writeString(
                scores, "{\"id\":\"circular_prm_test_p1_0\",\"step_scores\":[0.9,0.8,0.3,0.6,0.2,0.7,0.5]}\n");
        CliRun r = CliRun.of(
                "eval",
                "prmbench",
                "--scorer",
                "file",
                "--scores",
                scores.toString(),
                "--input",
                input.toString(),
                "--output",
                tmp.resolve("o").toString(),
                "--resamples",
                "100");
        assertEquals(0, r.exitCode(), r.err());
        // TP 3, FP 1, TN 2, FN 1: F1+ = 0.75, F1- = 2/3, PRMScore = 70.8
        assertTrue(
                r.out()
                        .lines()
                        .anyMatch(l -> l.startsWith("circular")
                                && l.contains("75.0")
                                && l.contains("66.7")
                                && l.contains("70.8")),
                r.out());
    }

    @Test
    void missingDataIsAClearError() {
        CliRun r = CliRun.of(
                "eval",
                "prmbench",
                "--scorer",
                "all-correct",
                "--data-dir",
                tmp.resolve("none").toString(),
                "--output",
                tmp.resolve("o").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("no PRMBench data at"), r.err());
    }

    /**
     * The multi_solutions file repeats five (classification, idx) pairs (found with python over the
     * file); the skipped lines are named on stderr in one line and listed in metrics.json.
     */
    @Test
    void repeatedIdsAreNamedOnStderr() throws IOException {
        Path out = tmp.resolve("ms");
        CliRun r = CliRun.of(
                "eval",
                "prmbench",
                "--scorer",
                "all-correct",
                "--input",
                CliRun.dataDir()
                        .resolve("prmbench/prm_test_p12_multi_solutions.jsonl")
                        .toString(),
                "--output",
                out.toString(),
                "--resamples",
                "100");
        assertEquals(0, r.exitCode(), r.err());
        List<String> notes =
                r.err().lines().filter(l -> l.startsWith("note: skipped")).toList();
        List<String> ids = List.of(
                "multi_solutions_prm_test_p2_863",
                "multi_solutions_prm_test_p2_889",
                "multi_solutions_prm_test_p2_997",
                "multi_solutions_prm_test_p2_1053",
                "multi_solutions_prm_test_p2_1058");
        assertEquals(
                List.of("note: skipped 5 record(s) whose id repeats an earlier one (the first is kept, as in the"
                        + " reference): " + String.join(", ", ids) + "; all listed as duplicate_ids in metrics.json"),
                notes,
                r.err());
        JsonNode m = Json.mapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals(5, m.get("duplicates_skipped").asInt());
        List<String> listed = new java.util.ArrayList<>();
        m.get("duplicate_ids").forEach(n -> listed.add(n.asText()));
        assertEquals(ids, listed);
    }

    @Test
    void aLongListOfRepeatedIdsNamesTheFirstFive() {
        List<String> ids =
                java.util.stream.IntStream.range(0, 7).mapToObj(i -> "c_" + i).toList();
        assertEquals(
                "note: skipped 7 record(s) whose id repeats an earlier one (the first is kept, as in the reference):"
                        + " c_0, c_1, c_2, c_3, c_4 and 2 more; all listed as duplicate_ids in metrics.json",
                EvalPrmBenchCommand.duplicatesNote(ids));
    }
}
