package org.veristep.eval.bon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Invariants of the selection rules over random candidate sets (jqwik prints the seed). */
class BestOfNPropertiesTest {

    /** Answer keys from small ints, so classes repeat. */
    private static String[] keys(int[] raw) {
        return Arrays.stream(raw).mapToObj(i -> "a" + Math.floorMod(i, 4)).toArray(String[]::new);
    }

    @Property(tries = 500)
    void selectionsStayInsideTheFirstN(
            @ForAll @Size(min = 1, max = 16) int[] answers, @ForAll @IntRange(min = 1, max = 16) int n0) {
        int n = Math.min(n0, answers.length);
        String[] k = keys(answers);
        double[] s = new double[k.length];
        for (int i = 0; i < s.length; i++) s[i] = Math.floorMod(answers[i] * 31 + i, 7) / 7.0;
        assertTrue(BestOfN.selectNaive(s, n) < n);
        assertTrue(BestOfN.selectWeighted(k, s, n) < n);
        assertTrue(BestOfN.selectMajority(k, n) < n);
    }

    @Property(tries = 500)
    void weightedWithEqualScoresIsMajority(@ForAll @Size(min = 1, max = 16) int[] answers) {
        String[] k = keys(answers);
        double[] ones = new double[k.length];
        Arrays.fill(ones, 0.7);
        for (int n = 1; n <= k.length; n++) {
            assertEquals(BestOfN.selectMajority(k, n), BestOfN.selectWeighted(k, ones, n));
        }
    }

    @Property(tries = 500)
    void majorityWinnerHasTheLargestClassAndIsItsFirstMember(@ForAll @Size(min = 1, max = 16) int[] answers) {
        String[] k = keys(answers);
        int n = k.length;
        int w = BestOfN.selectMajority(k, n);
        long winnerCount = Arrays.stream(k).filter(k[w]::equals).count();
        for (String other : k) assertTrue(Arrays.stream(k).filter(other::equals).count() <= winnerCount);
        for (int i = 0; i < w; i++) assertTrue(!k[i].equals(k[w]), "not the first member of its class");
    }

    @Property(tries = 300)
    void naiveIsTheFirstArgmax(@ForAll @Size(min = 1, max = 16) int[] raw) {
        double[] s = Arrays.stream(raw).mapToDouble(i -> Math.floorMod(i, 5)).toArray();
        int b = BestOfN.selectNaive(s, s.length);
        for (int i = 0; i < s.length; i++) {
            assertTrue(s[i] <= s[b]);
            if (i < b) assertTrue(s[i] < s[b]);
        }
    }
}
