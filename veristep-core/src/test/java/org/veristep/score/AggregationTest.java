package org.veristep.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.veristep.VeristepException;

class AggregationTest {
    private static final double EPS = 1e-12;

    @Test
    void handComputedValues() {
        double[] s = {0.5, 0.8, 0.2, 0.9};
        assertEquals(0.2, Aggregation.MIN.apply(s));
        assertEquals(0.9, Aggregation.LAST.apply(s));
        assertEquals(0.5 * 0.8 * 0.2 * 0.9, Aggregation.PRODUCT.apply(s), EPS); // 0.072
        assertEquals(0.6, Aggregation.MEAN.apply(s), EPS);
        assertEquals(Math.pow(0.072, 0.25), Aggregation.GEOMETRIC_MEAN.apply(s), EPS); // 0.5180...
        assertEquals(0.518, Aggregation.GEOMETRIC_MEAN.apply(s), 1e-3);
    }

    @Test
    void scalarScoreIsItsOwnAggregate() {
        for (Aggregation a : Aggregation.values()) assertEquals(3.546875, a.apply(new double[] {3.546875}), EPS);
    }

    @Test
    void emptyTraceIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Aggregation.MEAN.apply(new double[0]));
    }

    @Test
    void parsesLabelsAndAliases() {
        assertEquals(Aggregation.PRODUCT, Aggregation.parse("prod"));
        assertEquals(Aggregation.PRODUCT, Aggregation.parse("Product"));
        assertEquals(Aggregation.GEOMETRIC_MEAN, Aggregation.parse("geometric_mean"));
        assertEquals(Aggregation.GEOMETRIC_MEAN, Aggregation.parse("geo-mean"));
        assertEquals(Aggregation.MIN, Aggregation.parse(" MIN "));
        VeristepException e = assertThrows(VeristepException.class, () -> Aggregation.parse("max"));
        assertTrue(e.getMessage().contains("min, last, prod, mean, geomean"), e.getMessage());
    }

    @Property(tries = 500)
    void boundsForProbabilities(@ForAll @Size(min = 1, max = 40) double[] raw) {
        double[] s = toUnit(raw);
        double min = Aggregation.MIN.apply(s), last = Aggregation.LAST.apply(s);
        double prod = Aggregation.PRODUCT.apply(s), mean = Aggregation.MEAN.apply(s);
        double geo = Aggregation.GEOMETRIC_MEAN.apply(s);
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) max = Math.max(max, v);
        assertTrue(prod >= 0 && prod <= min + EPS, "prod " + prod + " > min " + min);
        assertTrue(min <= geo + EPS, "min " + min + " > geomean " + geo);
        assertTrue(geo <= mean + EPS, "geomean " + geo + " > mean " + mean);
        assertTrue(min <= mean + EPS && mean <= max + EPS, "mean " + mean + " outside [min, max]");
        assertTrue(min <= last && last <= max, "last outside [min, max]");
        assertTrue(max <= 1.0);
    }

    @Property(tries = 300)
    void constantScoresAggregateToThemselvesExceptProduct(
            @ForAll @DoubleRange(min = 0.01, max = 1.0) double v,
            @ForAll @Size(min = 1, max = 30) double[] lengthOnly) {
        double[] s = new double[lengthOnly.length];
        java.util.Arrays.fill(s, v);
        assertEquals(v, Aggregation.MIN.apply(s));
        assertEquals(v, Aggregation.LAST.apply(s));
        assertEquals(v, Aggregation.MEAN.apply(s), 1e-12);
        assertEquals(v, Aggregation.GEOMETRIC_MEAN.apply(s), 1e-9);
        assertEquals(Math.pow(v, s.length), Aggregation.PRODUCT.apply(s), 1e-9);
    }

    @Property(tries = 300)
    void appendingAStepNeverRaisesMinOrProduct(
            @ForAll @Size(min = 1, max = 30) double[] raw, @ForAll @DoubleRange(min = 0, max = 1) double next) {
        double[] s = toUnit(raw);
        double[] longer = java.util.Arrays.copyOf(s, s.length + 1);
        longer[s.length] = next;
        assertTrue(Aggregation.MIN.apply(longer) <= Aggregation.MIN.apply(s));
        assertTrue(Aggregation.PRODUCT.apply(longer) <= Aggregation.PRODUCT.apply(s) + EPS);
        assertEquals(next, Aggregation.LAST.apply(longer));
    }

    /** Maps arbitrary doubles into [0, 1] deterministically (jqwik shrinks the raw values). */
    private static double[] toUnit(double[] raw) {
        double[] s = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            double r = raw[i];
            s[i] = Double.isFinite(r) ? Math.abs(r) % 1.0 : 0.5;
        }
        return s;
    }
}
