package org.veristep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code veristep datasets list} on the real data directory, and pull's offline refusals. */
class DatasetsCommandTest {
    static Path dataDir() {
        String p = System.getProperty("veristep.testData");
        Path dir = (p != null ? Path.of(p) : Path.of("..", "..", "shared", "data"))
                .toAbsolutePath()
                .normalize();
        if (!Files.isDirectory(dir)) throw new AssertionError("test data missing: " + dir);
        return dir;
    }

    private static String row(String out, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " .*$").matcher(out);
        if (!m.find()) throw new AssertionError("no row for " + name + " in:\n" + out);
        return m.group().replaceAll(" +", " ");
    }

    @Test
    void listCountsRecordsOfThePresentDatasets() {
        CliRun r = CliRun.of("datasets", "list", "--data-dir", dataDir().toString());
        assertEquals(0, r.exitCode(), r.err());
        // 400 + 1000 + 1000 + 1000 ProcessBench cases in 4 files
        assertTrue(row(r.out(), "processbench").startsWith("processbench present 4 3400 "), r.out());
        assertTrue(row(r.out(), "processbench").endsWith("Qwen/ProcessBench"), r.out());
        // 6 RewardMATH score files x 483 problems
        assertTrue(row(r.out(), "rewardmath").startsWith("rewardmath present 6 2898 "), r.out());
        // 4 RewardBench step-score files x 894 solutions
        assertTrue(row(r.out(), "rewardbench-math-prm").startsWith("rewardbench-math-prm present 4 3576 "), r.out());
        assertTrue(row(r.out(), "qwen-rm-maj").startsWith("qwen-rm-maj present 1 100 "), r.out());
        // PRMBench: 17 files split by class, 3,013 records (the merged Hub file is absent)
        assertTrue(row(r.out(), "prmbench").startsWith("prmbench present 17 3013 "), r.out());
        // the full Math-Shepherd file is not in the shared data
        assertTrue(row(r.out(), "math-shepherd").startsWith("math-shepherd missing 0 - - "), r.out());
    }

    @Test
    void listWithFilesShowsEachFile() {
        CliRun r =
                CliRun.of("datasets", "list", "--files", "--data-dir", dataDir().toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("processbench/gsm8k.json"), r.out());
        assertTrue(
                Pattern.compile("processbench/gsm8k\\.json +400 +560\\.9 KiB")
                        .matcher(r.out())
                        .find(),
                r.out());
    }

    @Test
    void emptyDataDirectoryShowsEverythingMissing(@TempDir Path empty) {
        CliRun r = CliRun.of("datasets", "list", "--data-dir", empty.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(row(r.out(), "processbench").startsWith("processbench missing 0 - -"), r.out());
        assertTrue(!r.out().contains(" present "), r.out());
    }

    @Test
    void aDatasetWithSomeFilesIsPartial(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("processbench"));
        Files.copy(dataDir().resolve("processbench/gsm8k.json"), dir.resolve("processbench/gsm8k.json"));
        CliRun r = CliRun.of("datasets", "list", "--data-dir", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(row(r.out(), "processbench").startsWith("processbench partial 1 400 "), r.out());
    }

    @Test
    void pullRefusesUnknownAndLocalOnlyDatasets(@TempDir Path dir) {
        CliRun unknown = CliRun.of("datasets", "pull", "nope", "--data-dir", dir.toString());
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown dataset 'nope'; known: processbench, prmbench"), unknown.err());
        CliRun local = CliRun.of("datasets", "pull", "rewardmath", "--data-dir", dir.toString());
        assertEquals(1, local.exitCode());
        assertTrue(local.err().contains("not on the Hub"), local.err());
        assertTrue(local.err().contains("kimsh0507/RewardMATH_official"), local.err());
    }

    @Test
    void checkReadsEveryFileWithItsFormat() {
        CliRun r = CliRun.of(
                "datasets",
                "check",
                "--data-dir",
                dataDir().toString(),
                "processbench",
                "qwen-rm-maj",
                "prmbench",
                "math500",
                "gsm8k");
        assertEquals(0, r.exitCode(), r.err());
        // the registered counts (400/1000/1000/1000) and SHA-256s are those of ../shared/data's copies
        assertTrue(
                Pattern.compile("(?m)^ +400 records +0 bad +[0-9.]+ ms  processbench/gsm8k\\.json"
                                + "  \\(400 records as expected, same bytes as the known copy\\)$")
                        .matcher(r.out())
                        .find(),
                r.out());
        assertTrue(
                Pattern.compile("(?m)^ +1000 records +0 bad .* processbench/math\\.json  \\(1000 records as expected,"
                                + " same bytes as the known copy\\)$")
                        .matcher(r.out())
                        .find(),
                r.out());
        // PRMBench split files: 88 deception items in p1 (PROVENANCE.md, recounted with python)
        assertTrue(
                Pattern.compile("(?m)^ +88 records +0 bad .* prmbench/prm800k_test_p1_4o_deception\\.jsonl"
                                + "  \\(88 records as expected, same bytes as the known copy\\)$")
                        .matcher(r.out())
                        .find(),
                r.out());
        // problem sets are read as JSON objects with their fields
        assertTrue(
                Pattern.compile("(?m)^ +500 records +0 bad .* math/math500\\.jsonl  \\(500 records as expected,"
                                + " same bytes as the known copy\\)$")
                        .matcher(r.out())
                        .find(),
                r.out());
        assertTrue(
                Pattern.compile("(?m)^ +1319 records +0 bad .* gsm8k/test\\.jsonl  \\(1319 records as expected,"
                                + " same bytes as the known copy\\)$")
                        .matcher(r.out())
                        .find(),
                r.out());
        assertTrue(
                Pattern.compile("(?m)^ +100 records +0 bad .* bon/qwen25math_rm_maj_example/math_cot_100\\.jsonl$")
                        .matcher(r.out())
                        .find(),
                r.out());
    }

    @Test
    void checkWithSkipBadReportsEveryBadRecord(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("processbench/gsm8k.json");
        Files.createDirectories(f.getParent());
        Files.writeString(f, """
                [
                  {"id": "a", "generator": "g", "problem": "p", "steps": ["s"], "final_answer_correct": true, "label": -1},
                  {"id": "b", "generator": "g", "problem": "p", "steps": ["s"], "final_answer_correct": true, "label": 5},
                  {"id": "c", "generator": "g", "problem": "p", "steps": "s", "final_answer_correct": true, "label": -1}
                ]""");
        CliRun stop = CliRun.of("datasets", "check", "--data-dir", dir.toString(), "processbench");
        assertEquals(1, stop.exitCode());
        assertTrue(
                stop.err().contains(f + ":3: field 'label': record 2: expected -1 or a step index in [0, 1), got 5"),
                stop.err());
        CliRun skip = CliRun.of("datasets", "check", "--skip-bad", "--data-dir", dir.toString(), "processbench");
        assertEquals(1, skip.exitCode());
        assertTrue(skip.err().contains("bad record: " + f + ":3: field 'label'"), skip.err());
        assertTrue(
                skip.err().contains("bad record: " + f + ":4: field 'steps': record 3: expected an array"), skip.err());
        assertTrue(skip.err().contains("2 bad record(s)"), skip.err());
        // 3 records where ProcessBench's gsm8k has 400
        assertTrue(
                skip.err()
                        .contains("processbench/gsm8k.json: expected 400 records (as in QwenLM/ProcessBench@2f2fd8a"
                                + " (GitHub, 2024-12-10)), got 3"),
                skip.err());
        assertTrue(skip.err().contains("1 file(s) with the wrong number of records"), skip.err());
        assertTrue(
                Pattern.compile("(?m)^ +1 records +2 bad .* processbench/gsm8k\\.json  \\(1 records of 400 expected,"
                                + " bytes differ from the known copy\\)$")
                        .matcher(skip.out())
                        .find(),
                skip.out());
    }
}
