package org.veristep.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.veristep.json.Json;
import org.veristep.trace.LabeledTrace;
import org.veristep.trace.Problem;
import org.veristep.trace.Trace;

/**
 * Math-Shepherd's step-tagged formats: the dataset rows {@code {"input", "label", "task"}} ({@link
 * #CODEC}, JSONL) and OpenR's {@code {"question", "process", "labels"}} test records ({@link
 * #TAGGED_CODEC}). Every step ends in the tag {@code " ки"}; in a dataset row's {@code label} the
 * tag is replaced by {@code +} or {@code -}.
 *
 * <p>Normalisation (as TRL's {@code math_shepherd.py}): the text before the first tag is the
 * question followed by the first step, split at the first {@code "Step 1:"}; each step's text is
 * what lies between two tags, trimmed, keeping its {@code "Step k: "} prefix. Labels: {@code +} →
 * correct, {@code -} → incorrect; the first error is the first {@code -}. The rows have no id;
 * callers name the trace ({@code <file>:<line>} by convention).
 */
public final class MathShepherdFormat {
    private MathShepherdFormat() {}

    /** The step tag, token 12902 of the Mistral tokenizer. */
    public static final String TAG = "ки";

    /** The layout of the published rows ({@code json.dumps} defaults, non-ASCII escaped). */
    public static final JsonStyle FILE_STYLE = JsonStyle.PYTHON_LINE_ASCII;

    private static final List<String> ORDER = List.of("input", "label", "task");

    /** The codec of one dataset row. */
    public static final RecordCodec<MathShepherdRow> CODEC = new RecordCodec<>() {
        @Override
        public MathShepherdRow parse(JsonNode node, RecordRef at) {
            ObjectNode o = Fields.object(node, at);
            String input = Fields.text(o, "input", at);
            String label = Fields.text(o, "label", at);
            labeled(input, label, "check", at);
            return new MathShepherdRow(
                    input, label, Fields.textOrNull(o, "task", "task", at), Fields.extras(o, Set.copyOf(ORDER)));
        }

        @Override
        public ObjectNode toJson(MathShepherdRow r) {
            ObjectNode o = Json.mapper().createObjectNode();
            o.put("input", r.input());
            o.put("label", r.label());
            if (r.task() != null) o.put("task", r.task());
            return Fields.merge(ORDER, o, r.extras());
        }
    };

    /** The codec of one OpenR tagged-process record. */
    public static final RecordCodec<TaggedProcess> TAGGED_CODEC = new RecordCodec<>() {
        @Override
        public TaggedProcess parse(JsonNode node, RecordRef at) {
            ObjectNode o = Fields.object(node, at);
            String question = Fields.text(o, "question", at);
            String process = Fields.text(o, "process", at);
            List<Integer> labels = Fields.integers(o, "labels", at);
            List<Integer> tags = tagPositions(process);
            if (tags.size() != labels.size()) {
                throw at.bad(
                        "labels",
                        "one label per " + TAG + " tag in process (" + tags.size() + "), got " + labels.size());
            }
            for (int i = 0; i < labels.size(); i++) {
                int v = labels.get(i);
                if (v != 0 && v != 1) throw at.bad("labels[" + i + "]", "0 or 1");
            }
            return new TaggedProcess(question, process, labels);
        }

        @Override
        public ObjectNode toJson(TaggedProcess r) {
            ObjectNode o = Json.mapper().createObjectNode();
            o.put("question", r.question());
            o.put("process", r.process());
            o.set("labels", Fields.intArray(r.labels()));
            return o;
        }
    };

    /**
     * Splits and labels a row; {@code at} null means the row was built in code (errors are then
     * IllegalArgumentException, else BadInputException naming {@code at}).
     */
    static LabeledTrace labeled(String input, String label, String id, RecordRef at) {
        List<Integer> tags = tagPositions(input);
        if (tags.isEmpty()) throw bad(at, "input", "text with a \" " + TAG + "\" tag after every step");
        if (label.length() != input.length() - tags.size()) {
            throw bad(
                    at,
                    "label",
                    "the input text with each " + TAG + " replaced by + or - (length " + (input.length() - tags.size())
                            + "), got length " + label.length());
        }
        List<Boolean> good = new ArrayList<>(tags.size());
        StringBuilder expected = new StringBuilder(label.length());
        int from = 0;
        for (int j = 0; j < tags.size(); j++) {
            int p = tags.get(j);
            expected.append(input, from, p);
            char c = label.charAt(p - j);
            if (c != '+' && c != '-') {
                throw bad(
                        at,
                        "label",
                        "+ or - at the position of tag " + (j + 1) + " (char " + (p - j) + "), got '" + c + "'");
            }
            good.add(c == '+');
            expected.append(c);
            from = p + TAG.length();
        }
        expected.append(input, from, input.length());
        if (!expected.toString().equals(label)) {
            throw bad(
                    at, "label", "the input text with each " + TAG + " replaced by + or -; the texts differ elsewhere");
        }
        List<String> segs = segments(input, tags);
        String head = segs.getFirst();
        int split = head.indexOf("Step 1:");
        if (split < 0) throw bad(at, "input", "the question followed by \"Step 1:\" before the first tag");
        String problem = head.substring(0, split).strip();
        List<String> steps = new ArrayList<>(segs.size());
        steps.add(head.substring(split).strip());
        for (int i = 1; i < segs.size(); i++) steps.add(segs.get(i).strip());
        Trace t = Trace.of(id, new Problem(id, problem, null), steps);
        return new LabeledTrace(t, BinaryLabels.fromBooleans(good), good.indexOf(false));
    }

    private static RuntimeException bad(RecordRef at, String field, String expected) {
        if (at == null) return new IllegalArgumentException(field + ": expected " + expected);
        return at.bad(field, expected);
    }

    /** {@return the char offsets of every tag in {@code text}} */
    static List<Integer> tagPositions(String text) {
        List<Integer> out = new ArrayList<>();
        for (int p = text.indexOf(TAG); p >= 0; p = text.indexOf(TAG, p + TAG.length())) out.add(p);
        return out;
    }

    /** {@return the texts before each tag (segment i ends at tag i)} */
    static List<String> segments(String text, List<Integer> tags) {
        List<String> out = new ArrayList<>(tags.size());
        int from = 0;
        for (int p : tags) {
            out.add(text.substring(from, p));
            from = p + TAG.length();
        }
        return out;
    }

    /** Streams the rows of one file to {@code sink}; see {@link DatasetFiles#read}. */
    public static long read(Path file, OnBadRecord onBad, Consumer<? super MathShepherdRow> sink) {
        return DatasetFiles.read(file, CODEC, onBad, sink);
    }

    /** {@return a lazy stream of the rows of one file}; close it */
    public static Stream<MathShepherdRow> stream(Path file, OnBadRecord onBad) {
        return DatasetFiles.stream(file, CODEC, onBad);
    }

    /** {@return every row of one file, failing at the first bad record} */
    public static List<MathShepherdRow> readAll(Path file) {
        return DatasetFiles.readAll(file, CODEC);
    }

    /** Writes rows as JSONL in the published layout. */
    public static void write(Path file, Iterable<MathShepherdRow> rows) {
        DatasetFiles.write(file, CODEC, FILE_STYLE, rows);
    }
}
