package org.veristep.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.veristep.json.Json;

/**
 * PRMBench JSONL ({@code ssmisya/PRMBench}): one {@link PrmBenchItem} per line, fields {@code
 * original_question, modified_question, original_process, modified_process, modified_steps,
 * error_steps, reason, [ground_truth], idx, question, classification, [original_response]}. Index
 * convention: {@code error_steps} and {@code modified_steps} are 1-based; {@link
 * PrmBenchItem#labeled()} converts to 0-based. Written by {@code json.dumps(ensure_ascii=False)};
 * {@link #FILE_STYLE} writes lines back byte for byte.
 */
public final class PrmBenchFormat {
    private PrmBenchFormat() {}

    /** The layout of the published files. */
    public static final JsonStyle FILE_STYLE = JsonStyle.PYTHON_LINE_UTF8;

    private static final List<String> ORDER = List.of(
            "original_question",
            "modified_question",
            "original_process",
            "modified_process",
            "modified_steps",
            "error_steps",
            "reason",
            "ground_truth",
            "idx",
            "question",
            "classification",
            "original_response");
    private static final Set<String> MODELLED = Set.copyOf(ORDER);

    /** The codec of one line. */
    public static final RecordCodec<PrmBenchItem> CODEC = new RecordCodec<>() {
        @Override
        public PrmBenchItem parse(JsonNode node, RecordRef at) {
            ObjectNode o = Fields.object(node, at);
            return new PrmBenchItem(
                    Fields.text(o, "original_question", at),
                    Fields.text(o, "modified_question", at),
                    Fields.strings(o, "original_process", at),
                    Fields.strings(o, "modified_process", at),
                    Fields.integers(o, "modified_steps", at),
                    Fields.integers(o, "error_steps", at),
                    Fields.text(o, "reason", at),
                    Fields.textOrNull(o, "ground_truth", "ground_truth", at),
                    Fields.text(o, "idx", at),
                    Fields.text(o, "question", at),
                    Fields.text(o, "classification", at),
                    Fields.textOrNull(o, "original_response", "original_response", at),
                    Fields.extras(o, MODELLED));
        }

        @Override
        public ObjectNode toJson(PrmBenchItem p) {
            ObjectNode o = Json.mapper().createObjectNode();
            o.put("original_question", p.originalQuestion());
            o.put("modified_question", p.modifiedQuestion());
            o.set("original_process", Fields.stringArray(p.originalProcess()));
            o.set("modified_process", Fields.stringArray(p.modifiedProcess()));
            o.set("modified_steps", Fields.intArray(p.modifiedSteps()));
            o.set("error_steps", Fields.intArray(p.errorSteps()));
            o.put("reason", p.reason());
            if (p.groundTruth() != null) o.put("ground_truth", p.groundTruth());
            o.put("idx", p.idx());
            o.put("question", p.question());
            o.put("classification", p.classification());
            if (p.originalResponse() != null) o.put("original_response", p.originalResponse());
            return Fields.merge(ORDER, o, p.extras());
        }
    };

    /** Streams the items of one file to {@code sink}; see {@link DatasetFiles#read}. */
    public static long read(Path file, OnBadRecord onBad, Consumer<? super PrmBenchItem> sink) {
        return DatasetFiles.read(file, CODEC, onBad, sink);
    }

    /** {@return a lazy stream of the items of one file}; close it */
    public static Stream<PrmBenchItem> stream(Path file, OnBadRecord onBad) {
        return DatasetFiles.stream(file, CODEC, onBad);
    }

    /** {@return every item of one file, failing at the first bad record} */
    public static List<PrmBenchItem> readAll(Path file) {
        return DatasetFiles.readAll(file, CODEC);
    }

    /** Writes items as JSONL in the published layout. */
    public static void write(Path file, Iterable<PrmBenchItem> items) {
        DatasetFiles.write(file, CODEC, FILE_STYLE, items);
    }
}
