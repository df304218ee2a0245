package org.veristep.openai.prm;

import java.util.Locale;
import org.veristep.VeristepException;

/**
 * Turns the rows of a vLLM {@code /pooling} response (one row per step tag, STEP pooling) into step
 * scores: the probability of the positive label in each row.
 *
 * @param positiveIndex which entry of a row is the positive label (Qwen2.5-Math-PRM: 1, as rows are
 *     [p_neg, p_pos]; Math-Shepherd with {@code returned_token_ids [648, 387]}: 0, as rows are [+, −])
 * @param logits whether rows hold raw logits (softmax applied here) rather than probabilities
 */
record PoolingRows(int positiveIndex, boolean logits) {
    static final double SUM_TOLERANCE = 1e-3;

    /** Reads {@code rows=probabilities|logits}. */
    static boolean parseLogits(String scorer, String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "probabilities" -> false;
            case "logits" -> true;
            default ->
                throw new VeristepException.NonRetriable(
                        "scorer '" + scorer + "': option rows must be probabilities or logits, got '" + v + "'");
        };
    }

    /**
     * {@return one score per row}
     *
     * @param tags the number of step tags in the input; the rows must match it exactly
     * @throws VeristepException.NonRetriable when the number of rows differs from {@code tags}, a row
     *     is too short, or (for probabilities) a row is not a distribution
     */
    double[] scores(String scorer, String traceId, double[][] rows, int tags) {
        if (rows.length != tags) {
            throw new VeristepException.NonRetriable("scorer '" + scorer + "': trace '" + traceId + "' has " + tags
                    + " step tags but /pooling returned " + rows.length + " rows; serve the PRM with STEP pooling"
                    + " on the step tag (vLLM --pooler-config '{\"pooling_type\":\"STEP\",...}') so that there is"
                    + " one row per step");
        }
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double[] row = rows[i];
            if (row.length <= positiveIndex || row.length < 2) {
                throw new VeristepException.NonRetriable("scorer '" + scorer + "': trace '" + traceId + "' row " + i
                        + " has " + row.length + " values; expected at least 2 with the positive label at index "
                        + positiveIndex);
            }
            if (logits) {
                out[i] = HttpStepScorer.softmaxAt(row, positiveIndex);
            } else {
                double sum = 0;
                for (double v : row) {
                    if (!(v >= 0 && v <= 1)) {
                        throw notDistribution(scorer, traceId, i, row);
                    }
                    sum += v;
                }
                if (Math.abs(sum - 1) > SUM_TOLERANCE) throw notDistribution(scorer, traceId, i, row);
                out[i] = row[positiveIndex];
            }
        }
        return out;
    }

    private static VeristepException notDistribution(String scorer, String traceId, int i, double[] row) {
        return new VeristepException.NonRetriable("scorer '" + scorer + "': trace '" + traceId + "' row " + i + " "
                + java.util.Arrays.toString(row) + " is not a probability distribution; if the server returns"
                + " logits, set option rows=logits");
    }
}
