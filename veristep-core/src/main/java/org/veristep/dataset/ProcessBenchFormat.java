package org.veristep.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.veristep.BadInputException;
import org.veristep.json.Json;
import org.veristep.trace.LabeledTrace;
import org.veristep.trace.Problem;
import org.veristep.trace.Step;
import org.veristep.trace.Trace;

/**
 * Reads and writes ProcessBench files: a JSON array (the official {@code dataset/*.json} of {@code
 * QwenLM/ProcessBench}) or JSONL (the Hugging Face Hub's {@code Qwen/ProcessBench} parquet rows
 * exported one per line), of records {@code {"id", "generator", "problem", "steps": [str],
 * "final_answer_correct": bool, "label": int}} where {@code label} is the 0-based index of the
 * earliest wrong step or -1. The label is kept 0-based: {@link LabeledTrace#firstError()} equals it.
 *
 * <p>The official JSON files are {@code json.dump(rows, f, indent=2, ensure_ascii=False)}; {@link
 * #FILE_STYLE} writes them back byte for byte, {@link #JSONL_STYLE} writes JSONL.
 */
public final class ProcessBenchFormat {
    private ProcessBenchFormat() {}

    /** The four subsets, in the order of the paper's tables. */
    public static final List<String> SUBSETS = List.of("gsm8k", "math", "olympiadbench", "omnimath");

    /** The layout of the official {@code <subset>.json} files. */
    public static final JsonStyle FILE_STYLE = JsonStyle.indented(2, false);

    /** JSONL, one case per line, non-ASCII as UTF-8. */
    public static final JsonStyle JSONL_STYLE = JsonStyle.PYTHON_LINE_UTF8;

    /** {@return the codec of one case; {@code subset} is recorded on every case read} */
    public static RecordCodec<ProcessBenchCase> codec(String subset) {
        return new RecordCodec<>() {
            @Override
            public ProcessBenchCase parse(JsonNode node, RecordRef at) {
                return ProcessBenchFormat.parse(node, subset, at);
            }

            @Override
            public ObjectNode toJson(ProcessBenchCase value) {
                return ProcessBenchFormat.toJson(value);
            }
        };
    }

    /**
     * Streams the cases of one file to {@code sink}, one record at a time.
     *
     * @param file a {@code .json} array or {@code .jsonl} file (told apart by content)
     * @param subset subset name recorded on every case (e.g. the file's base name)
     * @throws BadInputException naming the file, line, record number and field of the first bad record
     * @throws UncheckedIOException when the file cannot be read
     */
    public static void read(Path file, String subset, Consumer<ProcessBenchCase> sink) {
        DatasetFiles.read(file, codec(subset), OnBadRecord.fail(), sink);
    }

    /**
     * Streams the cases of one file to {@code sink}, handing each bad record to {@code onBad}.
     *
     * @return the number of cases passed to {@code sink}
     */
    public static long read(Path file, String subset, OnBadRecord onBad, Consumer<? super ProcessBenchCase> sink) {
        return DatasetFiles.read(file, codec(subset), onBad, sink);
    }

    /** {@return a lazy stream of the cases of one file}; close it */
    public static Stream<ProcessBenchCase> stream(Path file, String subset, OnBadRecord onBad) {
        return DatasetFiles.stream(file, codec(subset), onBad);
    }

    /** Reads a whole file into a list; see {@link #read(Path, String, Consumer)}. */
    public static List<ProcessBenchCase> readAll(Path file, String subset) {
        return DatasetFiles.readAll(file, codec(subset));
    }

    /**
     * Writes cases as the official JSON array ({@code .json}) or as JSONL (any other extension).
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void write(Path file, Iterable<ProcessBenchCase> cases) {
        boolean json = file.getFileName().toString().endsWith(".json");
        DatasetFiles.write(file, codec(""), json ? FILE_STYLE : JSONL_STYLE, cases);
    }

    /** {@return the subset named by a file name}: {@code gsm8k.json} or {@code gsm8k.jsonl} give {@code gsm8k} */
    public static String subsetOf(Path file) {
        String n = file.getFileName().toString();
        int dot = n.indexOf('.');
        return dot < 0 ? n : n.substring(0, dot);
    }

    /** Parses one record; errors name {@code at} and the field. */
    static ProcessBenchCase parse(JsonNode node, String subset, RecordRef at) {
        ObjectNode o = Fields.object(node, at);
        String id = Fields.text(o, "id", at);
        String problem = Fields.text(o, "problem", at);
        List<String> texts = Fields.strings(o, "steps", at);
        JsonNode label = o.get("label");
        if (label == null || !label.isIntegralNumber() || !label.canConvertToInt()) {
            throw at.bad("label", "an integer (-1 or a 0-based step index)");
        }
        int firstError = label.intValue();
        if (firstError < -1 || firstError >= texts.size()) {
            throw at.bad("label", "-1 or a step index in [0, " + texts.size() + "), got " + firstError);
        }
        JsonNode fac = o.get("final_answer_correct");
        if (fac != null && !fac.isBoolean()) throw at.bad("final_answer_correct", "true or false");
        String generator = Fields.textOrNull(o, "generator", "generator", at);
        Trace trace = new Trace(
                id,
                new Problem(id, problem, null),
                texts.stream().map(Step::new).toList(),
                null,
                generator);
        return new ProcessBenchCase(
                subset, LabeledTrace.fromFirstError(trace, firstError), fac != null && fac.booleanValue());
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
