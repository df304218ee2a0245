package org.veristep.eval.prmbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veristep.BadInputException;
import org.veristep.TestData;
import org.veristep.score.AllCorrectScorer;
import org.veristep.score.FileScorer;

class PrmBenchEvalTest {
    private static final double EPS = 1e-9;

    @Test
    void readsRealItemsLikeTheReference() {
        PrmBenchData.Loaded all = PrmBenchData.read(TestData.file("prmbench"));
        // 3,013 lines in the 17 staged files; 5 (classification, idx) repeats, all in multi_solutions
        assertEquals(3008, all.items().size());
        assertEquals(5, all.duplicatesSkipped());
        assertEquals( // found apart with python over the same files, keyed (classification, idx)
                List.of(
                        "multi_solutions_prm_test_p2_863",
                        "multi_solutions_prm_test_p2_889",
                        "multi_solutions_prm_test_p2_997",
                        "multi_solutions_prm_test_p2_1053",
                        "multi_solutions_prm_test_p2_1058"),
                all.duplicateIds());
        assertEquals(17, all.files().size());
        PrmBenchItem first = all.items().get(0);
        assertEquals("circular_prm_test_p1_0", first.id());
        assertEquals(7, first.steps().size());
        assertEquals(
                "Let's call the price of a pencil p and the price of a jumbo eraser e. Then we can write two equations.",
                first.steps().get(0)); // "1. " prefix removed
        assertEquals(Set.of(2, 3, 4), first.errorSteps()); // error_steps [3, 4, 5], 1-based
    }

