package org.veristep.eval.bon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.veristep.TestData;
import org.veristep.dataset.RewardBenchFormat;
import org.veristep.dataset.RewardMathFormat;
import org.veristep.dataset.RewardMathProblem;
import org.veristep.score.Aggregation;

/**
 * Reproduces the RewardMATH accuracies reprinted in PROTOCOLS.md (Kim et al. 2024, Table of reward
 * accuracy; counts out of 483) from the published score files, and RewardBench pairwise counts.
 */
class RewardMathReproductionTest {
    private static final List<Aggregation> ALL = List.of(Aggregation.values());

    private static SelectionResult rewardMath(String model) {
        Path f = TestData.file("rewardmath/RewardMATH/" + model + "_reward.json");
        List<RewardMathProblem> problems = RewardMathFormat.readAll(f);
        assertEquals(483, problems.size());
        return Top1Selection.evaluate(
                "rewardmath",
                RewardMathFormat.modelName(f),
                BonInputs.fromRewardMath(problems),
                problems.get(0).stepwise(),
                ALL,
                200,
                1L,
                null);
    }

    private static int count(SelectionResult r, String agg) {
        return r.point(agg).orElseThrow().correct();
    }

    @Test
    void mathShepherd() {
        SelectionResult r = rewardMath("Math_Shepherd");
        assertTrue(r.stepLevel());
        assertEquals(83, count(r, "prod")); // 17.18%
        assertEquals(76, count(r, "geomean")); // 15.74%
        // the folder's PROVENANCE.md sanity figures: min 15.3%, last 18.2%, mean 15.1%
        assertEquals(74, count(r, "min"));
        assertEquals(88, count(r, "last"));
        assertEquals(73, count(r, "mean"));
    }

    @Test
    void easyToHardTieRuleMatters() {
        SelectionResult r = rewardMath("Easy_to_hard");
        assertEquals(68, count(r, "prod")); // 14.08%
        assertEquals(79, count(r, "geomean")); // 16.36%
    }

    @Test
    void reasonEval() {
        SelectionResult r7 = rewardMath("ReasonEval_7B");
        assertEquals(88, count(r7, "prod")); // 18.22%
        assertEquals(98, count(r7, "geomean")); // 20.29%
        SelectionResult r34 = rewardMath("ReasonEval_34B");
        assertEquals(89, count(r34, "geomean")); // 18.43%
        assertEquals(77, count(r34, "prod")); // paper prints 15.95, which no count gives; 77/483 = 15.94
    }

    @Test
    void scalarRewardModels() {
        SelectionResult armo = rewardMath("ArmoRM");
        assertFalse(armo.stepLevel());
        assertEquals(1, armo.points().size());
        assertEquals(99, count(armo, Top1Selection.SCALAR)); // 20.50%
        assertEquals(107, count(rewardMath("skywork_llama3"), Top1Selection.SCALAR)); // 22.15%
    }

    @Test
    void mrrUsesTheTieRankRule() {
        // MRR with rank = 1 + higher + equal, worked out with an independent script on the file
        SelectionResult r = rewardMath("Math_Shepherd");
        assertEquals(0.34679, r.point("prod").orElseThrow().mrr(), 1e-5);
        assertEquals(
                0.42182,
                rewardMath("ArmoRM").point(Top1Selection.SCALAR).orElseThrow().mrr(),
                1e-5);
        SelectionPoint p = r.point("prod").orElseThrow();
        assertTrue(p.ci().low() < p.accuracy() && p.accuracy() < p.ci().high());
    }

    @Test
    void rewardBenchPairwise() {
        // chosen strictly above rejected, counted with an independent script over the 447 pairs
        Path f = TestData.file("rewardmath/RewardBench/rewardbench_Math_Shepherd.json");
        SelectionResult r = Top1Selection.evaluate(
                "rewardbench",
                "Math_Shepherd",
                BonInputs.fromRewardBench(RewardBenchFormat.readAll(f)),
                true,
                ALL,
                100,
                1L,
                null);
        assertEquals(447, r.problems());
        assertEquals(422, count(r, "prod"));
        assertEquals(364, count(r, "geomean"));
        assertEquals(371, count(r, "min"));
        assertEquals(363, count(r, "mean"));
        assertEquals(294, count(r, "last"));
    }

    @Test
    void detectsTheKinds() {
        assertEquals(
                BonInputs.Kind.REWARDMATH, BonInputs.detect(TestData.file("rewardmath/RewardMATH/ArmoRM_reward.json")));
        assertEquals(
                BonInputs.Kind.REWARDBENCH,
                BonInputs.detect(TestData.file("rewardmath/RewardBench/rewardbench_Easy_to_hard.json")));
        assertEquals(
                BonInputs.Kind.QWEN_RM,
                BonInputs.detect(TestData.file("bon/qwen25math_rm_maj_example/math_cot_100.jsonl")));
    }
}
