package org.veristep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veristep.json.Json;
import picocli.CommandLine;

class GradeCommandTest {
    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = VeristepCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void gradesOnePair() {
        Run r = run("grade", "--gold", "\\frac{1}{2}", "--pred", "so $x = \\boxed{0.5}$");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("equivalent: equal exact values 1/2"), r.out());
        assertTrue(r.out().contains("extracted:   0.5"), r.out());
        Run no = run("grade", "--gold", "100000", "--pred", "100001");
        assertTrue(no.out().startsWith("not equivalent: different exact values 100000 and 100001"), no.out());
    }

    /** {@code --input=~/...} reaches the program unexpanded (no shell expands a tilde after '='). */
    @Test
    void aLeadingTildeInAPathIsTheHomeDirectory(@TempDir Path dir) {
        String name = "veristep-no-such-file-" + System.nanoTime() + ".jsonl";
        Run r = run(
                "grade",
                "--input=~/" + name,
                "--output",
                dir.resolve("out.jsonl").toString());
        assertEquals(1, r.exit(), r.err());
        // the error names the file under $HOME (org.veristep.UserHome), not a relative "~" directory
        assertTrue(r.err().contains(org.veristep.UserHome.dir().resolve(name).toString()), r.err());
        assertTrue(!r.err().contains("~/" + name), r.err());
    }

    @Test
    void usageErrors() {
        assertEquals(2, run("grade").exit());
        assertEquals(2, run("grade", "--gold", "1").exit());
        assertEquals(
                2,
                run("grade", "--gold", "1", "--pred", "1", "--input", "x.jsonl", "--output", "y.jsonl")
                        .exit());
    }

    @Test
    void gradesAJsonlFileAndRecordsBadLines(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("pairs.jsonl");
        Path out = dir.resolve("out.jsonl");
        Files.writeString(
                in,
                String.join(
                                "\n",
                                "{\"gold\": \"3/4\", \"pred\": \"The answer is $\\\\frac{3}{4}$.\", \"id\": 7}",
                                "{\"gold\": \"(1, 2)\", \"pred\": \"(2, 1)\"}",
                                "{\"gold\": \"1\", \"pred\": \"2^{2^{2^{2^{2}}}}\"}",
                                "{\"gold\": 5}", // a numeric gold is read; the missing pred is the fault
                                "not json")
                        + "\n");
        Run r = run("grade", "--input", in.toString(), "--output", out.toString());
        assertEquals(1, r.exit(), "bad lines are reported and make the run fail: " + r.err());
        assertTrue(
                r.out().contains("graded 5 lines: 1 equivalent, 1 not equivalent, 1 undecided, 2 bad lines"), r.out());
        List<JsonNode> rows = new ArrayList<>();
        for (String l : Files.readAllLines(out)) rows.add(Json.mapper().readTree(l));
        assertEquals(5, rows.size());
        assertTrue(rows.get(0).get("equivalent").asBoolean());
        assertEquals(7, rows.get(0).get("id").asInt(), "input fields are kept");
        assertEquals("\\frac{3}{4}", rows.get(0).get("extracted").asText());
        assertEquals(false, rows.get(1).get("equivalent").asBoolean());
        assertTrue(rows.get(2).get("equivalent").isNull());
        assertTrue(rows.get(2).get("reason").asText().startsWith("too costly"));
        assertTrue(rows.get(3).get("equivalent").isNull());
        assertTrue(
                rows.get(3).get("reason").asText().contains("pairs.jsonl:4: field 'pred': missing"),
                rows.get(3).toString());
        assertTrue(
                rows.get(4).get("reason").asText().contains("pairs.jsonl:5"),
                rows.get(4).toString());
        JsonNode prov = rows.get(0).get("provenance");
        assertEquals("veristep", prov.get("tool").asText());
        assertEquals("answer-grader", prov.get("scorer").asText());
        assertEquals("1000", prov.get("parameters").get("time_limit_ms").asText());
    }

    @Test
    void benchGradePrintsThroughputAndLatency(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("b.jsonl");
        Files.writeString(in, "{\"gold\": \"2\", \"pred\": \"1+1\"}\n{\"gold\": \"3\", \"pred\": \"\\\\boxed{4}\"}\n");
        Run r = run("bench", "grade", "--file", in.toString(), "--warmup", "1", "--rounds", "2");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].contains("pairs/s") && lines[0].contains("p99"), r.out());
        String[] cols = lines[1].trim().split("\\s+");
        assertEquals("b.jsonl", cols[0]);
        assertEquals("2", cols[1]);
        assertEquals("2", cols[2]);
        assertTrue(Double.parseDouble(cols[4]) > 0);
        assertEquals("1", cols[cols.length - 1], "one of the two pairs is equivalent");
    }

    @Test
    void decimalsMatchToThePrecisionShownUnlessAskedToCompareExactly() {
        // pi/3 = 1.0471...: "1.05" rounds it at two decimals; with --exact-decimals it is just another number.
        assertTrue(run("grade", "--gold", "\\frac{\\pi}{3}", "--pred", "1.05")
                .out()
                .startsWith("equivalent"));
        assertTrue(run("grade", "--gold", "\\frac{\\pi}{3}", "--pred", "1.05", "--exact-decimals")
                .out()
                .startsWith("not equivalent"));
    }
}
