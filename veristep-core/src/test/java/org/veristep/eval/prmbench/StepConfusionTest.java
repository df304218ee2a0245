package org.veristep.eval.prmbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class StepConfusionTest {
    @Test
    void f1MatchesPrecisionRecallForm() {
        StepConfusion c = new StepConfusion(8, 2, 5, 3);
        double p = 8.0 / 10, rc = 8.0 / 11;
        assertEquals(2 * p * rc / (p + rc), c.f1Positive(), 1e-12);
        double np = 5.0 / 8, nr = 5.0 / 7;
        assertEquals(2 * np * nr / (np + nr), c.f1Negative(), 1e-12);
        assertEquals(0.5 * c.f1Positive() + 0.5 * c.f1Negative(), c.prmScore(), 1e-12);
    }

    @Test
    void undefinedF1CountsAsZero() {
        StepConfusion allValid = new StepConfusion(5, 0, 0, 0);
        assertTrue(Double.isNaN(allValid.f1Negative()));
        assertEquals(0.5, allValid.prmScore());
    }

    @Property(tries = 300)
    void prmScoreInUnitIntervalAndSymmetric(
            @ForAll @IntRange(max = 50) int tp,
            @ForAll @IntRange(max = 50) int fp,
            @ForAll @IntRange(max = 50) int tn,
            @ForAll @IntRange(max = 50) int fn) {
        StepConfusion c = new StepConfusion(tp, fp, tn, fn);
        assertTrue(c.prmScore() >= 0 && c.prmScore() <= 1);
        // swapping the roles of the classes leaves PRMScore unchanged
        assertEquals(c.prmScore(), new StepConfusion(tn, fn, tp, fp).prmScore(), 1e-12);
    }
}
