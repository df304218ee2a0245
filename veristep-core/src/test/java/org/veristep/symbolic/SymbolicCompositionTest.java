package org.veristep.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.veristep.TestData;
import org.veristep.dataset.RewardBenchFormat;
import org.veristep.dataset.RewardBenchSolution;
import org.veristep.json.Json;
import org.veristep.score.Aggregation;
import org.veristep.trace.Problem;
import org.veristep.trace.Trace;

/**
 * The symbolic verifier as a veto on real PRM step scores: each step's score becomes min(PRM,
 * symbolic), so a refuted step scores 0 and an unverifiable one keeps the PRM's score. Prints the
 * measurements; asserts that the PRM-alone figures equal those computed independently (python over
 * the same files) and that the veto never raises a score.
 */
class SymbolicCompositionTest {
    private final SymbolicScorer symbolic = new SymbolicScorer();

    /** {@return min(prm, symbolic) step by step; PRM scores beyond the trace's steps are kept} */
    private double[] veto(Trace trace, double[] prm) {
        double[] sym = symbolic.score(trace).toArray();
        double[] out = prm.clone();
        for (int i = 0; i < Math.min(sym.length, out.length); i++) out[i] = Math.min(out[i], sym[i]);
        return out;
    }

    /** RewardBench math-prm: 447 chosen/rejected pairs; a pair counts when chosen scores strictly higher. */
    @Test
    void rewardBenchPairwiseAccuracyAloneAndWithTheVeto() {
        // PRM alone, counted with python over the same files: prod, min, geomean
        Map<String, int[]> expected = Map.of(
                "Math_Shepherd", new int[] {422, 371, 364},
                "Easy_to_hard", new int[] {303, 238, 130},
                "ReasonEval_7B", new int[] {282, 187, 66},
                "ReasonEval_34B", new int[] {373, 190, 88});
        Aggregation[] aggs = {Aggregation.PRODUCT, Aggregation.MIN, Aggregation.GEOMETRIC_MEAN};
        for (String prm : List.of("Math_Shepherd", "Easy_to_hard", "ReasonEval_7B", "ReasonEval_34B")) {
            List<RewardBenchSolution> solutions =
                    RewardBenchFormat.readAll(TestData.file("rewardmath/RewardBench/rewardbench_" + prm + ".json"));
            List<RewardBenchFormat.Pair> pairs = RewardBenchFormat.pairs(solutions);
            int[] alone = new int[3];
            int[] vetoed = new int[3];
            int refutedChosen = 0;
            int refutedRejected = 0;
            for (RewardBenchFormat.Pair p : pairs) {
                double[] c = p.chosen().scoreArray();
                double[] r = p.rejected().scoreArray();
                double[] cv = veto(p.chosen().trace(), c);
                double[] rv = veto(p.rejected().trace(), r);
                if (Aggregation.MIN.apply(cv) == 0 && Aggregation.MIN.apply(c) > 0) refutedChosen++;
                if (Aggregation.MIN.apply(rv) == 0 && Aggregation.MIN.apply(r) > 0) refutedRejected++;
                for (int a = 0; a < 3; a++) {
                    if (aggs[a].apply(c) > aggs[a].apply(r)) alone[a]++;
                    if (aggs[a].apply(cv) > aggs[a].apply(rv)) vetoed[a]++;
                    assertTrue(aggs[a].apply(cv) <= aggs[a].apply(c) && aggs[a].apply(rv) <= aggs[a].apply(r));
                }
            }
            System.out.printf(
                    "RewardBench %-15s %d pairs  alone prod %d, min %d, geomean %d  |  with symbolic veto prod %d, min %d,"
                            + " geomean %d  (vetoed: %d chosen, %d rejected)%n",
                    prm,
                    pairs.size(),
                    alone[0],
                    alone[1],
                    alone[2],
                    vetoed[0],
                    vetoed[1],
                    vetoed[2],
                    refutedChosen,
                    refutedRejected);
            assertEquals(447, pairs.size());
            assertEquals(expected.get(prm)[0], alone[0], prm + " prod");
            assertEquals(expected.get(prm)[1], alone[1], prm + " min");
            assertEquals(expected.get(prm)[2], alone[2], prm + " geomean");
        }
    }

