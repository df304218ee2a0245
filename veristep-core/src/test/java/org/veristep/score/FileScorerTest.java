package org.veristep.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veristep.BadInputException;
import org.veristep.VeristepException;
import org.veristep.trace.Problem;
import org.veristep.trace.Trace;

class FileScorerTest {
    @TempDir
    Path tmp;

    private static Trace trace(String id, int steps) {
        return Trace.of(id, new Problem(id, "p", null), java.util.Collections.nCopies(steps, "s"));
    }

    @Test
    void readsScoresById() throws IOException {
        Path f = tmp.resolve("s.jsonl");
        Files.writeString(f, "{\"id\":\"a\",\"step_scores\":[0.25,1]}\n\n{\"id\":7,\"scores\":[0]}\n");
        try (StepScorer s = StepScorers.create("file", new ScorerOptions(Map.of("file", f.toString())))) {
            var out = s.score(List.of(trace("7", 1), trace("a", 2)));
            assertArrayEquals(new double[] {0}, out.get(0).toArray());
            assertArrayEquals(new double[] {0.25, 1}, out.get(1).toArray());
        }
    }

    @Test
    void badLineNamesFileLineAndField() throws IOException {
        Path f = tmp.resolve("bad.jsonl");
        Files.writeString(f, "{\"id\":\"a\",\"step_scores\":[0.5]}\n{\"id\":\"b\",\"step_scores\":[0.5, 1.5]}\n");
        BadInputException e = assertThrows(BadInputException.class, () -> new FileScorer(f));
        assertEquals(2, e.line());
        assertEquals("step_scores[1]", e.field());
        assertTrue(e.getMessage().startsWith(f + ":2: field 'step_scores[1]'"), e.getMessage());
    }

    @Test
    void stepCountMismatchFailsLoudlyInsteadOfPadding() throws IOException {
        Path f = tmp.resolve("s.jsonl");
        Files.writeString(f, "{\"id\":\"a\",\"step_scores\":[0.5]}\n");
        FileScorer s = new FileScorer(f);
        var e = assertThrows(VeristepException.class, () -> s.score(trace("a", 2)));
        assertTrue(e.getMessage().contains("has 2 steps but the file gives 1 scores"), e.getMessage());
        assertInstanceOf(VeristepException.NonRetriable.class, e);
    }

    @Test
    void unknownOptionIsRejectedListingTheSupportedOnes() {
        var e = assertThrows(
                VeristepException.class, () -> StepScorers.create("file", new ScorerOptions(Map.of("path", "x"))));
        assertTrue(e.getMessage().contains("does not support option 'path'; it supports: file"), e.getMessage());
    }
}
