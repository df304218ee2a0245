package org.veristep.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.veristep.BadInputException;
import org.veristep.json.Json;
import org.veristep.trace.LabeledTrace;
import org.veristep.trace.Problem;
import org.veristep.trace.Provenance;
import org.veristep.trace.Step;
import org.veristep.trace.StepLabel;
import org.veristep.trace.StepScores;
import org.veristep.trace.Trace;

/** Reads and writes Veristep's own JSONL trace format; see {@link TraceRecord} for the fields. */
public final class VeristepJsonl {
    private VeristepJsonl() {}

    /** {@return the record as one JSON object, ready to be written as a line} */
    public static ObjectNode toJson(TraceRecord r) {
        ObjectNode o = Json.mapper().createObjectNode();
        Trace t = r.trace();
        o.put("id", t.id());
        ObjectNode p = o.putObject("problem");
        p.put("id", t.problem().id());
        p.put("text", t.problem().text());
        if (t.problem().goldAnswer() != null) p.put("gold_answer", t.problem().goldAnswer());
        ArrayNode steps = o.putArray("steps");
        t.stepTexts().forEach(steps::add);
        if (t.finalAnswer() != null) o.put("final_answer", t.finalAnswer());
        if (t.generator() != null) o.put("generator", t.generator());
        if (r.labeled() != null) {
            ArrayNode labels = o.putArray("labels");
            r.labeled().labels().forEach(l -> labels.add(l.name().toLowerCase(Locale.ROOT)));
            o.put("first_error", r.labeled().firstError());
        }
        if (r.scores() != null) {
            ArrayNode s = o.putArray("step_scores");
            for (double v : r.scores().toArray()) s.add(v);
        }
        if (r.stepDetails() != null) {
            ArrayNode d = o.putArray("step_details");
            r.stepDetails().forEach(d::add);
        }
        if (r.provenance() != null) o.set("provenance", provenanceJson(r.provenance()));
        return o;
    }

