package org.veristep.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veristep.VeristepException;
import org.veristep.trace.Problem;
import org.veristep.trace.Trace;

class CompositeScorerTest {
    // step 1 is refuted by the symbolic verifier (2/5 of 4000 is 1600), step 0 is verified
    private static final Trace TRACE = Trace.of(
            "t1",
            new Problem("t1", "?", null),
            List.of("He has \\(3 \\times 4 = 12\\) apples.", "So 2/5 * 4000 = 800."));

    private static Path scores(Path dir) throws IOException {
        Path f = dir.resolve("scores.jsonl");
        Files.writeString(f, "{\"id\": \"t1\", \"step_scores\": [0.9, 0.8]}\n");
        return f;
    }

    @Test
    void minVetoesAndProductMultiplies(@TempDir Path dir) throws IOException {
        ScorerOptions o = new ScorerOptions(Map.of("file", scores(dir).toString()));
        try (StepScorer min = StepScorers.create("composite:min:symbolic,file", o);
                StepScorer prod = StepScorers.create("composite:product:symbolic,file", o)) {
            assertEquals("composite:min:symbolic,file", min.name());
            assertArrayEquals(new double[] {0.9, 0.0}, min.score(TRACE).toArray());
            assertArrayEquals(new double[] {0.9, 0.0}, prod.score(TRACE).toArray());
        }
        // the symbolic prior for unverifiable steps goes to the symbolic component only
        Trace plain = Trace.of("t1", new Problem("t1", "?", null), List.of("No numbers here.", "None either."));
        ScorerOptions withPrior = new ScorerOptions(Map.of("file", scores(dir).toString(), "prior", "0.5"));
        try (StepScorer prod = StepScorers.create("composite:product:symbolic,file", withPrior)) {
            assertArrayEquals(new double[] {0.45, 0.4}, prod.score(plain).toArray(), 1e-12);
        }
    }

    @Test
    void explanationsCarryEachComponent(@TempDir Path dir) throws IOException {
        ScorerOptions o = new ScorerOptions(Map.of("file", scores(dir).toString()));
        try (StepScorer min = StepScorers.create("composite:min:symbolic,file", o)) {
            ObjectNode step1 =
                    ((ExplainingScorer) min).explain(List.of(TRACE)).get(0).get(1);
            assertEquals(0.0, step1.get("score").asDouble());
            assertEquals(
                    "refuted",
                    step1.get("components").get("symbolic").get("verdict").asText());
            assertEquals(0.8, step1.get("components").get("file").get("score").asDouble());
        }
    }

    @Test
    void badNamesAndOptionsAreRejectedWithWhatExists(@TempDir Path dir) throws IOException {
        ScorerOptions o = new ScorerOptions(Map.of("file", scores(dir).toString()));
        VeristepException agg =
                assertThrows(VeristepException.class, () -> StepScorers.create("composite:max:symbolic,file", o));
        assertTrue(agg.getMessage().contains("min, product"), agg.getMessage());
        VeristepException name =
                assertThrows(VeristepException.class, () -> StepScorers.create("composite:min:symbolic,nope", o));
        assertTrue(name.getMessage().contains("known scorers"), name.getMessage());
        VeristepException opt = assertThrows(
                VeristepException.class,
                () -> StepScorers.create("composite:min:symbolic,file", new ScorerOptions(Map.of("colour", "red"))));
        assertTrue(opt.getMessage().contains("colour"), opt.getMessage());
    }
}
