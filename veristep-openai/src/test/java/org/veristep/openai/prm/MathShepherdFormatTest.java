package org.veristep.openai.prm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.veristep.json.Json;
import org.veristep.trace.Problem;
import org.veristep.trace.Trace;

/**
 * The Math-Shepherd input built from a problem and its steps equals, character for character, the
 * {@code input} of real Math-Shepherd rows ({@code shared/data/math_shepherd/openr_samples_math-shepherd.jsonl},
 * the dataset's own schema as vendored by OpenR).
 */
class MathShepherdFormatTest {

    @Test
    void rebuildsTheDatasetsOwnInputs() throws Exception {
        Path f = Path.of(System.getProperty("veristep.testData"), "math_shepherd", "openr_samples_math-shepherd.jsonl");
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        assertEquals(7, lines.size());
        for (String line : lines) {
            JsonNode row = Json.mapper().readTree(line);
            String input = row.get("input").asText();
            // Split the row independently of the scorer: the question ends before " Step 1:",
            // each step ends with " ки" and the steps are separated by a newline.
            int q = input.indexOf(" Step 1:");
            String question = input.substring(0, q);
            String body = input.substring(q + 1);
            List<String> steps = new ArrayList<>();
            for (String part : body.split(" ки\n")) steps.add(part);
            String last = steps.remove(steps.size() - 1);
            steps.add(last.substring(0, last.length() - " ки".length()));
            Trace t = Trace.of("ms", new Problem("ms", question, null), steps);
            assertEquals(
                    input,
                    MathShepherdScorer.inputs(t, MathShepherdScorer.DEFAULT_TAG, false)
                            .get(0));
            // The label text has '+' or '-' where the input has each tag: one per step.
            String label = row.get("label").asText();
            assertEquals(
                    steps.size(),
                    label.chars().filter(c -> c == '+' || c == '-').count()
                            - question.chars().filter(c -> c == '+' || c == '-').count()
                            - String.join("", steps)
                                    .chars()
                                    .filter(c -> c == '+' || c == '-')
                                    .count());
        }
    }
}
