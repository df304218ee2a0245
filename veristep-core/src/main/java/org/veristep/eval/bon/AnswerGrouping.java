package org.veristep.eval.bon;

import java.util.Objects;
import java.util.function.UnaryOperator;

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

    /** Equality after {@link AnswerNormalizer#normalize(String)}. */
    public static AnswerGrouping normalized() {
        return new AnswerGrouping("normalized", AnswerNormalizer::normalize);
    }

    /** {@return the class key of {@code answer}} */
    public String keyOf(String answer) {
        return key.apply(answer);
    }
}
