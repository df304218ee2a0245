package org.veristep.eval.bon;

/**
 * The best-of-N selection rules of search-and-learn ({@code src/sal/utils/math.py}), plus the
 * oracle pass@n. Each looks only at the first n candidates of a problem.
 */
public enum BonMethod {
    /**
     * naive@n: the answer of the candidate with the highest aggregated score; ties go to the
     * earliest candidate (search-and-learn sorts stably by score; Qwen's RM@k takes the first max).
     */
    NAIVE("naive", true),
    /**
     * weighted@n: the answer whose equivalence class has the largest sum of aggregated scores; ties
     * go to the class seen first (Python's {@code max} over an insertion-ordered dict).
     */
    WEIGHTED("weighted", true),
    /**
     * maj@n: the answer whose equivalence class has the most members; ties go to the class seen
     * first ({@code Counter.most_common(1)}). Uses no scores.
     */
    MAJORITY("maj", false),
    /** pass@n: whether any of the first n candidates is correct (an upper bound; no selection). */
    PASS("pass", false);

    private final String label;
    private final boolean usesScores;

    BonMethod(String label, boolean usesScores) {
        this.label = label;
        this.usesScores = usesScores;
    }

    /** {@return the short name: naive, weighted, maj, pass} */
    public String label() {
        return label;
    }

    /** {@return whether the method reads the scorer's scores (so depends on the aggregation)} */
    public boolean usesScores() {
        return usesScores;
    }
}
