package org.veristep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code veristep explain} and {@code veristep bench symbolic}, run in-process on the real data. */
class SymbolicCommandsTest {
    private static Path data() {
        String p = System.getProperty("veristep.testData");
        return (p != null ? Path.of(p) : Path.of("..", "..", "shared", "data"))
                .toAbsolutePath()
                .normalize();
    }

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        CommandLine cl = VeristepCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void explainShowsTheRefutedClaimWithItsRightValue() {
        // ProcessBench gsm8k-2: step 1 writes 2/5 * 4000 = 800 (it is 1600); the experts' label is 1
        Result r = run(
                "explain",
                "--scorer",
                "symbolic",
                "--input",
                data().resolve("processbench/gsm8k.json").toString(),
                "--id",
                "gsm8k-2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("step 1  score 0.000  refuted"), r.out());
        assertTrue(r.out().contains("= >>800<< [should be 1600] gallons"), r.out());
        assertTrue(r.out().contains("predicted first error: step 1 (threshold 0.5); label: 1"), r.out());
        assertFalse(r.out().contains("\u001b["), "no ANSI colour when stdout is not a terminal");
    }

    @Test
    void explainShowsAFalseFactAndAFalsePropertyStatedInWords() {
        // ProcessBench gsm8k-98 step 0 (its first error): March has 31 days
        Result r = run(
                "explain",
                "--scorer",
                "symbolic",
                "--input",
                data().resolve("processbench/gsm8k.json").toString(),
                "--id",
                "gsm8k-98");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("There are >>30<< [should be 31] days in March"), r.out());
        // ProcessBench gsm8k-135 step 2 (its first error): 54 = 9 × 6
        r = run(
                "explain",
                "--scorer",
                "symbolic",
                "--input",
                data().resolve("processbench/gsm8k.json").toString(),
                "--id",
                "gsm8k-135");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("54>> is not divisible evenly by 9<< [false: 54 = 9 × 6 + 0]"), r.out());
        assertTrue(r.out().contains("predicted first error: step 2 (threshold 0.5); label: 2"), r.out());
    }

    @Test
    void explainColoursOnlyWhenAsked() {
        Result r = run(
                "explain",
                "--scorer",
                "symbolic",
                "--color",
                "always",
                "--input",
                data().resolve("processbench/gsm8k.json").toString(),
                "--id",
                "gsm8k-2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\u001b[1;31m800\u001b[0m"), r.out());
    }

    @Test
    void explainNamesAMissingId() {
        Result r = run(
                "explain",
                "--scorer",
                "symbolic",
                "--input",
                data().resolve("processbench/gsm8k.json").toString(),
                "--id",
                "no-such-id");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("no trace with id 'no-such-id'"), r.err());
    }

    @Test
    void benchCountsEveryProcessBenchStep() {
        Result r = run("bench", "symbolic", "--data-dir", data().toString(), "--warmup", "0", "--passes", "1");
        assertEquals(0, r.code(), r.err());
        // 25,697 steps in the four subsets (counted with python over the JSON files)
        assertTrue(r.out().contains("25697 steps (3400 traces)"), r.out());
        assertTrue(r.out().contains("median"), r.out());
    }
}