    /**
     * {@return provenance as JSON: tool, tool_version, scorer, model, endpoint, parameters, seed, time,
     * and the Java version and OS of the machine that wrote it}
     */
    public static ObjectNode provenanceJson(Provenance pr) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("tool", "veristep");
        o.put("tool_version", pr.toolVersion());
        if (pr.scorer() != null) o.put("scorer", pr.scorer());
        if (pr.model() != null) o.put("model", pr.model());
        if (pr.endpoint() != null) o.put("endpoint", pr.endpoint());
        ObjectNode params = o.putObject("parameters");
        pr.parameters().forEach(params::put);
        if (pr.seed() != null) o.put("seed", pr.seed());
        o.put("time", pr.time().toString());
        o.put("java", System.getProperty("java.version"));
        o.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return o;
    }

    /**
     * Parses provenance written by {@link #provenanceJson}.
     *
     * @throws BadInputException when {@code tool_version} or {@code time} is missing or malformed
     */
    public static Provenance parseProvenance(JsonNode o, String source, long line) {
        if (!o.isObject()) throw new BadInputException(source, line, "provenance", "expected an object");
        Map<String, String> params = new TreeMap<>();
        JsonNode pn = o.path("parameters");
        for (Iterator<Map.Entry<String, JsonNode>> it = pn.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            params.put(e.getKey(), e.getValue().asText());
        }
        Instant time;
        try {
            time = Instant.parse(o.path("time").asText());
        } catch (DateTimeParseException e) {
            throw new BadInputException(source, line, "provenance.time", "expected an ISO-8601 instant");
        }
        JsonNode version = o.get("tool_version");
        if (version == null || !version.isTextual()) {
            throw new BadInputException(source, line, "provenance.tool_version", "expected a string");
        }
        return new Provenance(
                version.textValue(),
                textOrNull(o, "scorer"),
                textOrNull(o, "model"),
                textOrNull(o, "endpoint"),
                params,
                o.hasNonNull("seed") ? o.get("seed").asLong() : null,
                time);
    }

    /**
     * Parses one line's object.
     *
     * @throws BadInputException naming source, line and field when a field is missing or of the
     *     wrong type, or labels/scores do not have one entry per step
     */
    public static TraceRecord parse(JsonNode o, String source, long line) {
        if (!o.isObject()) throw new BadInputException(source, line, null, "expected a JSON object");
        String id = requireText(o, "id", source, line);
        JsonNode pn = o.get("problem");
        if (pn == null || !pn.isObject()) {
            throw new BadInputException(source, line, "problem", "expected an object {id, text, gold_answer}");
        }
        Problem problem = new Problem(
                requireText(pn, "id", source, line),
                requireText(pn, "text", source, line),
                textOrNull(pn, "gold_answer"));
        JsonNode sn = o.get("steps");
        if (sn == null || !sn.isArray())
            throw new BadInputException(source, line, "steps", "expected an array of strings");
        List<Step> steps = new ArrayList<>(sn.size());
        for (int i = 0; i < sn.size(); i++) {
            if (!sn.get(i).isTextual())
                throw new BadInputException(source, line, "steps[" + i + "]", "expected a string");
            steps.add(new Step(sn.get(i).textValue()));
        }
        Trace trace = new Trace(id, problem, steps, textOrNull(o, "final_answer"), textOrNull(o, "generator"));
        LabeledTrace labeled = null;
        if (o.has("labels")) {
            JsonNode ln = o.get("labels");
            if (!ln.isArray() || ln.size() != steps.size()) {
                throw new BadInputException(
                        source, line, "labels", "expected one label per step (" + steps.size() + ")");
            }
            List<StepLabel> labels = new ArrayList<>();
            for (int i = 0; i < ln.size(); i++) {
                try {
                    labels.add(StepLabel.valueOf(ln.get(i).asText().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new BadInputException(
                            source, line, "labels[" + i + "]", "expected correct, incorrect, neutral or unknown");
                }
            }
            JsonNode fe = o.get("first_error");
            if (fe == null || !fe.canConvertToExactIntegral() || fe.intValue() < -1 || fe.intValue() >= steps.size()) {
                throw new BadInputException(source, line, "first_error", "expected -1 or a 0-based step index");
            }
            labeled = new LabeledTrace(trace, labels, fe.intValue());
        }
        StepScores scores = null;
        if (o.has("step_scores")) {
            JsonNode s = o.get("step_scores");
            if (!s.isArray() || s.size() != steps.size()) {
                throw new BadInputException(
                        source, line, "step_scores", "expected one score per step (" + steps.size() + ")");
            }
            double[] v = new double[s.size()];
            for (int i = 0; i < v.length; i++) {
                JsonNode x = s.get(i);
                if (!x.isNumber() || !(x.asDouble() >= 0 && x.asDouble() <= 1)) {
                    throw new BadInputException(source, line, "step_scores[" + i + "]", "expected a number in [0, 1]");
                }
                v[i] = x.asDouble();
            }
            scores = new StepScores(id, v);
        }
        List<ObjectNode> details = null;
        if (o.has("step_details")) {
            JsonNode d = o.get("step_details");
            if (!d.isArray() || d.size() != steps.size()) {
                throw new BadInputException(
                        source, line, "step_details", "expected one object per step (" + steps.size() + ")");
            }
            details = new ArrayList<>();
            for (int i = 0; i < d.size(); i++) {
                if (!d.get(i).isObject())
                    throw new BadInputException(source, line, "step_details[" + i + "]", "expected an object");
                details.add((ObjectNode) d.get(i));
            }
        }
        Provenance provenance = o.has("provenance") ? parseProvenance(o.get("provenance"), source, line) : null;
        return new TraceRecord(trace, labeled, scores, details, provenance);
    }

    /** The layout Veristep writes: one {@code json.dumps(record, ensure_ascii=False)} per line. */
    public static final JsonStyle STYLE = JsonStyle.PYTHON_LINE_UTF8;

    /** The codec of one line. */
    public static final RecordCodec<TraceRecord> CODEC = new RecordCodec<>() {
        @Override
        public TraceRecord parse(JsonNode node, RecordRef at) {
            return VeristepJsonl.parse(node, at.source(), at.line());
        }

        @Override
        public ObjectNode toJson(TraceRecord value) {
            return VeristepJsonl.toJson(value);
        }
    };

    /**
     * Streams the records of a JSONL file to {@code sink}; blank lines are skipped.
     *
     * @throws BadInputException at the first malformed line (file, line, field)
     * @throws UncheckedIOException when the file cannot be read
     */
    public static void read(Path file, Consumer<TraceRecord> sink) {
        DatasetFiles.read(file, CODEC, OnBadRecord.fail(), sink);
    }

    /**
     * Streams the records of a JSONL file to {@code sink}, handing each malformed line to {@code
     * onBad} ({@link OnBadRecord#skip} reports it and reads on).
     *
     * @return the number of records passed to {@code sink}
     */
    public static long read(Path file, OnBadRecord onBad, Consumer<? super TraceRecord> sink) {
        return DatasetFiles.read(file, CODEC, onBad, sink);
    }

    /** {@return a lazy stream of the records of a JSONL file}; close it */
    public static Stream<TraceRecord> stream(Path file, OnBadRecord onBad) {
        return DatasetFiles.stream(file, CODEC, onBad);
    }

    /** {@return a streaming JSONL writer}; the caller closes it */
    public static DatasetFiles.RecordWriter<TraceRecord> writer(Path file) {
        return DatasetFiles.writer(file, CODEC, STYLE);
    }

    /** Writes records as JSONL. */
    public static void write(Path file, Iterable<TraceRecord> records) {
        DatasetFiles.write(file, CODEC, STYLE, records);
    }

    /** {@return the record as one line of JSON in {@link #STYLE}, without the newline} */
    public static String toLine(TraceRecord r) {
        return PyJson.write(toJson(r), STYLE);
    }

    private static String requireText(JsonNode o, String field, String source, long line) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) throw new BadInputException(source, line, field, "expected a string");
        return v.textValue();
    }

    private static String textOrNull(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
