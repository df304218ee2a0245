package org.veristep.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BootstrapTest {

    @Test
    void sameSeedSameInterval() {
        double[] x = {1, 0, 1, 1, 0, 1, 0, 1, 1, 1};
        var a = Bootstrap.percentile(x.length, s -> mean(x, s), 0.95, 500, 42);
        var b = Bootstrap.percentile(x.length, s -> mean(x, s), 0.95, 500, 42);
        assertEquals(a, b);
    }

    @Test
    void proportionIntervalIsCloseToTheNormalApproximation() {
        // 1000 Bernoulli items with mean 0.3: the 95% interval is about 0.3 ± 1.96·sqrt(0.21/1000) = ±0.0284.
        double[] x = new double[1000];
        for (int i = 0; i < 300; i++) x[i] = 1;
        var ci = Bootstrap.percentile(x.length, s -> mean(x, s), 0.95, 2000, 1);
        assertEquals(0.3 - 0.0284, ci.low(), 0.006);
        assertEquals(0.3 + 0.0284, ci.high(), 0.006);
    }

    @Test
    void constantDataGivesADegenerateInterval() {
        var ci = Bootstrap.stratified(new int[] {3, 5}, s -> 0.42, 0.95, 100, 3);
        assertEquals(0.42, ci.low());
        assertEquals(0.42, ci.high());
    }

    @Test
    void quantileInterpolatesLinearlyLikeNumpy() {
        // numpy.quantile([1, 2, 3, 4], 0.25) == 1.75
        assertEquals(1.75, Bootstrap.quantile(new double[] {1, 2, 3, 4}, 0.25), 1e-15);
        assertTrue(Bootstrap.quantile(new double[] {5}, 0.9) == 5);
    }

    private static double mean(double[] x, int[] sample) {
        double s = 0;
        for (int i : sample) s += x[i];
        return s / sample.length;
    }
}
