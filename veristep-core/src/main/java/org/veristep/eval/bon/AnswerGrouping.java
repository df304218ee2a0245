package org.veristep.eval.bon;

import java.util.Objects;
import java.util.function.UnaryOperator;
import org.veristep.grading.AnswerGrader;

/**
 * How answers are put into equivalence classes for majority and weighted voting: every answer is
 * mapped to a key, and answers with equal keys vote together.
 *
 * @param name short name, recorded in the output's provenance ({@code exact}, {@code normalized},
 *     ...)
 * @param key maps an answer (null = none extracted) to its class key; must be deterministic
 */
public record AnswerGrouping(String name, UnaryOperator<String> key) {
    public AnswerGrouping {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
    }

    /**
     * String equality of the answers as given (null counts as the empty string). This is what the
     * Qwen2.5-Math reference script {@code evaluation/rm_maj_eval.py} does for maj@k ({@code
     * group_pred(strip=False, use_symbol=False)}).
     */
    public static AnswerGrouping exact() {
        return new AnswerGrouping("exact", a -> a == null ? "" : a);
    }

    /**
     * Mathematical equivalence by the answer grader's canonical key ({@link
     * AnswerGrader#keyOf(String)} with default options: exact values compare as reduced fractions,
     * expressions up to algebra, sets regardless of order; each key is bounded in time by the
     * grader). This is the grouping the best-of-N protocol asks for (search-and-learn groups by a
     * sympy canonical form). Null counts as the empty answer.
     */
    public static AnswerGrouping grader() {
        AnswerGrader g = AnswerGrader.defaults();
        return new AnswerGrouping("grader", a -> g.keyOf(a == null ? "" : a));
    }

    /** Equality after {@link AnswerNormalizer#normalize(String)}. */
    public static AnswerGrouping normalized() {
        return new AnswerGrouping("normalized", AnswerNormalizer::normalize);
    }

    /** {@return the class key of {@code answer}} */
    public String keyOf(String answer) {
        return key.apply(answer);
    }
}
