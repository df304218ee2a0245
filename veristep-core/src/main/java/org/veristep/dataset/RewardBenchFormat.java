package org.veristep.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.veristep.json.Json;

/**
 * RewardBench {@code math-prm} step-score files of RewardMATH ({@code
 * results/Rewardbench/rewardbench_{Math_Shepherd,Easy_to_hard,ReasonEval_7B,ReasonEval_34B}.json}):
 * a JSON array of {@code {"problem", "eval_solution": [str], "subject", "level": int, "output":
 * {"step_scores": [float]}, "problem_id": int, "solution_type": "chosen"|"rejected"}}, 447 chosen
 * and 447 rejected solutions. Written by {@code json.dump(indent=4)}; {@link #FILE_STYLE} writes
 * them back byte for byte.
 */
public final class RewardBenchFormat {
    private RewardBenchFormat() {}

    /** The layout of the official files: {@code json.dump(rows, f, indent=4)}. */
    public static final JsonStyle FILE_STYLE = JsonStyle.indented(4, true);

    /** The codec of one solution record. */
    public static final RecordCodec<RewardBenchSolution> CODEC = new RecordCodec<>() {
        @Override
        public RewardBenchSolution parse(JsonNode node, RecordRef at) {
            ObjectNode o = Fields.object(node, at);
            ObjectNode output = Fields.object(o, "output", at);
            List<Double> scores = Fields.numbers(output.get("step_scores"), "output.step_scores", at);
            for (int i = 0; i < scores.size(); i++) {
                double s = scores.get(i);
                if (!(s >= 0 && s <= 1)) throw at.bad("output.step_scores[" + i + "]", "a number in [0, 1], got " + s);
            }
            String type = Fields.text(o, "solution_type", at);
            if (!type.equals("chosen") && !type.equals("rejected")) {
                throw at.bad("solution_type", "\"chosen\" or \"rejected\", got \"" + type + "\"");
            }
            return new RewardBenchSolution(
                    Fields.text(o, "problem", at),
                    Fields.strings(o, "eval_solution", at),
                    Fields.text(o, "subject", at),
                    Fields.integer(o, "level", "level", at),
                    scores,
                    Fields.integer(o, "problem_id", "problem_id", at),
                    type.equals("chosen"),
                    Fields.extras(output, Set.of("step_scores")));
        }

        @Override
        public ObjectNode toJson(RewardBenchSolution s) {
            ObjectNode o = Json.mapper().createObjectNode();
            o.put("problem", s.problem());
            o.set("eval_solution", Fields.stringArray(s.steps()));
            o.put("subject", s.subject());
            o.put("level", s.level());
            ObjectNode output = o.putObject("output");
            output.set("step_scores", Fields.numberArray(s.stepScores()));
            output.setAll(s.outputExtras());
            o.put("problem_id", s.problemId());
            o.put("solution_type", s.chosen() ? "chosen" : "rejected");
            return o;
        }
    };

    /** A chosen solution and the rejected one of the same problem. */
    public record Pair(RewardBenchSolution chosen, RewardBenchSolution rejected) {
        public Pair {
            if (!chosen.chosen() || rejected.chosen() || chosen.problemId() != rejected.problemId()) {
                throw new IllegalArgumentException("a pair is the chosen and the rejected solution of one problem");
            }
        }
    }

    /** Streams the solutions of one file to {@code sink}; see {@link DatasetFiles#read}. */
    public static long read(Path file, OnBadRecord onBad, Consumer<? super RewardBenchSolution> sink) {
        return DatasetFiles.read(file, CODEC, onBad, sink);
    }

    /** {@return a lazy stream of the solutions of one file}; close it */
    public static Stream<RewardBenchSolution> stream(Path file, OnBadRecord onBad) {
        return DatasetFiles.stream(file, CODEC, onBad);
    }

    /** {@return every solution of one file, failing at the first bad record} */
    public static List<RewardBenchSolution> readAll(Path file) {
        return DatasetFiles.readAll(file, CODEC);
    }

    /**
     * Groups solutions into chosen/rejected pairs by problem id, in order of first appearance.
     *
     * @throws IllegalArgumentException naming the problem id when a problem lacks its chosen or its
     *     rejected solution, or has two of one kind
     */
    public static List<Pair> pairs(List<RewardBenchSolution> solutions) {
        Map<Integer, RewardBenchSolution[]> byId = new LinkedHashMap<>();
        for (RewardBenchSolution s : solutions) {
            RewardBenchSolution[] p = byId.computeIfAbsent(s.problemId(), k -> new RewardBenchSolution[2]);
            int slot = s.chosen() ? 0 : 1;
            if (p[slot] != null) {
                throw new IllegalArgumentException("problem_id " + s.problemId() + " has two "
                        + (s.chosen() ? "chosen" : "rejected") + " solutions");
            }
            p[slot] = s;
        }
        List<Pair> out = new ArrayList<>(byId.size());
        byId.forEach((id, p) -> {
            if (p[0] == null || p[1] == null) {
                throw new IllegalArgumentException(
                        "problem_id " + id + " lacks its " + (p[0] == null ? "chosen" : "rejected") + " solution");
            }
            out.add(new Pair(p[0], p[1]));
        });
        return out;
    }

    /** Writes solutions in the official layout. */
    public static void write(Path file, Iterable<RewardBenchSolution> solutions) {
        DatasetFiles.write(file, CODEC, FILE_STYLE, solutions);
    }

    /**
     * {@return the PRM's name from a file name}: {@code rewardbench_Math_Shepherd.json} gives {@code
     * Math_Shepherd}
     */
    public static String modelName(Path file) {
        String n = file.getFileName().toString();
        if (n.endsWith(".json")) n = n.substring(0, n.length() - 5);
        if (n.startsWith("rewardbench_")) n = n.substring(12);
        return n;
    }
}
