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
 * Raw PRM800K label lines ({@code openai/prm800k}): JSONL of {@code {labeler, timestamp, generation,
 * is_quality_control_question, is_initial_screening_question, question{...}, label{steps[{completions
 * [{text, rating, flagged}] | null, human_completion, chosen_completion}], total_time,
 * finish_reason}}}. Ratings −1/0/+1 map to incorrect/neutral/correct. Written by {@code
 * json.dumps}; {@link #FILE_STYLE} writes lines back byte for byte.
 */
public final class Prm800kFormat {
    private Prm800kFormat() {}

    /** The layout of the published files ({@code json.dumps} defaults). */
    public static final JsonStyle FILE_STYLE = JsonStyle.PYTHON_LINE_ASCII;

    private static final List<String> ORDER = List.of(
            "labeler",
            "timestamp",
            "generation",
            "is_quality_control_question",
            "is_initial_screening_question",
            "question",
            "label");
    private static final Set<String> MODELLED = Set.copyOf(ORDER);

    /** The codec of one line. */
    public static final RecordCodec<Prm800kLine> CODEC = new RecordCodec<>() {
        @Override
        public Prm800kLine parse(JsonNode node, RecordRef at) {
            ObjectNode o = Fields.object(node, at);
            JsonNode gen = o.get("generation");
            if (gen == null || !(gen.isNull() || (gen.isIntegralNumber() && gen.canConvertToInt()))) {
                throw at.bad("generation", "an integer or null");
            }
            ObjectNode question = Fields.object(o, "question", at);
            Fields.text(question, "problem", "question.problem", at);
            ObjectNode label = Fields.object(o, "label", at);
            ArrayNode stepsNode = Fields.array(label, "steps", "label.steps", at);
            List<Prm800kLine.RatedStep> steps = new ArrayList<>(stepsNode.size());
            for (int k = 0; k < stepsNode.size(); k++) {
                String sp = "label.steps[" + k + "]";
                JsonNode s = stepsNode.get(k);
                if (!s.isObject()) throw at.bad(sp, "an object");
                JsonNode cs = s.get("completions");
                List<Prm800kLine.Completion> completions = null;
                if (cs != null && !cs.isNull()) {
                    if (!cs.isArray()) throw at.bad(sp + ".completions", "an array or null");
                    completions = new ArrayList<>(cs.size());
                    for (int c = 0; c < cs.size(); c++) {
                        completions.add(completion(cs.get(c), sp + ".completions[" + c + "]", at));
                    }
                }
                JsonNode hc = s.get("human_completion");
                Prm800kLine.Completion human =
                        hc == null || hc.isNull() ? null : completion(hc, sp + ".human_completion", at);
                JsonNode cc = s.get("chosen_completion");
                Integer chosen = null;
                if (cc != null && !cc.isNull()) {
                    if (!cc.isIntegralNumber()
                            || completions == null
                            || cc.intValue() < 0
                            || cc.intValue() >= completions.size()) {
                        throw at.bad(
                                sp + ".chosen_completion",
                                "null or an index into completions (0.."
                                        + (completions == null ? -1 : completions.size() - 1) + ")");
                    }
                    chosen = cc.intValue();
                }
                steps.add(new Prm800kLine.RatedStep(completions, human, chosen));
            }
            return new Prm800kLine(
                    Fields.text(o, "labeler", at),
                    Fields.text(o, "timestamp", at),
                    gen.isNull() ? null : gen.intValue(),
                    Fields.bool(o, "is_quality_control_question", "is_quality_control_question", at),
                    Fields.bool(o, "is_initial_screening_question", "is_initial_screening_question", at),
                    question,
                    steps,
                    Fields.extras(label, Set.of("steps")),
                    Fields.extras(o, MODELLED));
        }

        @Override
        public ObjectNode toJson(Prm800kLine l) {
            ObjectNode o = Json.mapper().createObjectNode();
            o.put("labeler", l.labeler());
            o.put("timestamp", l.timestamp());
            if (l.generation() == null) o.putNull("generation");
            else o.put("generation", l.generation());
            o.put("is_quality_control_question", l.qualityControl());
            o.put("is_initial_screening_question", l.initialScreening());
            o.set("question", l.question().deepCopy());
            ObjectNode label = o.putObject("label");
            ArrayNode steps = label.putArray("steps");
            for (Prm800kLine.RatedStep s : l.steps()) {
                ObjectNode sn = steps.addObject();
                if (s.completions() == null) {
                    sn.putNull("completions");
                } else {
                    ArrayNode cs = sn.putArray("completions");
                    s.completions().forEach(c -> cs.add(completionJson(c)));
                }
                if (s.humanCompletion() == null) sn.putNull("human_completion");
                else sn.set("human_completion", completionJson(s.humanCompletion()));
                if (s.chosenCompletion() == null) sn.putNull("chosen_completion");
                else sn.put("chosen_completion", s.chosenCompletion());
            }
            label.setAll(l.labelExtras());
            return Fields.merge(ORDER, o, l.extras());
        }
    };

    private static Prm800kLine.Completion completion(JsonNode c, String path, RecordRef at) {
        if (!c.isObject()) throw at.bad(path, "an object {text, rating, flagged}");
        JsonNode r = c.get("rating");
        Integer rating = null;
        if (r != null && !r.isNull()) {
            if (!r.isIntegralNumber() || r.intValue() < -1 || r.intValue() > 1) {
                throw at.bad(path + ".rating", "-1, 0, 1 or null");
            }
            rating = r.intValue();
        }
        JsonNode f = c.get("flagged");
        if (f != null && !f.isBoolean() && !f.isNull()) throw at.bad(path + ".flagged", "true, false or null");
        return new Prm800kLine.Completion(
                Fields.text(c, "text", path + ".text", at),
                rating,
                f == null || f.isNull() ? null : f.booleanValue(),
                Fields.extras(c, Set.of("text", "rating", "flagged")));
    }

    /** Field order of the files: text, rating, then extras (human completions: source), flagged. */
    private static ObjectNode completionJson(Prm800kLine.Completion c) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("text", c.text());
        if (c.rating() == null) o.putNull("rating");
        else o.put("rating", c.rating());
        o.setAll(c.extras());
        if (c.flagged() == null) o.putNull("flagged");
        else o.put("flagged", c.flagged());
        return o;
    }

    /** Streams the lines of one file to {@code sink}; see {@link DatasetFiles#read}. */
    public static long read(Path file, OnBadRecord onBad, Consumer<? super Prm800kLine> sink) {
        return DatasetFiles.read(file, CODEC, onBad, sink);
    }

    /** {@return a lazy stream of the lines of one file}; close it */
    public static Stream<Prm800kLine> stream(Path file, OnBadRecord onBad) {
        return DatasetFiles.stream(file, CODEC, onBad);
    }

    /** {@return every line of one file, failing at the first bad record} */
    public static List<Prm800kLine> readAll(Path file) {
        return DatasetFiles.readAll(file, CODEC);
    }

    /** Writes lines as JSONL in the published layout. */
    public static void write(Path file, Iterable<Prm800kLine> lines) {
        DatasetFiles.write(file, CODEC, FILE_STYLE, lines);
    }
}
