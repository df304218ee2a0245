package org.veristep.eval.bon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.veristep.BadInputException;
import org.veristep.dataset.DatasetFiles;
import org.veristep.dataset.QwenRmProblem;
import org.veristep.dataset.RewardBenchFormat;
import org.veristep.dataset.RewardBenchSolution;
import org.veristep.dataset.RewardMathProblem;
import org.veristep.json.Json;

/**
 * The three kinds of best-of-N input files {@code veristep eval bon} reads, how to tell them apart,
 * and their conversion to the evaluators' inputs. The files are read by the dataset readers
 * ({@link org.veristep.dataset.QwenRmFormat}, {@link org.veristep.dataset.RewardMathFormat}, {@link
 * RewardBenchFormat}).
 */
public final class BonInputs {
    private BonInputs() {}

    /** A kind of best-of-N input file. */
    public enum Kind {
        /**
         * JSONL of problems with N sampled answers ({@code pred}), their correctness ({@code score})
         * and reward-model scores ({@code pred_score}): Qwen2.5-Math's RM@8 / maj@8 file. Evaluated
         * by {@link BestOfN}.
         */
        QWEN_RM("qwen-rm"),
        /**
         * JSON array of {@code {problem, solution_reference[10], score[10]}}, candidate 0 correct:
         * RewardMATH score files. Evaluated by {@link Top1Selection}.
         */
        REWARDMATH("rewardmath"),
        /**
         * JSON array of chosen/rejected solutions with {@code output.step_scores}: RewardBench
         * math-prm score files. Evaluated by {@link Top1Selection} on the pairs (pairwise accuracy).
         */
        REWARDBENCH("rewardbench");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** {@return the name used by {@code --format}} */
        public String label() {
            return label;
        }

        /**
         * {@return the kind named {@code name}}
         *
         * @throws IllegalArgumentException listing the names when none matches
         */
        public static Kind parse(String name) {
            for (Kind k : values()) {
                if (k.label.equals(name.toLowerCase(Locale.ROOT)) || k.name().equalsIgnoreCase(name)) return k;
            }
            throw new IllegalArgumentException(
                    "unknown format '" + name + "'; known: qwen-rm, rewardmath, rewardbench");
        }
    }

    /**
     * Detects the kind from the first record: a JSON array whose first element has {@code
     * solution_reference} is RewardMATH, one with {@code eval_solution} or {@code solution_type} is
     * RewardBench; JSONL whose first record has {@code pred} and {@code pred_score} is the Qwen file.
     *
     * @throws BadInputException naming the file when it is none of these
     * @throws UncheckedIOException when the file cannot be read
     */
    public static Kind detect(Path file) {
        JsonNode first = firstRecord(file);
        String src = file.toString();
        if (first == null || !first.isObject()) {
            throw new BadInputException(src, 1, null, "expected a JSON array or JSONL of objects (a best-of-N file)");
        }
        if (DatasetFiles.isJsonArray(file)) {
            if (first.has("solution_reference") && first.has("score")) return Kind.REWARDMATH;
            if (first.has("eval_solution") || first.has("solution_type")) return Kind.REWARDBENCH;
        } else if (first.has("pred") && first.has("pred_score")) {
            return Kind.QWEN_RM;
        }
        throw new BadInputException(
                src,
                1,
                null,
                "not a known best-of-N file: expected RewardMATH ({solution_reference, score}),"
                        + " RewardBench ({eval_solution, output.step_scores, solution_type}) or Qwen RM@k"
                        + " JSONL ({pred, score, pred_score}); pass --format to say which");
    }

    private static JsonNode firstRecord(Path file) {
        try {
            if (DatasetFiles.isJsonArray(file)) {
                try (JsonParser p = Json.mapper().createParser(file.toFile())) {
                    if (p.nextToken() != JsonToken.START_ARRAY) return null;
                    if (p.nextToken() != JsonToken.START_OBJECT) return null;
                    return Json.mapper().readTree(p);
                }
            }
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isBlank()) return Json.mapper().readTree(line);
                }
                return null;
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadInputException(file.toString(), 1, null, "expected JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * {@return the Qwen problems as candidate sets}: the answer is {@code pred}, correctness {@code
     * score}, and the candidate's scores the reward model's {@code pred_score} list (one value in the
     * published file); ids {@code qwen-rm-<idx>}
     */
    public static List<CandidateSet> fromQwenRm(List<QwenRmProblem> problems) {
        List<CandidateSet> out = new ArrayList<>(problems.size());
        for (QwenRmProblem p : problems) {
            List<Candidate> cs = new ArrayList<>(p.candidates().size());
            for (QwenRmProblem.Candidate c : p.candidates()) {
                double[] s =
                        c.rmScores().stream().mapToDouble(Double::doubleValue).toArray();
                cs.add(new Candidate(c.pred(), c.correct(), s));
            }
            out.add(new CandidateSet(p.problemId(), cs));
        }
        return out;
    }

