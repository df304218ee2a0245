package org.veristep.eval.bon;

import java.util.List;
import java.util.Objects;

/**
 * The N sampled solutions to one problem, in sampling order (best-of-n uses the first n).
 *
 * @param id the problem's identifier
 * @param candidates the candidates, indexed in sampling order; at least one
 */
public record CandidateSet(String id, List<Candidate> candidates) {
    public CandidateSet {
        Objects.requireNonNull(id, "id");
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) throw new IllegalArgumentException("problem " + id + " has no candidates");
    }

    /** {@return the number of candidates} */
    public int size() {
        return candidates.size();
    }

    /** {@return whether any of the first n candidates is correct (the oracle, pass@n)} */
    public boolean anyCorrect(int n) {
        for (int i = 0; i < Math.min(n, candidates.size()); i++) {
            if (candidates.get(i).correct()) return true;
        }
        return false;
    }
}
