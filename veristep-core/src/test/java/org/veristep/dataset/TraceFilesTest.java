package org.veristep.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veristep.BadInputException;
import org.veristep.TestData;

class TraceFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsTheOfficialProcessBenchArray() {
        Path f = TestData.file("processbench/math.json");
        assertEquals(TraceFiles.Format.PROCESSBENCH, TraceFiles.detect(f));
        List<TraceRecord> r = TraceFiles.read(f);
        assertEquals(1000, r.size());
        assertEquals("math-0", r.get(0).trace().id());
        assertTrue(r.stream().allMatch(t -> t.labeled() != null && t.scores() == null));
    }

    @Test
    void readsProcessBenchJsonlAndVeristepJsonlAlike() throws IOException {
        List<TraceRecord> gsm =
                TraceFiles.read(TestData.file("processbench/gsm8k.json")).subList(0, 5);
        List<String> pb = new ArrayList<>();
        List<String> vs = new ArrayList<>();
        for (TraceRecord r : gsm) {
            pb.add(ProcessBenchFormat.toJson(new ProcessBenchCase("gsm8k", r.labeled(), false))
                    .toString());
            vs.add(VeristepJsonl.toLine(r));
        }
        Path pbFile = Files.write(dir.resolve("gsm8k.jsonl"), pb);
        Path vsFile = Files.write(dir.resolve("traces.jsonl"), vs);
        assertEquals(TraceFiles.Format.PROCESSBENCH, TraceFiles.detect(pbFile));
        assertEquals(TraceFiles.Format.VERISTEP_JSONL, TraceFiles.detect(vsFile));
        List<TraceRecord> a = TraceFiles.read(pbFile);
        List<TraceRecord> b = TraceFiles.read(vsFile);
        for (int i = 0; i < 5; i++) {
            assertEquals(gsm.get(i).trace(), a.get(i).trace());
            assertEquals(gsm.get(i).trace(), b.get(i).trace());
            assertEquals(gsm.get(i).labeled().firstError(), a.get(i).labeled().firstError());
            assertEquals(gsm.get(i).labeled().firstError(), b.get(i).labeled().firstError());
        }
    }

    @Test
    void saysWhatItExpectedOfAnUnknownFile() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n\n");
        assertThrows(BadInputException.class, () -> TraceFiles.read(empty));
        Path other = Files.writeString(dir.resolve("other.jsonl"), "\n{\"question\": \"x\"}\n");
        BadInputException e = assertThrows(BadInputException.class, () -> TraceFiles.read(other));
        assertEquals(2, e.line());
        assertEquals("problem", e.field());
    }
}
