package org.veristep.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veristep.BadInputException;
import org.veristep.TestData;
import org.veristep.json.Json;

/**
 * {@link DatasetCheck} on the real files of ../shared/data and on broken copies of them; the
 * registered record counts and SHA-256s are those of PROVENANCE.md, recounted with python's json
 * module and sha256sum.
 */
class DatasetCheckTest {
    private static final KnownDataset PROCESSBENCH =
            KnownDatasets.find("processbench").orElseThrow();
    private static final KnownDataset MATH500 = KnownDatasets.find("math500").orElseThrow();

    @TempDir
    Path tmp;

    @Test
    void everyRegisteredExpectationHoldsOnTheSharedData() {
        int files = 0;
        for (KnownDataset d : KnownDatasets.all()) {
            for (KnownDataset.DataFile f : d.files()) {
                if (f.expected().equals(KnownDataset.Expected.UNKNOWN)) continue;
                Path p = TestData.dir().resolve(f.localPath());
                if (!Files.exists(p)) continue; // e.g. a Hub-only file
                DatasetCheck.Result r = DatasetCheck.requireValid(d, p, f.expected());
                assertEquals(f.expected().records(), r.records(), f.localPath());
                assertEquals(DatasetCheck.KnownCopy.SAME_BYTES, r.knownCopy(), f.localPath());
                files++;
            }
        }
        // 4 ProcessBench subsets + 17 PRMBench split files + MATH500 + GSM8K test
        assertEquals(23, files);
    }

    @Test
    void theRealGsm8kSubsetPassesWithItsKnownHash() {
        DatasetCheck.Result r = DatasetCheck.requireValid(
                PROCESSBENCH,
                TestData.file("processbench/gsm8k.json"),
                PROCESSBENCH.expectedFor("processbench/gsm8k.json"));
        assertEquals(400, r.records());
        assertEquals(0, r.bad());
        assertNull(r.countProblem());
        assertTrue(r.passed());
        assertEquals("fb1c59dfd1e83e1c5a48dbe598db27e4bc0b8bc524a09445f2d4b69178f61349", r.sha256());
    }

    @Test
    void otherBytesWithTheSameRecordsPassButAreReportedAsDifferent() throws IOException {
        // the same 400 cases written compactly: a different file, still ProcessBench's gsm8k
        Path f = tmp.resolve("gsm8k.json");
        Files.write(
                f,
                Json.mapper()
                        .writeValueAsBytes(Json.mapper()
                                .readTree(
                                        TestData.file("processbench/gsm8k.json").toFile())));
        DatasetCheck.Result r =
                DatasetCheck.requireValid(PROCESSBENCH, f, PROCESSBENCH.expectedFor("processbench/gsm8k.json"));
        assertEquals(400, r.records());
        assertEquals(DatasetCheck.KnownCopy.DIFFERENT_BYTES, r.knownCopy());
    }

    @Test
    void anHtmlPageIsNamedAsSuch() throws IOException {
        Path f = tmp.resolve("gsm8k.json");
        Files.writeString(f, "\n  <html><head><title>502 Bad Gateway</title></head></html>\n");
        BadInputException e = assertThrows(
                BadInputException.class,
                () -> DatasetCheck.requireValid(PROCESSBENCH, f, KnownDataset.Expected.UNKNOWN));
        assertEquals(
                f
                        + ":1: expected ProcessBenchFormat records (a JSON array or JSONL), got an HTML/XML page (<html><head>"
                        + "<title>502 Bad Gateway</title></head></html>): an error or login page served as the file?",
                e.getMessage());
    }

    @Test
    void anEmptyFileFails() throws IOException {
        Path f = tmp.resolve("gsm8k.json");
        Files.writeString(f, " \n\n");
        BadInputException e = assertThrows(
                BadInputException.class,
                () -> DatasetCheck.requireValid(PROCESSBENCH, f, KnownDataset.Expected.UNKNOWN));
        assertEquals(f + ": expected ProcessBenchFormat records, got an empty file", e.getMessage());
    }

