package org.veristep.eval.bon;

/**
 * One sampled solution in a best-of-N candidate set.
 *
 * @param answer the final answer extracted from the solution, as written (null or empty when none
 *     was extracted; such candidates vote together as the empty answer)
 * @param correct whether {@code answer} matches the reference answer (from the data's grader)
 * @param stepScores the scorer's scores for the solution, one per step, indexed by step; an
 *     outcome RM's single score is a one-element array; never empty. Any finite reals: outcome RMs
 *     are not confined to [0, 1]. Not copied (treat as read-only); equality is by reference
 */
public record Candidate(String answer, boolean correct, double[] stepScores) {
    public Candidate {
        if (stepScores == null || stepScores.length == 0) {
            throw new IllegalArgumentException("a candidate needs at least one score");
        }
        for (double s : stepScores) {
            if (!Double.isFinite(s)) throw new IllegalArgumentException("score " + s + " is not finite");
        }
    }
}