    /** {@return RewardMATH problems as scored candidates, ids {@code rewardmath-<0-based index>}} */
    public static List<ScoredCandidates> fromRewardMath(List<RewardMathProblem> problems) {
        List<ScoredCandidates> out = new ArrayList<>(problems.size());
        for (int i = 0; i < problems.size(); i++) {
            RewardMathProblem p = problems.get(i);
            List<double[]> s = new ArrayList<>(p.candidateCount());
            for (int c = 0; c < p.candidateCount(); c++) s.add(p.candidateScores(c));
            out.add(new ScoredCandidates("rewardmath-" + i, s));
        }
        return out;
    }

    /**
     * {@return RewardBench solutions as chosen (candidate 0) / rejected (candidate 1) pairs, ids
     * {@code rewardbench-<problem_id>}}; every step score given is used, as the reference does, also
     * for the few solutions with one score more than steps
     *
     * @throws IllegalArgumentException when a problem lacks its chosen or rejected solution
     */
    public static List<ScoredCandidates> fromRewardBench(List<RewardBenchSolution> solutions) {
        List<ScoredCandidates> out = new ArrayList<>();
        for (RewardBenchFormat.Pair pair : RewardBenchFormat.pairs(solutions)) {
            out.add(new ScoredCandidates(
                    "rewardbench-" + pair.chosen().problemId(),
                    List.of(pair.chosen().scoreArray(), pair.rejected().scoreArray())));
        }
        return out;
    }

    /**
     * RewardBench pairs re-scored by a step scorer (instead of the scores stored in the file).
     *
     * @param pairs the pairs whose two solutions were both scored: chosen = candidate 0
     * @param failed for each solution that could not be scored, its trace id and the error; its pair
     *     is left out of {@code pairs}
     */
    public record Rescored(List<ScoredCandidates> pairs, List<String> failed) {
        public Rescored {
            pairs = List.copyOf(pairs);
            failed = List.copyOf(failed);
        }
    }

    /**
     * Scores the step text of RewardBench solutions with {@code scorer} and pairs them.
     *
     * @param solutions the file's solutions
     * @param scorer the step scorer; not closed here
     * @param batchSize traces per scorer call, at least 1; a failing batch is retried solution by
     *     solution and a solution that still fails is recorded in {@link Rescored#failed()}
     * @param progress receives the number of solutions done after each batch; may be null
     * @throws IllegalArgumentException when a problem lacks its chosen or rejected solution
     */
    public static Rescored scoreRewardBench(
            List<RewardBenchSolution> solutions,
            org.veristep.score.StepScorer scorer,
            int batchSize,
            java.util.function.IntConsumer progress) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1");
        java.util.Map<String, double[]> scores = new java.util.HashMap<>();
        List<String> failed = new ArrayList<>();
        for (int from = 0; from < solutions.size(); from += batchSize) {
            List<RewardBenchSolution> batch = solutions.subList(from, Math.min(solutions.size(), from + batchSize));
            try {
                score(batch, scorer, scores);
            } catch (org.veristep.VeristepException | IllegalArgumentException e) {
                for (RewardBenchSolution s : batch) {
                    try {
                        score(List.of(s), scorer, scores);
                    } catch (org.veristep.VeristepException | IllegalArgumentException one) {
                        failed.add(s.traceId() + ": " + one.getMessage());
                    }
                }
            }
            if (progress != null) progress.accept(Math.min(solutions.size(), from + batchSize));
        }
        List<ScoredCandidates> out = new ArrayList<>();
        for (RewardBenchFormat.Pair pair : RewardBenchFormat.pairs(solutions)) {
            double[] c = scores.get(pair.chosen().traceId());
            double[] r = scores.get(pair.rejected().traceId());
            if (c != null && r != null) {
                out.add(new ScoredCandidates("rewardbench-" + pair.chosen().problemId(), List.of(c, r)));
            }
        }
        return new Rescored(out, failed);
    }

    private static void score(
            List<RewardBenchSolution> batch,
            org.veristep.score.StepScorer scorer,
            java.util.Map<String, double[]> into) {
        List<org.veristep.trace.StepScores> s =
                scorer.score(batch.stream().map(RewardBenchSolution::trace).toList());
        if (s.size() != batch.size()) {
            throw new org.veristep.VeristepException.NonRetriable(
                    "scorer '" + scorer.name() + "' returned " + s.size() + " results for " + batch.size() + " traces");
        }
        for (int i = 0; i < s.size(); i++) {
            double[] v = s.get(i).toArray();
            if (v.length == 0) throw new IllegalArgumentException(batch.get(i).traceId() + ": no steps scored");
            into.put(batch.get(i).traceId(), v);
        }
    }
}