    /**
     * ReasonEval MR-MATH (invalid errors, 159 solutions, human first-error step group, 1-based, or
     * N/A): the predicted first error is the first step group holding a line the Math-Shepherd PRM
     * scores below 0.5, or (with the veto) a group the symbolic verifier refutes.
     */
    @Test
    void mrMathFirstErrorAccuracyAloneAndWithTheVeto() throws IOException {
        Map<Integer, double[]> prm = new HashMap<>();
        for (String line : Files.readAllLines(
                TestData.file(
                        "reasoneval/eval_results/mr-math_invalid_errors/math-shepherd_mistral-7b_eval_results.json"),
                StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            JsonNode o = Json.mapper().readTree(line);
            double[] s = new double[o.get("scores").size()];
            for (int i = 0; i < s.length; i++) s[i] = o.get("scores").get(i).asDouble();
            prm.put(o.get("id").asInt(), s);
        }
        int n = 0;
        int alone = 0;
        int vetoed = 0;
        int wrongAlone = 0;
        int wrongVetoed = 0;
        int wrongCases = 0;
        for (String line : Files.readAllLines(
                TestData.file("reasoneval/dataset/mr-math_invalid_errors.json"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            JsonNode o = Json.mapper().readTree(line);
            n++;
            JsonNode groups = o.get("model_output_step_format");
            List<String> groupTexts = new ArrayList<>();
            for (JsonNode g : groups) {
                List<String> lines = new ArrayList<>();
                g.forEach(l -> lines.add(l.asText()));
                groupTexts.add(String.join("\n", lines));
            }
            Trace trace = Trace.of(
                    "mr-math-" + o.get("id").asInt(),
                    new Problem("p", o.get("question").asText(), null),
                    groupTexts);
            double[] sym = symbolic.score(trace).toArray();
            double[] s = prm.get(o.get("id").asInt());
            int predAlone = -1;
            int predVeto = -1;
            int k = 0;
            for (int gi = 0; gi < groups.size(); gi++) {
                boolean low = false;
                for (int j = 0; j < groups.get(gi).size(); j++) low |= s[k + j] < 0.5;
                k += groups.get(gi).size();
                if (low && predAlone < 0) predAlone = gi + 1;
                if ((low || sym[gi] < 0.5) && predVeto < 0) predVeto = gi + 1;
            }
            assertEquals(s.length, k, "one PRM score per line");
            JsonNode label = o.get("model_output_solution_first_error_step");
            int truth = label.isInt() ? label.asInt() : -1;
            if (truth > 0) wrongCases++;
            if (predAlone == truth) {
                alone++;
                if (truth > 0) wrongAlone++;
            }
            if (predVeto == truth) {
                vetoed++;
                if (truth > 0) wrongVetoed++;
            }
        }
        System.out.printf(
                "MR-MATH invalid errors, Math-Shepherd: first-error accuracy alone %d/%d (%d/%d on wrong solutions),"
                        + " with symbolic veto %d/%d (%d/%d)%n",
                alone, n, wrongAlone, wrongCases, vetoed, n, wrongVetoed, wrongCases);
        assertEquals(159, n);
        assertEquals(70, alone, "computed independently with python");
        assertEquals(23, wrongAlone);
    }
    /**
     * RewardMATH best-of-10 (MATH500; candidate 0 is the correct one, 1–9 plausible wrong ones):
     * the step text of the benchmark is in ../shared/data for two problems only
     * ({@code RewardMATH_direct.json}, problem ids 0 and 399; the other 481 are on the Hugging Face
     * Hub, which this machine cannot reach), so the selection is measured on those 2 × 10
     * candidates with the real PRM step scores of {@code RewardMATH/*_reward.json}. A problem counts
     * when candidate 0 scores strictly above all nine others (a tie is a loss); the rank is
     * 1 + the number of others scoring at least as high (pessimistic under ties).
     */
    @Test
    void rewardMathBestOfTenOnTheProblemsWithStepText() throws IOException {
        JsonNode direct = Json.mapper()
                .readTree(TestData.file("rewardmath/RewardMATH_direct.json").toFile());
        Map<String, List<JsonNode>> byProblem = new java.util.LinkedHashMap<>();
        for (JsonNode row : direct)
            byProblem
                    .computeIfAbsent(row.get("problem").asText(), k -> new ArrayList<>())
                    .add(row);
        assertEquals(2, byProblem.size());
        Aggregation[] aggs = {Aggregation.MIN, Aggregation.PRODUCT, Aggregation.LAST, Aggregation.MEAN};
        // PRM alone, rank of the correct candidate per problem (ids 0, 399) and aggregation
        // (min, prod, last, mean), computed independently with python over the same files
        Map<String, int[][]> expectedRanks = Map.of(
                "Math_Shepherd", new int[][] {{3, 4, 3, 3}, {10, 9, 10, 10}},
                "Easy_to_hard", new int[][] {{2, 2, 6, 1}, {10, 7, 9, 7}},
                "ReasonEval_7B", new int[][] {{6, 8, 9, 7}, {7, 6, 6, 7}},
                "ReasonEval_34B", new int[][] {{3, 7, 3, 3}, {8, 7, 8, 7}});
        for (String prm : List.of("Math_Shepherd", "Easy_to_hard", "ReasonEval_7B", "ReasonEval_34B")) {
            Map<String, JsonNode> scores = new HashMap<>();
            for (JsonNode row : Json.mapper()
                    .readTree(TestData.file("rewardmath/RewardMATH/" + prm + "_reward.json")
                            .toFile())) {
                scores.put(row.get("problem").asText(), row);
            }
            StringBuilder line = new StringBuilder();
            int p = 0;
            int refuted = 0;
            int refutedCorrect = 0;
            for (Map.Entry<String, List<JsonNode>> e : byProblem.entrySet()) {
                JsonNode scored = scores.get(e.getKey());
                double[][] alone = new double[10][];
                double[][] vetoed = new double[10][];
                for (JsonNode row : e.getValue()) {
                    int k = indexOf(
                            scored.get("solution_reference"),
                            row.get("solution_reference").asText());
                    JsonNode s = scored.get("score").get(k);
                    alone[k] = new double[s.size()];
                    for (int i = 0; i < s.size(); i++) alone[k][i] = s.get(i).asDouble();
                    List<String> steps = new ArrayList<>();
                    row.get("eval_solution").forEach(t -> steps.add(t.asText()));
                    assertEquals(steps.size(), alone[k].length, "one PRM score per step");
                    Trace trace =
                            Trace.of("rewardmath-" + row.get("id").asInt(), new Problem("p", e.getKey(), null), steps);
                    vetoed[k] = veto(trace, alone[k]);
                    if (Aggregation.MIN.apply(vetoed[k]) == 0 && Aggregation.MIN.apply(alone[k]) > 0) {
                        refuted++;
                        if (k == 0) refutedCorrect++;
                    }
                }
                line.append(String.format(
                        " | problem %s:", e.getValue().get(0).get("problem_id").asText()));
                for (int a = 0; a < aggs.length; a++) {
                    int ra = rankOfCandidateZero(alone, aggs[a]);
                    int rv = rankOfCandidateZero(vetoed, aggs[a]);
                    assertEquals(expectedRanks.get(prm)[p][a], ra, prm + " " + aggs[a].label() + " problem " + p);
                    line.append(String.format(" %s %d->%d", aggs[a].label(), ra, rv));
                }
                p++;
            }
            System.out.printf(
                    "RewardMATH best-of-10 %-15s rank of the correct candidate, alone->with veto%s  (candidates"
                            + " vetoed: %d of 20, of them correct: %d)%n",
                    prm, line, refuted, refutedCorrect);
            assertEquals(0, refutedCorrect, "the correct candidates hold no false arithmetic");
        }
    }

    private static int indexOf(JsonNode array, String value) {
        for (int i = 0; i < array.size(); i++) if (array.get(i).asText().equals(value)) return i;
        throw new AssertionError("no candidate " + value);
    }

    /** {@return 1 + the number of other candidates scoring at least as high as candidate 0} */
    private static int rankOfCandidateZero(double[][] candidates, Aggregation agg) {
        double zero = agg.apply(candidates[0]);
        int rank = 1;
        for (int k = 1; k < candidates.length; k++) if (agg.apply(candidates[k]) >= zero) rank++;
        return rank;
    }
}
