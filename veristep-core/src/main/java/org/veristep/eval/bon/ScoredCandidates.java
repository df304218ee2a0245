package org.veristep.eval.bon;

import java.util.List;
import java.util.Objects;

/**
 * The candidates of one problem with the scorer's scores, where candidate 0 is known to be the
 * correct one and every other candidate is wrong (RewardMATH: 1 correct + 9 wrong; RewardBench
 * pairs: chosen, rejected).
 *
 * @param id the problem's identifier
 * @param scores per candidate (index 0 = the correct one) the step scores, indexed by step; a
 *     scalar reward model's score is a one-element array. At least two candidates, none empty
 */
public record ScoredCandidates(String id, List<double[]> scores) {
    public ScoredCandidates {
        Objects.requireNonNull(id, "id");
        scores = List.copyOf(scores);
        if (scores.size() < 2) throw new IllegalArgumentException("problem " + id + " needs >= 2 candidates");
        for (double[] s : scores) {
            if (s.length == 0) throw new IllegalArgumentException("problem " + id + " has a candidate without scores");
        }
    }
}
