package org.veristep.eval.bon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.veristep.score.Aggregation;

class BestOfNTest {

    @Test
    void naivePicksTheFirstHighestScore() {
        double[] s = {0.2, 0.9, 0.5, 0.9};
        assertEquals(1, BestOfN.selectNaive(s, 4)); // tie between 1 and 3 goes to the earlier
        assertEquals(0, BestOfN.selectNaive(s, 1));
        assertThrows(IllegalArgumentException.class, () -> BestOfN.selectNaive(s, 5));
    }

    @Test
    void weightedSumsScoresPerClassAndBreaksTiesByFirstSeenClass() {
        String[] keys = {"a", "b", "b", "a", "c"};
        double[] s = {0.9, 0.5, 0.5, 0.1, 0.95};
        // n=5: a = 1.0, b = 1.0, c = 0.95 -> tie a/b -> a (seen first) -> its first member, 0
        assertEquals(0, BestOfN.selectWeighted(keys, s, 5));
        // n=3: a = 0.9, b = 1.0 -> b, first member 1
        assertEquals(1, BestOfN.selectWeighted(keys, s, 3));
        // naive would pick c at n=5: weighted and naive differ
        assertEquals(4, BestOfN.selectNaive(s, 5));
    }

    @Test
    void majorityCountsAndBreaksTiesByFirstSeenClass() {
        String[] keys = {"7", "5", "5", "7", "9"};
        assertEquals(0, BestOfN.selectMajority(keys, 4)); // 2-2 tie -> "7" seen first
        assertEquals(1, BestOfN.selectMajority(keys, 3)); // "5" twice
        assertEquals(0, BestOfN.selectMajority(keys, 1));
    }

    @Test
    void nValuesArePowersOfTwoPlusN() {
        assertEquals(List.of(1, 2, 4, 8), BestOfN.nValues(8));
        assertEquals(List.of(1, 2, 4, 8, 10), BestOfN.nValues(10));
        assertEquals(List.of(1), BestOfN.nValues(1));
    }

    /** Two problems, four candidates each; every figure below is worked out by hand. */
    @Test
    void evaluateOnAHandMadeSet() {
        // Problem p1, gold 6: answers 4, 6, 6, 4; step scores chosen so min and last disagree.
        CandidateSet p1 = new CandidateSet(
                "p1",
                List.of(
                        new Candidate("4", false, new double[] {0.9, 0.8}), // min .8 last .8
                        new Candidate("6", true, new double[] {0.3, 0.95}), // min .3 last .95
                        new Candidate("6", true, new double[] {0.7, 0.7}), // min .7 last .7
                        new Candidate("4", false, new double[] {0.6, 0.1}))); // min .1 last .1
        // Problem p2, gold 1: only the last candidate is right.
        CandidateSet p2 = new CandidateSet(
                "p2",
                List.of(
                        new Candidate("2", false, new double[] {0.5}),
                        new Candidate("2", false, new double[] {0.4}),
                        new Candidate("3", false, new double[] {0.2}),
                        new Candidate("1", true, new double[] {0.9})));
        List<BestOfN.Selections> sel = new ArrayList<>();
        BonResult r = BestOfN.evaluate(
                List.of(p1, p2), List.of(Aggregation.MIN, Aggregation.LAST), AnswerGrouping.exact(), 0, 200, 7L, sel);
        assertEquals(4, r.maxN());
        assertEquals(List.of(1, 2, 4), r.ns());
        // pass@n: p1 from n=2, p2 only at n=4
        assertEquals(0, correct(r, BonMethod.PASS, null, 1));
        assertEquals(1, correct(r, BonMethod.PASS, null, 2));
        assertEquals(2, correct(r, BonMethod.PASS, null, 4));
        // maj@4: p1 4:2 vs 6:2 tie -> "4" first -> wrong; p2 "2" x2 -> wrong
        assertEquals(0, correct(r, BonMethod.MAJORITY, null, 4));
        // maj@2: p1 tie 4/6 -> "4" wrong
        assertEquals(0, correct(r, BonMethod.MAJORITY, null, 2));
        // naive@4/min: p1 mins .8 .3 .7 .1 -> cand 0 wrong; p2 -> .9 cand 3 right -> 1
        assertEquals(1, correct(r, BonMethod.NAIVE, Aggregation.MIN, 4));
        // naive@4/last: p1 lasts .8 .95 .7 .1 -> cand 1 right; p2 right -> 2
        assertEquals(2, correct(r, BonMethod.NAIVE, Aggregation.LAST, 4));
        // naive@2/min: p1 .8 vs .3 -> wrong; p2 .5 vs .4 -> wrong
        assertEquals(0, correct(r, BonMethod.NAIVE, Aggregation.MIN, 2));
        // weighted@4/min: p1 "4" .8+.1=.9, "6" .3+.7=1.0 -> right; p2 "2" .9, "3" .2, "1" .9 -> tie, "2" first -> wrong
        assertEquals(1, correct(r, BonMethod.WEIGHTED, Aggregation.MIN, 4));
        // weighted@4/last: p1 "4" .9, "6" 1.65 -> right; p2 tie .9/.9 -> "2" wrong
        assertEquals(1, correct(r, BonMethod.WEIGHTED, Aggregation.LAST, 4));
        // compute: naive@4 scored 8 candidates, maj@4 none
        BonPoint naive = r.point(BonMethod.NAIVE, Aggregation.MIN, 4).orElseThrow();
        assertEquals(8, naive.candidatesScored());
        assertEquals(8, naive.candidatesGenerated());
        assertEquals(0, r.point(BonMethod.MAJORITY, null, 4).orElseThrow().candidatesScored());
        assertEquals(0.5, naive.accuracy());
        assertTrue(naive.ci().low() <= 0.5 && naive.ci().high() >= 0.5);
        // selections are kept for the predictions file: 2 aggregations x 2 score methods + maj + pass, 3 n each
        assertEquals(6 * 3, sel.size());
        BestOfN.Selections w = sel.stream()
                .filter(s -> s.point().label().equals("weighted@4/min"))
                .findFirst()
                .orElseThrow();
        assertEquals(1, w.selected()[0]);
        assertEquals(0, w.selected()[1]);
    }

