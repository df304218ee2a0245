package org.veristep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veristep.json.Json;

class EvalProcessBenchCommandTest {
    @TempDir
    Path tmp;

    /**
     * Six hand-made cases with scores from a "file" PRM. At the fixed threshold 0.5 a prediction
     * is the first step scoring < 0.5:
     *
     * <pre>
     * id    label  scores            prediction  outcome
     * t-0     1    .9 .3 .8              1        error hit
     * t-1     0    .7 .6                -1        error miss
     * t-2     2    .9 .2 .1              1        error miss (too early)
     * t-3    -1    .9 .9                -1        correct hit
     * t-4    -1    .6 .49 .9             1        correct miss (false alarm)
     * t-5    -1    .5                   -1        correct hit (0.5 is not below 0.5)
     * </pre>
     *
     * error_acc = 1/3, correct_acc = 2/3, F1 = 2·(1/3)(2/3)/(1/3+2/3) = 4/9.
     */
    @Test
    void fileScorerMatchesHandComputation() throws IOException {
        Path input = tmp.resolve("toy.jsonl");
        String[][] steps = {{"a", "b", "c"}, {"a", "b"}, {"a", "b", "c"}, {"a", "b"}, {"a", "b", "c"}, {"a"}};
        int[] labels = {1, 0, 2, -1, -1, -1};
        double[][] scores = {{.9, .3, .8}, {.7, .6}, {.9, .2, .1}, {.9, .9}, {.6, .49, .9}, {.5}};
        StringBuilder in = new StringBuilder(), sc = new StringBuilder();
        for (int i = 0; i < labels.length; i++) {
            var o = Json.mapper().createObjectNode();
            o.put("id", "t-" + i);
            o.put("generator", "hand");
            o.put("problem", "problem " + i);
            var arr = o.putArray("steps");
            for (String s : steps[i]) arr.add(s);
            o.put("final_answer_correct", labels[i] == -1);
            o.put("label", labels[i]);
            in.append(Json.mapper().writeValueAsString(o)).append('\n');
            var s = Json.mapper().createObjectNode();
            s.put("id", "t-" + i);
            var a = s.putArray("step_scores");
            for (double v : scores[i]) a.add(v);
            sc.append(Json.mapper().writeValueAsString(s)).append('\n');
        }
        Files.writeString(input, in);
        Path scoreFile = tmp.resolve("scores.jsonl");
        Files.writeString(scoreFile, sc);
        Path out = tmp.resolve("out");

        CliRun run = CliRun.of(
                "eval",
                "processbench",
                "--scorer",
                "file",
                "--scores",
                scoreFile.toString(),
                "--input",
                input.toString(),
                "--output",
                out.toString(),
                "--quiet",
                "--json");
        assertEquals(0, run.exitCode(), run.err());

        JsonNode m = Json.mapper().readTree(out.resolve("metrics.json").toFile());
        JsonNode toy = m.path("subsets").path("toy");
        assertEquals(3, toy.path("error_cases").asInt());
        assertEquals(1, toy.path("error_hits").asInt());
        assertEquals(3, toy.path("correct_cases").asInt());
        assertEquals(2, toy.path("correct_hits").asInt());
        assertEquals(1.0 / 3, toy.path("error_acc").asDouble(), 1e-12);
        assertEquals(2.0 / 3, toy.path("correct_acc").asDouble(), 1e-12);
        assertEquals(4.0 / 9, toy.path("f1").asDouble(), 1e-12);
        assertEquals(4.0 / 9, m.path("mean_f1").asDouble(), 1e-12);
        assertEquals("file", m.path("provenance").path("scorer").asText());
        assertTrue(m.path("provenance").path("tool_version").asText().length() > 0);
        assertEquals(m, Json.mapper().readTree(run.out()), "--json prints metrics.json");

        List<String> lines = Files.readAllLines(out.resolve("predictions.jsonl"));
        assertEquals(6, lines.size());
        int[] expected = {1, -1, 1, -1, 1, -1};
        for (int i = 0; i < 6; i++) {
            JsonNode p = Json.mapper().readTree(lines.get(i));
            assertEquals("t-" + i, p.path("id").asText());
            assertEquals("toy", p.path("subset").asText());
            assertEquals(labels[i], p.path("label").asInt());
            assertEquals(expected[i], p.path("prediction").asInt(), "case t-" + i);
            assertEquals(scores[i].length, p.path("step_scores").size());
        }
        assertTrue(Files.readString(out.resolve("report.html")).contains("<svg"));
    }

