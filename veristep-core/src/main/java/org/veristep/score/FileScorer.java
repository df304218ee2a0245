package org.veristep.score;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.veristep.BadInputException;
import org.veristep.VeristepException;
import org.veristep.json.Json;
import org.veristep.trace.StepScores;
import org.veristep.trace.Trace;

/**
 * Step scores computed elsewhere (by any PRM), read from a JSONL file: one line per trace, {@code
 * {"id": "gsm8k-0", "step_scores": [0.98, 0.91, 0.12]}} ({@code scores} is accepted as the field
 * name too). Veristep's own {@code predictions.jsonl} and {@code score} outputs are valid inputs.
 *
 * <p>Fails when a trace has no line, or its line has a different number of scores than the trace
 * has steps: a mismatch is never padded or truncated.
 */
public final class FileScorer implements StepScorer {
    public static final String NAME = "file";
    private final Path file;
    private final Map<String, double[]> byId;

    /**
     * @param file the JSONL score file
     * @throws BadInputException when a line is not JSON, lacks {@code id} or the scores, holds a
     *     score outside [0, 1], or repeats an id
     * @throws UncheckedIOException when the file cannot be read
     */
    public FileScorer(Path file) {
        this.file = file;
        this.byId = read(file);
    }

    private static Map<String, double[]> read(Path file) {
        Map<String, double[]> byId = new HashMap<>();
        String source = file.toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                JsonNode node;
                try {
                    node = Json.mapper().readTree(line);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new BadInputException(source, n, null, "expected a JSON object: " + e.getOriginalMessage());
                }
                JsonNode id = node.get("id");
                if (id == null || !id.isValueNode()) {
                    throw new BadInputException(source, n, "id", "expected a string or number id");
                }
                String field = node.has("step_scores") ? "step_scores" : "scores";
                JsonNode scores = node.get(field);
                if (scores == null || !scores.isArray()) {
                    throw new BadInputException(source, n, "step_scores", "expected an array of numbers in [0, 1]");
                }
                double[] values = new double[scores.size()];
                for (int i = 0; i < values.length; i++) {
                    JsonNode s = scores.get(i);
                    if (!s.isNumber() || !(s.asDouble() >= 0 && s.asDouble() <= 1)) {
                        throw new BadInputException(
                                source, n, field + "[" + i + "]", "expected a number in [0, 1], got " + s);
                    }
                    values[i] = s.asDouble();
                }
                if (byId.put(id.asText(), values) != null) {
                    throw new BadInputException(source, n, "id", "id '" + id.asText() + "' appears twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read score file " + file, e);
        }
        return byId;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<StepScores> score(List<Trace> traces) {
        List<StepScores> out = new ArrayList<>(traces.size());
        for (Trace t : traces) {
            double[] s = byId.get(t.id());
            if (s == null) {
                throw new VeristepException.NonRetriable(file + ": no scores for trace '" + t.id() + "'");
            }
            if (s.length != t.size()) {
                throw new VeristepException.NonRetriable(file + ": trace '" + t.id() + "' has " + t.size()
                        + " steps but the file gives " + s.length + " scores");
            }
            out.add(new StepScores(t.id(), s));
        }
        return out;
    }

    /** Registers {@link FileScorer} as {@value #NAME}. */
    public static final class Provider implements StepScorerProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "step scores computed elsewhere, read from JSONL {\"id\", \"step_scores\"} (option file=PATH)";
        }

        @Override
        public Map<String, String> options() {
            return Map.of("file", "path of the JSONL score file");
        }

        @Override
        public StepScorer create(ScorerOptions options) {
            return new FileScorer(Path.of(options.require(NAME, "file")));
        }
    }
}