    @Test
    void normalizedGroupingMergesPresentationVariants() {
        CandidateSet p = new CandidateSet(
                "p",
                List.of(
                        new Candidate("\\frac{1}{2}", false, new double[] {0.6}),
                        new Candidate("0.50", true, new double[] {0.3}),
                        new Candidate("$.5$", true, new double[] {0.3}),
                        new Candidate("\\boxed{\\dfrac{1}{2}}", false, new double[] {0.2})));
        BonResult exact =
                BestOfN.evaluate(List.of(p), List.of(Aggregation.LAST), AnswerGrouping.exact(), 4, 10, 1L, null);
        BonResult norm =
                BestOfN.evaluate(List.of(p), List.of(Aggregation.LAST), AnswerGrouping.normalized(), 4, 10, 1L, null);
        // exact: four singleton classes, tie -> first -> wrong; normalized: {1/2 frac} x2 vs {0.5} x2 -> tie -> frac
        // first
        assertEquals(0, correct(exact, BonMethod.MAJORITY, null, 4));
        assertEquals(0, correct(norm, BonMethod.MAJORITY, null, 4));
        // weighted, normalized: frac class .8, 0.5 class .6 -> frac (wrong); exact: .6 .3 .3 .2 -> first (wrong)
        assertEquals(0, correct(norm, BonMethod.WEIGHTED, Aggregation.LAST, 4));
        // at n=3 normalized: frac .6 vs 0.5-class .6 -> tie -> frac first (wrong); maj: 0.5-class 2 vs 1 -> right
        BonResult norm3 =
                BestOfN.evaluate(List.of(p), List.of(Aggregation.LAST), AnswerGrouping.normalized(), 3, 10, 1L, null);
        BonResult exact3 =
                BestOfN.evaluate(List.of(p), List.of(Aggregation.LAST), AnswerGrouping.exact(), 3, 10, 1L, null);
        assertEquals(List.of(1, 2, 3), norm3.ns());
        assertEquals(1, correct(norm3, BonMethod.MAJORITY, null, 3));
        assertEquals(0, correct(exact3, BonMethod.MAJORITY, null, 3));
        assertEquals("normalized", norm.grouping());
    }

    @Test
    void graderGroupingMergesEquivalentValues() {
        // \frac{1}{2}, 0.5 and 1/2 are one class for the grader, two or three for the text normalisation
        CandidateSet p = new CandidateSet(
                "p",
                List.of(
                        new Candidate("3", false, new double[] {0.9}),
                        new Candidate("3", false, new double[] {0.9}),
                        new Candidate("\\frac{1}{2}", true, new double[] {0.4}),
                        new Candidate("0.5", true, new double[] {0.4}),
                        new Candidate("1/2", true, new double[] {0.4})));
        AnswerGrouping g = AnswerGrouping.grader();
        assertEquals(g.keyOf("\\frac{1}{2}"), g.keyOf("0.5"));
        assertEquals(g.keyOf("0.5"), g.keyOf("1/2"));
        BonResult graded = BestOfN.evaluate(List.of(p), List.of(Aggregation.LAST), g, 5, 10, 1L, null);
        BonResult norm =
                BestOfN.evaluate(List.of(p), List.of(Aggregation.LAST), AnswerGrouping.normalized(), 5, 10, 1L, null);
        // maj@5: grader 1/2 x3 vs 3 x2 -> right; normalized: "3" x2 beats three singletons -> wrong
        assertEquals(1, correct(graded, BonMethod.MAJORITY, null, 5));
        assertEquals(0, correct(norm, BonMethod.MAJORITY, null, 5));
        // weighted@5: grader 1/2 sums 1.2 vs 3 sums 1.8 -> wrong; naive -> first 0.9 -> wrong
        assertEquals(0, correct(graded, BonMethod.WEIGHTED, Aggregation.LAST, 5));
        assertEquals("grader", graded.grouping());
    }

    @Test
    void maxNLargerThanACandidateSetIsRejected() {
        CandidateSet p = new CandidateSet("p", List.of(new Candidate("1", true, new double[] {1})));
        assertThrows(
                IllegalArgumentException.class,
                () -> BestOfN.evaluate(List.of(p), List.of(Aggregation.MIN), AnswerGrouping.exact(), 2, 10, 1L, null));
    }

    private static int correct(BonResult r, BonMethod m, Aggregation a, int n) {
        return r.point(m, a, n)
                .orElseThrow(() -> new AssertionError("no point " + m + a + n))
                .correct();
    }
}