    @Test
    void tunedThresholdIsReportedAndAppliedEverywhere() throws IOException {
        Path out = tmp.resolve("tuned");
        CliRun run = CliRun.of(
                "eval",
                "processbench",
                "--scorer",
                "all-correct",
                "--data-dir",
                CliRun.dataDir().toString(),
                "--subsets",
                "gsm8k,math",
                "--tune-threshold",
                "gsm8k",
                "--output",
                out.toString(),
                "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("tuned to maximise F1 on gsm8k"), run.out());
        JsonNode m = Json.mapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals("tuned to maximise F1 on gsm8k", m.path("threshold_policy").asText());
        assertEquals(1400, m.path("cases").asInt());
    }

    @Test
    void allCorrectOnRealDataGivesTheKnownZeroes() throws IOException {
        Path out = tmp.resolve("ac");
        CliRun run = CliRun.of(
                "eval",
                "processbench",
                "--scorer",
                "all-correct",
                "--data-dir",
                CliRun.dataDir().toString(),
                "--output",
                out.toString(),
                "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode m = Json.mapper().readTree(out.resolve("metrics.json").toFile());
        for (String s : List.of("gsm8k", "math", "olympiadbench", "omnimath")) {
            JsonNode x = m.path("subsets").path(s);
            assertEquals(0.0, x.path("error_acc").asDouble(), s);
            assertEquals(1.0, x.path("correct_acc").asDouble(), s);
            assertEquals(0.0, x.path("f1").asDouble(), s);
        }
        assertEquals(3400, Files.readAllLines(out.resolve("predictions.jsonl")).size());
    }

    @Test
    void missingScoresFailTheCaseAndAreRecorded() throws IOException {
        Path input = tmp.resolve("two.jsonl");
        Files.writeString(input, """
                {"id":"x-0","generator":"g","problem":"p","steps":["a"],"final_answer_correct":true,"label":-1}
                {"id":"x-1","generator":"g","problem":"p","steps":["a","b"],"final_answer_correct":false,"label":1}
                """);
        Path scoreFile = tmp.resolve("s.jsonl");
        Files.writeString(scoreFile, "{\"id\":\"x-0\",\"step_scores\":[0.9]}\n");
        Path out = tmp.resolve("partial");
        CliRun run = CliRun.of(
                "eval",
                "processbench",
                "--scorer",
                "file",
                "--scores",
                scoreFile.toString(),
                "--input",
                input.toString(),
                "--output",
                out.toString(),
                "--quiet");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("1 of 2 cases failed"), run.err());
        String failed = Files.readString(out.resolve("scores.jsonl.failed.jsonl"));
        assertTrue(failed.contains("\"id\":\"x-1\"") && failed.contains("no scores for trace 'x-1'"), failed);
        assertEquals(
                1,
                Json.mapper()
                        .readTree(out.resolve("metrics.json").toFile())
                        .path("failed")
                        .asInt());
    }

    @Test
    void unknownScorerIsAUsageErrorNamingTheKnownOnes() {
        CliRun run = CliRun.of("eval", "processbench", "--scorer", "nope", "--output", tmp.toString(), "--quiet");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no scorer named 'nope'") && run.err().contains("all-correct"), run.err());
    }

    @Test
    void aRerunResumesFromTheScoresFileAndAnotherScorerNeedsRestart() throws IOException {
        Path out = tmp.resolve("resume");
        String data = CliRun.dataDir().toString();
        String[] args = {
            "eval",
            "processbench",
            "--scorer",
            "all-correct",
            "--data-dir",
            data,
            "--subsets",
            "gsm8k",
            "--output",
            out.toString(),
            "--quiet"
        };
        assertEquals(0, CliRun.of(args).exitCode());
        List<String> first = Files.readAllLines(out.resolve("scores.jsonl"));
        assertEquals(400, first.size());
        CliRun again = CliRun.of(args);
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(first, Files.readAllLines(out.resolve("scores.jsonl")), "nothing rescored, nothing duplicated");

        // The same output with another scorer is refused rather than mixed ...
        Path scores = tmp.resolve("ones.jsonl");
        Files.writeString(scores, String.join("\n", Files.readAllLines(out.resolve("predictions.jsonl"))) + "\n");
        String[] other = {
            "eval",
            "processbench",
            "--scorer",
            "file",
            "--scores",
            scores.toString(),
            "--data-dir",
            data,
            "--subsets",
            "gsm8k",
            "--output",
            out.toString(),
            "--quiet"
        };
        CliRun refused = CliRun.of(other);
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("another --output"), refused.err());
        // ... unless --restart asks to score again.
        String[] restart = java.util.Arrays.copyOf(other, other.length + 1);
        restart[other.length] = "--restart";
        CliRun restarted = CliRun.of(restart);
        assertEquals(0, restarted.exitCode(), restarted.err());
        assertEquals(400, Files.readAllLines(out.resolve("scores.jsonl")).size());
    }