    @Test
    void badLineNamesFileLineAndField(@org.junit.jupiter.api.io.TempDir Path tmp) throws java.io.IOException {
        Path f = tmp.resolve("f.jsonl");
        String good = "{\"original_question\":\"q\",\"modified_question\":\"q\",\"original_process\":[\"1. x\"],"
                + "\"modified_process\":[\"1. x\"],\"modified_steps\":[1],\"error_steps\":[1],\"reason\":\"r\","
                + "\"idx\":\"a\",\"question\":\"q\",\"classification\":\"circular\"}";
        java.nio.file.Files.writeString(
                f, good + "\n" + good.replace("\"error_steps\":[1]", "\"error_steps\":[\"two\"]"));
        BadInputException e = assertThrows(BadInputException.class, () -> PrmBenchData.read(f));
        assertEquals("error_steps[0]", e.field());
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith(f + ":2"), e.getMessage());
    }

    /**
     * A hand-made score file for two real rows; the expected figures are worked out by hand in the
     * comments.
     */
    @Test
    void fileScorerMatchesAHandComputation(@TempDir Path tmp) throws Exception {
        PrmBenchData.Loaded all = PrmBenchData.read(TestData.file("prmbench"));
        PrmBenchItem circular = find(all, "circular_prm_test_p1_0");
        PrmBenchItem multi = find(all, "multi_solutions_prm_test_p1_0");
        assertEquals(7, circular.steps().size());
        assertEquals(11, multi.steps().size());
        assertTrue(multi.errorSteps().isEmpty());
        Path scores = tmp.resolve("scores.jsonl");
        Files.writeString(
                scores,
                // circular: errors at 0-based 2,3,4. Valid iff score > 0.5 (0.5 itself is NOT valid):
                // s0 ok/valid TP, s1 TP, s2 err/invalid TN, s3 err/valid FP, s4 TN, s5 TP, s6 ok/0.5 invalid FN
                "{\"id\":\"circular_prm_test_p1_0\",\"step_scores\":[0.9,0.8,0.3,0.6,0.2,0.7,0.5]}\n"
                        // multi_solutions: 10 valid steps judged valid (TP), the last judged invalid (FN)
                        + "{\"id\":\"multi_solutions_prm_test_p1_0\",\"step_scores\":"
                        + "[0.9,0.9,0.9,0.9,0.9,0.9,0.9,0.9,0.9,0.9,0.4]}\n");
        List<PrmBenchEval.ItemOutcome> outcomes = new ArrayList<>();
        PrmBenchResult r = PrmBenchEval.evaluate(
                List.of(circular, multi), 0, new FileScorer(scores), 0.5, 8, 200, 3L, outcomes::add, null);
        assertEquals(
                new StepConfusion(3, 1, 2, 1), r.of("circular").orElseThrow().confusion());
        // circular: F1+ = 6/(6+1+1) = 0.75, F1- = 4/(4+1+1) = 2/3, PRMScore = 0.708333
        assertEquals(
                0.75 * 0.5 + (2.0 / 3) * 0.5, r.of("circular").orElseThrow().prmScore(), EPS);
        // multi_solutions: F1+ alone = 20/21
        assertEquals(
                new StepConfusion(10, 0, 0, 1),
                r.of("multi_solutions").orElseThrow().confusion());
        assertEquals(20.0 / 21, r.of("multi_solutions").orElseThrow().prmScore(), EPS);
        // overall pools the steps: TP 13 FP 1 TN 2 FN 2 -> F1+ = 26/29, F1- = 4/7
        assertEquals(new StepConfusion(13, 1, 2, 2), r.overall().confusion());
        assertEquals(0.5 * 26 / 29 + 0.5 * 4 / 7, r.overall().prmScore(), EPS);
        assertEquals(0.733990147783, r.overall().prmScore(), 1e-9);
        assertEquals(2, outcomes.size());
        assertNull(outcomes.get(0).error());
        assertEquals(0, r.failed());
    }

    @Test
    void missingScoresFailTheItemNotTheRun(@TempDir Path tmp) throws Exception {
        PrmBenchData.Loaded all = PrmBenchData.read(TestData.file("prmbench"));
        PrmBenchItem a = find(all, "circular_prm_test_p1_0");
        PrmBenchItem b = find(all, "confidence_prm_test_p1_0");
        Path scores = tmp.resolve("scores.jsonl");
        Files.writeString(scores, "{\"id\":\"circular_prm_test_p1_0\",\"step_scores\":[1,1,1,1,1,1,1]}\n");
        List<PrmBenchEval.ItemOutcome> outcomes = new ArrayList<>();
        PrmBenchResult r =
                PrmBenchEval.evaluate(List.of(a, b), 0, new FileScorer(scores), 0.5, 8, 50, 3L, outcomes::add, null);
        assertEquals(1, r.failed());
        assertEquals(1, r.overall().items());
        assertNotNull(outcomes.get(1).error());
        assertTrue(
                outcomes.get(1).error().contains("confidence_prm_test_p1_0"),
                outcomes.get(1).error());
        assertEquals(1, r.of("confidence").orElseThrow().failed());
    }

    /**
     * all-correct judges every step valid: no true negative, so F1(negative) = 0 in every class, and
     * PRMScore = F1(positive)/2 = TP/(2TP+FP). The counts below (valid steps, erroneous steps in
     * range) were counted from the data files with an independent script.
     */
    @Test
    void allCorrectOnTheRealData() {
        PrmBenchData.Loaded all = PrmBenchData.read(TestData.file("prmbench"));
        PrmBenchResult r = PrmBenchEval.evaluate(
                all.items(), all.duplicatesSkipped(), new AllCorrectScorer(), 0.5, 256, 100, 1L, null, null);
        assertEquals(3008, r.items());
        assertEquals(60, r.outOfRangeErrorSteps());
        assertEquals(new StepConfusion(30190, 6030, 0, 0), r.overall().confusion());
        assertEquals(0.0, r.overall().confusion().f1Negative());
        assertEquals(0.4546002108116, r.overall().prmScore(), 1e-12);
        assertEquals(9, r.classes().size());
        for (ClassScore c : r.classes()) {
            if (c.classification().equals("multi_solutions")) {
                assertEquals(1.0, c.prmScore()); // no erroneous step: F1(positive) = 1
            } else {
                assertEquals(0.0, c.confusion().f1Negative(), c.classification());
            }
        }
        assertEquals(
                new StepConfusion(2457, 991, 0, 0),
                r.of("circular").orElseThrow().confusion());
        assertEquals(0.416088, r.of("circular").orElseThrow().prmScore(), 1e-6);
        assertEquals(357, r.of("circular").orElseThrow().items());
        // leaderboard categories: simplicity = mean(redundency, circular) = (0.462996 + 0.416088) / 2
        PrmBenchResult.Category simplicity = r.categoryScores().get(0);
        assertEquals("simplicity", simplicity.name());
        assertEquals((0.462996 + 0.416088) / 2, simplicity.prmScore(), 1e-6);
        // sensitivity = mean(missing_condition 0.439459, deception 0.44842, multi_solutions 1.0)
        assertEquals((0.439459 + 0.44842 + 1.0) / 3, r.categoryScores().get(2).prmScore(), 1e-6);
        ClassScore o = r.overall();
        assertTrue(o.ci().low() <= o.prmScore() && o.prmScore() <= o.ci().high());
    }

    private static PrmBenchItem find(PrmBenchData.Loaded all, String id) {
        return all.items().stream()
                .filter(i -> i.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no item " + id));
    }
}
