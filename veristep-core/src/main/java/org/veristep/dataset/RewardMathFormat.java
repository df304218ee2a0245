package org.veristep.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.veristep.json.Json;

/**
 * RewardMATH score files ({@code kimsh0507/RewardMATH_official}, {@code results/RewardMATH/*_reward.json}):
 * a JSON array of {@code {"problem": str, "solution_reference": [str × 10], "score": [...× 10]}}
 * where each score is a list of per-step floats (PRMs: Math-Shepherd, Easy-to-Hard, ReasonEval)
 * or one float (scalar RMs: ArmoRM, Skywork). The official files are written by Python's
 * {@code json.dump(indent=4)}; {@link #FILE_STYLE} writes them back byte for byte.
 *
 * <p>A file must be all stepwise or all scalar; a record mixing the two is rejected.
 */
public final class RewardMathFormat {
    private RewardMathFormat() {}

    /** The layout of the official files: {@code json.dump(rows, f, indent=4)}. */
    public static final JsonStyle FILE_STYLE = JsonStyle.indented(4, true);

    /** The codec of one problem record. */
    public static final RecordCodec<RewardMathProblem> CODEC = new RecordCodec<>() {
        @Override
        public RewardMathProblem parse(JsonNode node, RecordRef at) {
            ObjectNode o = Fields.object(node, at);
            String problem = Fields.text(o, "problem", at);
            List<String> refs = Fields.strings(o, "solution_reference", at);
            ArrayNode score = Fields.array(o, "score", "score", at);
            if (score.size() != refs.size()) {
                throw at.bad("score", "one entry per candidate (" + refs.size() + "), got " + score.size());
            }
            boolean stepwise = score.size() > 0 && score.get(0).isArray();
            List<List<Double>> scores = new ArrayList<>(score.size());
            for (int i = 0; i < score.size(); i++) {
                JsonNode s = score.get(i);
                String path = "score[" + i + "]";
                if (stepwise) {
                    if (!s.isArray()) throw at.bad(path, "a list of step scores like score[0]");
                    scores.add(Fields.numbers(s, path, at));
                } else {
                    if (!s.isNumber()) throw at.bad(path, "a number like score[0]");
                    scores.add(List.of(s.doubleValue()));
                }
            }
            return new RewardMathProblem(problem, refs, scores, stepwise);
        }

        @Override
        public ObjectNode toJson(RewardMathProblem p) {
            ObjectNode o = Json.mapper().createObjectNode();
            o.put("problem", p.problem());
            o.set("solution_reference", Fields.stringArray(p.solutionReference()));
            ArrayNode score = o.putArray("score");
            for (List<Double> s : p.scores()) {
                if (p.stepwise()) score.add(Fields.numberArray(s));
                else score.add(s.get(0));
            }
            return o;
        }
    };

    /** Streams the problems of one file to {@code sink}; see {@link DatasetFiles#read}. */
    public static long read(Path file, OnBadRecord onBad, Consumer<? super RewardMathProblem> sink) {
        return DatasetFiles.read(file, CODEC, onBad, sink);
    }

    /** {@return a lazy stream of the problems of one file}; close it */
    public static Stream<RewardMathProblem> stream(Path file, OnBadRecord onBad) {
        return DatasetFiles.stream(file, CODEC, onBad);
    }

    /** {@return every problem of one file, failing at the first bad record} */
    public static List<RewardMathProblem> readAll(Path file) {
        return DatasetFiles.readAll(file, CODEC);
    }

    /** Writes problems in the official layout. */
    public static void write(Path file, Iterable<RewardMathProblem> problems) {
        DatasetFiles.write(file, CODEC, FILE_STYLE, problems);
    }

    /**
     * {@return the reward model's name from a file name}: {@code Math_Shepherd_reward.json} gives
     * {@code Math_Shepherd}
     */
    public static String modelName(Path file) {
        String n = file.getFileName().toString();
        if (n.endsWith(".json")) n = n.substring(0, n.length() - 5);
        if (n.endsWith("_reward")) n = n.substring(0, n.length() - 7);
        return n;
    }
}