    @Test
    void invalidOptionValuesAreUsageErrors() {
        String data = CliRun.dataDir().toString();
        CliRun badThreshold = CliRun.of(
                "eval",
                "processbench",
                "--scorer",
                "all-correct",
                "--data-dir",
                data,
                "--threshold",
                "1.5",
                "--output",
                tmp.resolve("t").toString(),
                "--quiet");
        assertEquals(2, badThreshold.exitCode());
        assertTrue(badThreshold.err().contains("--threshold must be in [0, 1], got 1.5"), badThreshold.err());
        CliRun badTune = CliRun.of(
                "eval",
                "processbench",
                "--scorer",
                "all-correct",
                "--data-dir",
                data,
                "--subsets",
                "math",
                "--tune-threshold",
                "gsm8k",
                "--output",
                tmp.resolve("u").toString(),
                "--quiet");
        assertEquals(2, badTune.exitCode());
        CliRun noScores = CliRun.of(
                "eval",
                "processbench",
                "--scorer",
                "file",
                "--output",
                tmp.resolve("v").toString(),
                "--quiet");
        assertEquals(2, noScores.exitCode());
        assertTrue(noScores.err().contains("needs option 'file' (--scores FILE)"), noScores.err());
    }

    @Test
    void anEmptyInputSaysSo() throws IOException {
        Path empty = tmp.resolve("empty.jsonl");
        Files.writeString(empty, "");
        CliRun run = CliRun.of(
                "eval",
                "processbench",
                "--scorer",
                "all-correct",
                "--input",
                empty.toString(),
                "--output",
                tmp.resolve("e").toString(),
                "--quiet");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("no ProcessBench records in the file"), run.err());
    }

    @Test
    void twoInputsWithOneBaseNameAreAUsageErrorNamingBoth() throws IOException {
        Path a = Files.createDirectories(tmp.resolve("A")).resolve("gsm8k.jsonl");
        Files.writeString(a, """
                {"id":"x-0","generator":"g","problem":"p","steps":["a"],"final_answer_correct":true,"label":-1}
                """);
        Path b = CliRun.dataDir().resolve("processbench/gsm8k.json");
        Path out = tmp.resolve("o");
        CliRun run = CliRun.of(
                "eval",
                "processbench",
                "--scorer",
                "all-correct",
                "--input",
                a.toString(),
                "--input",
                b.toString(),
                "--output",
                out.toString(),
                "--quiet");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(
                run.err().startsWith("veristep: --input " + a + " and --input " + b + " are both subset 'gsm8k'"),
                run.err());
        assertTrue(Files.notExists(out));
    }

    @Test
    void subsetsChooseAmongTheInputsAndMustBeAmongThem() throws IOException {
        String gsm8k = CliRun.dataDir().resolve("processbench/gsm8k.json").toString();
        String math = CliRun.dataDir().resolve("processbench/math.json").toString();
        Path out = tmp.resolve("math-only");
        CliRun run = CliRun.of(
                "eval",
                "processbench",
                "--scorer",
                "all-correct",
                "--input",
                gsm8k,
                "--input",
                math,
                "--subsets",
                "math",
                "--output",
                out.toString(),
                "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode m = Json.mapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals(List.of("math"), iterable(m.get("subsets").fieldNames()));
        assertEquals(1000, m.get("cases").asInt()); // math.json holds 1,000 cases, gsm8k.json 400
        assertEquals(
                "math", m.get("provenance").get("parameters").get("subsets").asText());
        assertEquals(1000, Files.readAllLines(out.resolve("predictions.jsonl")).size());

        Path out2 = tmp.resolve("absent");
        CliRun absent = CliRun.of(
                "eval",
                "processbench",
                "--scorer",
                "all-correct",
                "--input",
                gsm8k,
                "--input",
                math,
                "--subsets",
                "math,omnimath",
                "--output",
                out2.toString(),
                "--quiet");
        assertEquals(2, absent.exitCode(), absent.err());
        assertTrue(
                absent.err()
                        .startsWith("veristep: --subsets omnimath: no --input is that subset; the inputs' subsets"
                                + " (base names) are [gsm8k, math]"),
                absent.err());
        assertTrue(Files.notExists(out2));
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
