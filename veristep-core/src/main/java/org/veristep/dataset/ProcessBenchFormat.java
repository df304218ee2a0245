package org.veristep.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.veristep.BadInputException;
import org.veristep.json.Json;
import org.veristep.trace.LabeledTrace;
import org.veristep.trace.Problem;
import org.veristep.trace.Trace;

/**
 * Reads and writes ProcessBench files: a JSON array (the official {@code dataset/*.json}) or JSONL,
 * of records {@code {"id", "generator", "problem", "steps": [str], "final_answer_correct": bool,
 * "label": int}} where {@code label} is the 0-based index of the earliest wrong step or -1.
 */
public final class ProcessBenchFormat {
    private ProcessBenchFormat() {}

    /** The four subsets, in the order of the paper's tables. */
    public static final List<String> SUBSETS = List.of("gsm8k", "math", "olympiadbench", "omnimath");

    /**
     * Streams the cases of one file to {@code sink}, one record at a time.
     *
     * @param file a {@code .json} array or {@code .jsonl} file
     * @param subset subset name recorded on every case (e.g. the file's base name)
     * @throws BadInputException naming the file, record number and field of the first bad record
     * @throws UncheckedIOException when the file cannot be read
     */
    public static void read(Path file, String subset, Consumer<ProcessBenchCase> sink) {
        String source = file.toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.mark(1 << 16);
            int c;
            do {
                c = in.read();
            } while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\uFEFF');
            in.reset();
            if (c == '[') {
                try (JsonParser p = Json.mapper().createParser(in)) {
                    p.nextToken();
                    long n = 0;
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        n++;
                        JsonNode node = Json.mapper().readTree(p);
                        sink.accept(parse(node, subset, source, n));
                    }
                }
            } else {
                String line;
                long n = 0;
                while ((line = in.readLine()) != null) {
                    n++;
                    if (line.isBlank()) continue;
                    JsonNode node;
                    try {
                        node = Json.mapper().readTree(line);
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new BadInputException(
                                source, n, null, "expected a JSON object: " + e.getOriginalMessage());
                    }
                    sink.accept(parse(node, subset, source, n));
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadInputException(
                    source,
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    null,
                    "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads a whole file into a list; see {@link #read(Path, String, Consumer)}. */
    public static List<ProcessBenchCase> readAll(Path file, String subset) {
        List<ProcessBenchCase> out = new ArrayList<>();
        read(file, subset, out::add);
        return out;
    }

    /**
     * Parses one record.
     *
     * @param record 1-based record (array element) or line number, for error messages
     */
    static ProcessBenchCase parse(JsonNode node, String subset, String source, long record) {
        if (!node.isObject()) throw new BadInputException(source, record, null, "expected a JSON object");
        String id = text(node, "id", source, record);
        String problem = text(node, "problem", source, record);
        JsonNode steps = node.get("steps");
        if (steps == null || !steps.isArray()) {
            throw new BadInputException(source, record, "steps", "expected an array of step strings");
        }
        List<String> texts = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            if (!steps.get(i).isTextual()) {
                throw new BadInputException(source, record, "steps[" + i + "]", "expected a string");
            }
            texts.add(steps.get(i).textValue());
        }
        JsonNode label = node.get("label");
        if (label == null || !label.canConvertToExactIntegral()) {
            throw new BadInputException(source, record, "label", "expected an integer (-1 or a 0-based step index)");
        }
        int firstError = label.intValue();
        if (firstError < -1 || firstError >= texts.size()) {
            throw new BadInputException(
                    source,
                    record,
                    "label",
                    "expected -1 or a step index in [0, " + texts.size() + "), got " + firstError);
        }
        JsonNode fac = node.get("final_answer_correct");
        if (fac != null && !fac.isBoolean()) {
            throw new BadInputException(source, record, "final_answer_correct", "expected true or false");
        }
        JsonNode generator = node.get("generator");
        Trace trace = new Trace(
                id,
                new Problem(id, problem, null),
                texts.stream().map(org.veristep.trace.Step::new).toList(),
                null,
                generator == null || generator.isNull() ? null : generator.asText());
        return new ProcessBenchCase(
                subset, LabeledTrace.fromFirstError(trace, firstError), fac != null && fac.booleanValue());
    }

    private static String text(JsonNode node, String field, String source, long record) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) throw new BadInputException(source, record, field, "expected a string");
        return v.textValue();
    }

    /** {@return the case as a ProcessBench JSON object, fields in the official order} */
    public static ObjectNode toJson(ProcessBenchCase c) {
        ObjectNode o = Json.mapper().createObjectNode();
        Trace t = c.labeled().trace();
        o.put("id", t.id());
        o.put("generator", t.generator());
        o.put("problem", t.problem().text());
        ArrayNode steps = o.putArray("steps");
        t.stepTexts().forEach(steps::add);
        o.put("final_answer_correct", c.finalAnswerCorrect());
        o.put("label", c.label());
        return o;
    }
}