    @Test
    void anEmptyArrayFailsWhenNoCountIsRegistered() throws IOException {
        Path f = tmp.resolve("gsm8k.json");
        Files.writeString(f, "[]");
        DatasetCheck.Result r = DatasetCheck.check(PROCESSBENCH, f, KnownDataset.Expected.UNKNOWN, OnBadRecord.fail());
        assertEquals("expected at least one record, got none", r.countProblem());
        assertFalse(r.passed());
        BadInputException e = assertThrows(
                BadInputException.class,
                () -> DatasetCheck.requireValid(PROCESSBENCH, f, KnownDataset.Expected.UNKNOWN));
        assertEquals(f + ": expected at least one record, got none", e.getMessage());
    }

    @Test
    void aTruncatedJsonArrayIsCalledTruncated() throws IOException {
        byte[] whole = Files.readAllBytes(TestData.file("processbench/math.json"));
        Path f = tmp.resolve("math.json");
        Files.write(f, Arrays.copyOf(whole, 1000));
        BadInputException e = assertThrows(
                BadInputException.class,
                () -> DatasetCheck.requireValid(PROCESSBENCH, f, PROCESSBENCH.expectedFor("processbench/math.json")));
        assertTrue(e.getMessage().startsWith(f + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("malformed JSON: Unexpected end-of-input"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(the file ends early: truncated?)"), e.getMessage());
    }

    @Test
    void jsonlCutAtALineEndIsCaughtByTheRecordCount() throws IOException {
        List<String> lines = Files.readAllLines(TestData.file("math/math500.jsonl"));
        Path f = tmp.resolve("math500.jsonl");
        Files.write(f, lines.subList(0, 499));
        KnownDataset.Expected e = MATH500.expectedFor("math/math500.jsonl");
        DatasetCheck.Result r = DatasetCheck.check(MATH500, f, e, OnBadRecord.fail());
        assertEquals(499, r.records());
        assertEquals("expected 500 records (as in openai/prm800k math_splits/test.jsonl), got 499", r.countProblem());
        // cut inside a line: that line is not JSON
        String text = Files.readString(TestData.file("math/math500.jsonl"));
        Files.writeString(f, text.substring(0, text.length() - 40));
        BadInputException bad = assertThrows(BadInputException.class, () -> DatasetCheck.requireValid(MATH500, f, e));
        assertTrue(
                bad.getMessage().startsWith(f + ":500: record 500: expected one JSON value per line"),
                bad.getMessage());
    }

    @Test
    void problemSetRecordsNeedTheirFields() throws IOException {
        Path f = tmp.resolve("math500.jsonl");
        Files.writeString(
                f,
                "{\"problem\": \"1+1\", \"solution\": \"2\", \"answer\": \"2\", \"subject\": \"Algebra\", \"level\": 1,"
                        + " \"unique_id\": \"a\"}\n{\"problem\": \"2+2\", \"solution\": \"4\"}\n",
                StandardCharsets.UTF_8);
        BadInputException e = assertThrows(
                BadInputException.class, () -> DatasetCheck.requireValid(MATH500, f, KnownDataset.Expected.UNKNOWN));
        assertEquals(
                f + ":2: field 'answer': record 2: expected a value (fields [problem, solution, answer, subject, level,"
                        + " unique_id])",
                e.getMessage());
    }

    @Test
    void theRegistryRefusesExpectationsItCannotKeep() {
        var known = new KnownDataset.Expected(1, "0".repeat(64), "x");
        assertThrows(IllegalArgumentException.class, () -> new KnownDataset.DataFile("a/*.json", null, known));
        assertThrows(IllegalArgumentException.class, () -> new KnownDataset.Expected(1, "ABC", "x"));
        assertThrows(IllegalArgumentException.class, () -> new KnownDataset.Expected(1, "0".repeat(64), null));
        // downloadable files must share one directory below the data directory (one staging directory)
        assertThrows(
                IllegalArgumentException.class,
                () -> new KnownDataset(
                        "x",
                        "d",
                        "f",
                        "o/r",
                        "main",
                        List.of(
                                new KnownDataset.DataFile("a/1.json", "1.json"),
                                new KnownDataset.DataFile("b/2.json", "2.json")),
                        "s"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new KnownDataset(
                        "x", "d", "f", "o/r", "main", List.of(new KnownDataset.DataFile("1.json", "1.json")), "s"));
    }
}
