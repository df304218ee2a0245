package org.veristep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Usage errors of the command line: exit code 2, the reason and the usage on stderr, nothing on stdout. */
class UsageErrorsTest {
    @TempDir
    Path tmp;

    private static final String GSM8K =
            CliRun.dataDir().resolve("processbench/gsm8k.json").toString();
    private static final String QWEN = CliRun.dataDir()
            .resolve("bon/qwen25math_rm_maj_example/math_cot_100.jsonl")
            .toString();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''         | veristep          | eval, score, grade, bench, explain, scorers, datasets, help",
                "eval       | veristep eval     | processbench, prmbench, bon",
                "bench      | veristep bench    | grade, symbolic, http",
                "datasets   | veristep datasets | list, pull, check"
            })
    void aCommandThatGroupsSubcommandsNeedsOne(String command, String qualified, String subcommands) {
        CliRun r = command.isEmpty() ? CliRun.of() : CliRun.of(command);
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertTrue(
                r.err().startsWith("missing subcommand: " + qualified + " needs one of " + subcommands + "\n"),
                r.err());
        assertTrue(r.err().contains("Usage: " + qualified + " [-hV] [COMMAND]"), r.err());
    }

    @ParameterizedTest
    @CsvSource({"--help", "eval --help", "help eval"})
    void askingForHelpIsNoError(String args) {
        CliRun r = CliRun.of(args.split(" "));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Usage: veristep"), r.out());
        assertEquals("", r.err());
    }

    /**
     * Option values out of range are refused before any work (no output directory is written), with
     * the option, the range and the value given; the commands' other arguments are valid.
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "explain --scorer symbolic --input GSM8K --threshold 1.5 | --threshold must be in [0, 1], got 1.5",
                "explain --scorer symbolic --input GSM8K --threshold NaN | --threshold must be in [0, 1], got NaN",
                "eval prmbench --scorer all-correct --data-dir DATA --output OUT --threshold -0.1"
                        + " | --threshold must be in [0, 1], got -0.1",
                "eval prmbench --scorer all-correct --data-dir DATA --output OUT --bootstrap 1"
                        + " | --resamples (--bootstrap) must be at least 100, got 1",
                "eval processbench --scorer all-correct --data-dir DATA --output OUT --bootstrap 1"
                        + " | --resamples (--bootstrap) must be at least 100, got 1",
                "eval processbench --scorer all-correct --data-dir DATA --output OUT --threshold 2"
                        + " | --threshold must be in [0, 1], got 2.0",
                "eval bon --input QWEN --output OUT --resamples 99 | --resamples (--bootstrap) must be at least 100, got 99",
                "eval bon --input QWEN --output OUT --max-n 0 | --max-n must be at least 1, got 0",
                "eval bon --input QWEN --output OUT --max-n -3 | --max-n must be at least 1, got -3",
                "score --scorer symbolic --input GSM8K --output OUT --concurrency 0 | --concurrency must be at least 1, got 0"
            })
    void anOptionValueOutOfRangeIsAUsageError(String args, String message) {
        Path out = tmp.resolve("out");
        List<String> argv = new ArrayList<>();
        for (String a : args.split(" ")) {
            argv.add(
                    switch (a) {
                        case "GSM8K" -> GSM8K;
                        case "QWEN" -> QWEN;
                        case "DATA" -> CliRun.dataDir().toString();
                        case "OUT" -> out.toString();
                        default -> a;
                    });
        }
        CliRun r = CliRun.of(argv.toArray(String[]::new));
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("veristep: " + message + "\n"), r.err());
        assertTrue(Files.notExists(out), "nothing written for a refused command");
    }

    @Test
    void maxNOnAFileWithoutBestOfNCandidatesIsAUsageError() {
        Path out = tmp.resolve("out");
        String rewardMath = CliRun.dataDir()
                .resolve("rewardmath/RewardMATH/Math_Shepherd_reward.json")
                .toString();
        CliRun r = CliRun.of("eval", "bon", "--input", rewardMath, "--output", out.toString(), "--max-n", "4");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("veristep: --max-n applies to best-of-N candidate files (Qwen RM@k); "), r.err());
        assertTrue(r.err().contains("is a rewardmath file, whose selection always uses all its candidates"), r.err());
        assertTrue(Files.notExists(out), "nothing written for a refused command");
    }
}
