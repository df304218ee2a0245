package org.veristep.eval;

/**
 * ProcessBench's step-level metric for one subset (Zheng et al. 2024, {@code
 * QwenLM/ProcessBench/code/run_eval.py}).
 *
 * <p>error_acc is the exact-match accuracy of the predicted first-error index over the cases whose
 * label is not -1; correct_acc is the accuracy over the cases labelled -1 (the prediction must be
 * -1 too); F1 is their harmonic mean. All three are fractions in [0, 1] (the paper prints them
 * ×100). A subset with no erroneous (or no correct) case has error_acc (correct_acc) NaN.
 *
 * @param errorCases number of cases with label ≠ -1
 * @param errorHits of those, cases whose prediction equals the label
 * @param correctCases number of cases with label = -1
 * @param correctHits of those, cases predicted -1
 */
public record ProcessBenchMetrics(int errorCases, int errorHits, int correctCases, int correctHits) {
    public ProcessBenchMetrics {
        if (errorHits < 0 || errorHits > errorCases || correctHits < 0 || correctHits > correctCases) {
            throw new IllegalArgumentException("hits must be within [0, cases]: " + errorHits + "/" + errorCases + ", "
                    + correctHits + "/" + correctCases);
        }
    }

    /**
     * Computes the metric from labels and predictions, both indexed by case.
     *
     * @param labels the true first-error index of each case (-1 = no error)
     * @param predictions the predicted first-error index of each case (-1 = no error)
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public static ProcessBenchMetrics of(int[] labels, int[] predictions) {
        if (labels.length != predictions.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + predictions.length + " predictions");
        }
        return of(labels, predictions, null);
    }

    /**
     * Computes the metric over a resample of cases (for the bootstrap).
     *
     * @param sample indices into {@code labels}/{@code predictions}, repeats allowed; null = all
     */
    public static ProcessBenchMetrics of(int[] labels, int[] predictions, int[] sample) {
        int errorCases = 0, errorHits = 0, correctCases = 0, correctHits = 0;
        int n = sample == null ? labels.length : sample.length;
        for (int k = 0; k < n; k++) {
            int i = sample == null ? k : sample[k];
            if (labels[i] == -1) {
                correctCases++;
                if (predictions[i] == -1) correctHits++;
            } else {
                errorCases++;
                if (predictions[i] == labels[i]) errorHits++;
            }
        }
        return new ProcessBenchMetrics(errorCases, errorHits, correctCases, correctHits);
    }

    /** {@return accuracy on the cases with an error, in [0, 1], NaN when there are none} */
    public double errorAcc() {
        return errorCases == 0 ? Double.NaN : (double) errorHits / errorCases;
    }

    /** {@return accuracy on the cases without error, in [0, 1], NaN when there are none} */
    public double correctAcc() {
        return correctCases == 0 ? Double.NaN : (double) correctHits / correctCases;
    }

    /** {@return the harmonic mean of error_acc and correct_acc, in [0, 1]; 0 when both are 0} */
    public double f1() {
        double e = errorAcc(), c = correctAcc();
        if (e + c == 0) return 0.0;
        return 2 * e * c / (e + c);
    }
}
