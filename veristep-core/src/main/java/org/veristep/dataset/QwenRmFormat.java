package org.veristep.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.veristep.json.Json;

/**
 * The Qwen2.5-Math RM@8 / maj@8 candidate file ({@code math_cot_100.jsonl}): JSONL of {@code {"idx",
 * "question", "gt_cot", "gt", "level", "solution", "answer", "code": [str], "pred": [str], "report",
 * "score": [bool], "system", "query", "response": [str], "history", "pred_score": [[float]]}}, the
 * lists indexed by sample. Written by {@code json.dumps(ensure_ascii=False)}; {@link #FILE_STYLE}
 * writes each line back byte for byte.
 */
public final class QwenRmFormat {
    private QwenRmFormat() {}

    /** The layout of the published file: one {@code json.dumps(row, ensure_ascii=False)} per line. */
    public static final JsonStyle FILE_STYLE = JsonStyle.PYTHON_LINE_UTF8;

    private static final List<String> ORDER = List.of(
            "idx",
            "question",
            "gt_cot",
            "gt",
            "level",
            "solution",
            "answer",
            "code",
            "pred",
            "report",
            "score",
            "system",
            "query",
            "response",
            "history",
            "pred_score");
    private static final Set<String> MODELLED =
            Set.of("idx", "question", "gt", "level", "pred", "score", "response", "pred_score");

    /** The codec of one problem line. */
    public static final RecordCodec<QwenRmProblem> CODEC = new RecordCodec<>() {
        @Override
        public QwenRmProblem parse(JsonNode node, RecordRef at) {
            ObjectNode o = Fields.object(node, at);
            List<String> responses = Fields.strings(o, "response", at);
            List<String> preds = Fields.strings(o, "pred", at);
            ArrayNode score = Fields.array(o, "score", "score", at);
            ArrayNode predScore = Fields.array(o, "pred_score", "pred_score", at);
            int n = responses.size();
            if (preds.size() != n) throw at.bad("pred", "one answer per response (" + n + "), got " + preds.size());
            if (score.size() != n) throw at.bad("score", "one verdict per response (" + n + "), got " + score.size());
            if (predScore.size() != n) {
                throw at.bad("pred_score", "one score list per response (" + n + "), got " + predScore.size());
            }
            List<QwenRmProblem.Candidate> candidates = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                if (!score.get(i).isBoolean()) throw at.bad("score[" + i + "]", "true or false");
                List<Double> rm = Fields.numbers(predScore.get(i), "pred_score[" + i + "]", at);
                if (rm.isEmpty()) throw at.bad("pred_score[" + i + "]", "at least one score");
                candidates.add(new QwenRmProblem.Candidate(
                        responses.get(i), preds.get(i), score.get(i).booleanValue(), rm));
            }
            return new QwenRmProblem(
                    Fields.integer(o, "idx", "idx", at),
                    Fields.text(o, "question", at),
                    Fields.text(o, "gt", at),
                    Fields.text(o, "level", at),
                    candidates,
                    Fields.extras(o, MODELLED));
        }

        @Override
        public ObjectNode toJson(QwenRmProblem p) {
            ObjectNode o = Json.mapper().createObjectNode();
            o.put("idx", p.idx());
            o.put("question", p.question());
            o.put("gt", p.gt());
            o.put("level", p.level());
            ArrayNode pred = o.putArray("pred");
            ArrayNode score = o.putArray("score");
            ArrayNode response = o.putArray("response");
            ArrayNode predScore = o.putArray("pred_score");
            for (QwenRmProblem.Candidate c : p.candidates()) {
                pred.add(c.pred());
                score.add(c.correct());
                response.add(c.response());
                predScore.add(Fields.numberArray(c.rmScores()));
            }
            return Fields.merge(ORDER, o, p.extras());
        }
    };

    /** Streams the problems of one file to {@code sink}; see {@link DatasetFiles#read}. */
    public static long read(Path file, OnBadRecord onBad, Consumer<? super QwenRmProblem> sink) {
        return DatasetFiles.read(file, CODEC, onBad, sink);
    }

    /** {@return a lazy stream of the problems of one file}; close it */
    public static Stream<QwenRmProblem> stream(Path file, OnBadRecord onBad) {
        return DatasetFiles.stream(file, CODEC, onBad);
    }

    /** {@return every problem of one file, failing at the first bad record} */
    public static List<QwenRmProblem> readAll(Path file) {
        return DatasetFiles.readAll(file, CODEC);
    }

    /** Writes problems as JSONL in the published layout. */
    public static void write(Path file, Iterable<QwenRmProblem> problems) {
        DatasetFiles.write(file, CODEC, FILE_STYLE, problems);
    }
}
