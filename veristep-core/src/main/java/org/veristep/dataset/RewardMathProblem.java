package org.veristep.dataset;

import java.util.List;
import java.util.Objects;

/**
 * One problem of a RewardMATH score file ({@code results/RewardMATH/*_reward.json} of {@code
 * kimsh0507/RewardMATH_official}): a MATH500 problem with 10 candidate solutions, candidate 0 the
 * correct one and candidates 1–9 wrong, and one reward model's scores for them. The solution texts
 * are not in these files.
 *
 * @param problem the problem statement
 * @param solutionReference who wrote each candidate ({@code human_to_GPT-4} for candidate 0, then
 *     model names), indexed by candidate
 * @param scores the reward model's scores, indexed by candidate: for a PRM file ({@code stepwise})
 *     one score per step of the candidate, for a scalar reward model one score per candidate
 *     (stored as a one-element list). Raw model outputs: PRM step scores are probabilities in
 *     [0, 1], scalar RM scores are unbounded logits
 * @param stepwise whether {@code score} holds per-step lists (a PRM) rather than one number per
 *     candidate
 */
public record RewardMathProblem(
        String problem, List<String> solutionReference, List<List<Double>> scores, boolean stepwise) {
    /** The index of the correct candidate in every RewardMATH problem. */
    public static final int CORRECT_CANDIDATE = 0;

    public RewardMathProblem {
        Objects.requireNonNull(problem, "problem");
        solutionReference = List.copyOf(solutionReference);
        scores = scores.stream().map(List::copyOf).toList();
        if (solutionReference.size() != scores.size()) {
            throw new IllegalArgumentException(
                    solutionReference.size() + " candidate sources for " + scores.size() + " score entries");
        }
        if (!stepwise && scores.stream().anyMatch(s -> s.size() != 1)) {
            throw new IllegalArgumentException("a scalar score file has exactly one score per candidate");
        }
    }

    /** {@return the number of candidates (10 in RewardMATH)} */
    public int candidateCount() {
        return scores.size();
    }

    /**
     * {@return the scores of one candidate}: its step scores (PRM file, indexed by step) or a
     * one-element array with its scalar score
     */
    public double[] candidateScores(int candidate) {
        return Fields.toArray(scores.get(candidate));
    }

    /** {@return whether {@code candidate} is the correct solution (candidate 0)} */
    public boolean correct(int candidate) {
        return candidate == CORRECT_CANDIDATE;
    }
}
