package org.veristep.eval.prmbench;

/**
 * Step-level confusion counts of PRMBench, where the positive class is a VALID step (as in {@code
 * ssmisya/PRMBench}, {@code mr_eval/tasks/prmtest_classified/task.py}, {@code
 * eval_on_hallucination_step}).
 *
 * @param tp valid steps judged valid
 * @param fp erroneous steps judged valid
 * @param tn erroneous steps judged invalid
 * @param fn valid steps judged invalid
 */
public record StepConfusion(long tp, long fp, long tn, long fn) {
    /** No steps. */
    public static final StepConfusion EMPTY = new StepConfusion(0, 0, 0, 0);

    public StepConfusion {
        if (tp < 0 || fp < 0 || tn < 0 || fn < 0) throw new IllegalArgumentException("negative count");
    }

    /** {@return the element-wise sum} */
    public StepConfusion plus(StepConfusion o) {
        return new StepConfusion(tp + o.tp, fp + o.fp, tn + o.tn, fn + o.fn);
    }

    /** {@return the number of steps counted} */
    public long steps() {
        return tp + fp + tn + fn;
    }

    /**
     * {@return F1 of the positive (valid-step) class, 2TP / (2TP + FP + FN), in [0, 1]; NaN when
     * there is no valid step and none is judged valid}
     */
    public double f1Positive() {
        return f1(tp, fp, fn);
    }

    /**
     * {@return F1 of the negative (erroneous-step) class, 2TN / (2TN + FN + FP), in [0, 1]; NaN
     * when there is no erroneous step and none is judged invalid}
     */
    public double f1Negative() {
        return f1(tn, fn, fp);
    }

    /**
     * {@return PRMScore = 0.5·F1(positive) + 0.5·F1(negative), in [0, 1]}; an undefined F1 (NaN)
     * counts as 0, like the reference's clipping of its −1 sentinel.
     */
    public double prmScore() {
        return 0.5 * orZero(f1Positive()) + 0.5 * orZero(f1Negative());
    }

    private static double f1(long hits, long falseAlarms, long misses) {
        long d = 2 * hits + falseAlarms + misses;
        return d == 0 ? Double.NaN : 2.0 * hits / d;
    }

    static double orZero(double v) {
        return Double.isNaN(v) ? 0.0 : v;
    }
}
