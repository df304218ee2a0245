package org.veristep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.veristep.json.Json;

/**
 * Every line of an evaluation's predictions.jsonl names its run: {@code "run"}, the same id as
 * metrics.json's {@code "run"}, which is the SHA-256 (first 12 hex digits) of metrics.json's
 * provenance object as compact JSON; two runs of one command get two ids.
 */
class RunIdTest {
    @TempDir
    Path tmp;

    private static String[] command(String benchmark, Path out) {
        Path data = CliRun.dataDir();
        return switch (benchmark) {
            case "processbench" ->
                new String[] {
                    "eval",
                    "processbench",
                    "--scorer",
                    "all-correct",
                    "--data-dir",
                    data.toString(),
                    "--subsets",
                    "gsm8k",
                    "--output",
                    out.toString(),
                    "--resamples",
                    "100",
                    "--quiet"
                };
            case "prmbench" ->
                new String[] {
                    "eval",
                    "prmbench",
                    "--scorer",
                    "all-correct",
                    "--input",
                    data.resolve("prmbench/prm_test_p12_multi_solutions.jsonl").toString(),
                    "--output",
                    out.toString(),
                    "--resamples",
                    "100",
                    "--quiet"
                };
            case "bon" ->
                new String[] {
                    "eval",
                    "bon",
                    "--input",
                    data.resolve("bon/qwen25math_rm_maj_example/math_cot_100.jsonl")
                            .toString(),
                    "--output",
                    out.toString(),
                    "--resamples",
                    "100",
                    "--quiet"
                };
            default -> throw new IllegalArgumentException(benchmark);
        };
    }

    private static String checkedRun(Path out, int expectedLines) throws Exception {
        JsonNode m = Json.mapper().readTree(Files.readString(out.resolve("metrics.json")));
        String run = m.get("run").asText();
        assertTrue(run.matches("[0-9a-f]{12}"), run);
        byte[] provenance =
                Json.mapper().writeValueAsString(m.get("provenance")).getBytes(StandardCharsets.UTF_8);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(provenance));
        assertEquals(sha.substring(0, 12), run);
        List<String> lines = Files.readAllLines(out.resolve("predictions.jsonl"));
        assertEquals(expectedLines, lines.size());
        for (String l : lines) {
            assertTrue(l.startsWith("{\"run\":\"" + run + "\","), l);
        }
        return run;
    }

    @ParameterizedTest
    @ValueSource(strings = {"processbench", "prmbench", "bon"})
    void everyPredictionLineNamesTheRunOfItsMetrics(String benchmark) throws Exception {
        // gsm8k has 400 cases; the multi_solutions file 165 lines less 5 repeated ids; the Qwen file 100 problems
        int lines =
                switch (benchmark) {
                    case "processbench" -> 400;
                    case "prmbench" -> 160;
                    default -> 100;
                };
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        CliRun first = CliRun.of(command(benchmark, a));
        assertEquals(0, first.exitCode(), first.err());
        CliRun second = CliRun.of(command(benchmark, b));
        assertEquals(0, second.exitCode(), second.err());
        assertNotEquals(checkedRun(a, lines), checkedRun(b, lines));
    }
}
