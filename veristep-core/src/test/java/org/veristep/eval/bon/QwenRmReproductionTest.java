package org.veristep.eval.bon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.veristep.TestData;
import org.veristep.dataset.QwenRmFormat;
import org.veristep.score.Aggregation;

/**
 * Reproduces the outputs of Qwen2.5-Math's {@code evaluation/rm_maj_eval.py} on its example file:
 * maj@8 = 93/100 (majority by the {@code pred} string, a tie to the answer seen first) and RM@8 =
 * 94/100 (the first candidate with the highest {@code pred_score}).
 */
class QwenRmReproductionTest {
    private static List<CandidateSet> sets() {
        return BonInputs.fromQwenRm(
                QwenRmFormat.readAll(TestData.file("bon/qwen25math_rm_maj_example/math_cot_100.jsonl")));
    }

    @Test
    void majAt8AndRmAt8() {
        BonResult r = BestOfN.evaluate(sets(), List.of(Aggregation.LAST), AnswerGrouping.exact(), 8, 200, 1L, null);
        assertEquals(100, r.problems());
        assertEquals(List.of(1, 2, 4, 8), r.ns());
        assertEquals(93, r.point(BonMethod.MAJORITY, null, 8).orElseThrow().correct());
        assertEquals(
                94, r.point(BonMethod.NAIVE, Aggregation.LAST, 8).orElseThrow().correct());
        // the folder's PROVENANCE.md: pass@8 = 96/100
        assertEquals(96, r.point(BonMethod.PASS, null, 8).orElseThrow().correct());
        // n = 1 is the first sample alone for every method
        int first = r.point(BonMethod.PASS, null, 1).orElseThrow().correct();
        assertEquals(first, r.point(BonMethod.MAJORITY, null, 1).orElseThrow().correct());
        assertEquals(
                first,
                r.point(BonMethod.NAIVE, Aggregation.LAST, 1).orElseThrow().correct());
        assertEquals(
                first,
                r.point(BonMethod.WEIGHTED, Aggregation.LAST, 1).orElseThrow().correct());
    }

    /**
     * The harness already normalised {@code pred} (strip_string), so the grader's classes equal the
     * string classes here: 132 classes over the 100 problems either way, and the same figures.
     */
    @Test
    void graderGroupingGivesTheSameVotesOnThisFile() {
        List<CandidateSet> sets = sets();
        BonResult r = BestOfN.evaluate(sets, List.of(Aggregation.LAST), AnswerGrouping.grader(), 8, 50, 1L, null);
        assertEquals(93, r.point(BonMethod.MAJORITY, null, 8).orElseThrow().correct());
        assertEquals(
                94,
                r.point(BonMethod.WEIGHTED, Aggregation.LAST, 8).orElseThrow().correct());
        AnswerGrouping g = AnswerGrouping.grader();
        int classes = 0;
        for (CandidateSet s : sets) {
            classes += (int) s.candidates().stream()
                    .map(c -> g.keyOf(c.answer()))
                    .distinct()
                    .count();
        }
        assertEquals(132, classes);
    }

    @Test
    void everyAggregationOfOneScoreIsTheSame() {
        BonResult r = BestOfN.evaluate(sets(), List.of(Aggregation.values()), AnswerGrouping.exact(), 8, 50, 1L, null);
        for (Aggregation a : Aggregation.values()) {
            assertEquals(94, r.point(BonMethod.NAIVE, a, 8).orElseThrow().correct(), a.label());
        }
    }
}
