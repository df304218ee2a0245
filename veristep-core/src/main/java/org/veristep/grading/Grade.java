package org.veristep.grading;

import java.util.Objects;
import org.veristep.math.Expr;

/**
 * The result of {@link AnswerGrader#grade(String, String)}.
 *
 * @param outcome equivalent, not equivalent or undecided
 * @param reason why, in words (e.g. "equal exact values 3/4", "no answer found: ...", "too costly: ...")
 * @param goldAnswer the gold answer text actually compared (extracted when the gold is a solution)
 * @param extractedAnswer the prediction's answer text (extracted from a solution), or null when none
 *     was found
 * @param gold the parsed gold answer, or null when it did not parse
 * @param prediction the parsed predicted answer, or null when none was found or it did not parse
 */
public record Grade(
        Outcome outcome, String reason, String goldAnswer, String extractedAnswer, Expr gold, Expr prediction) {
    public Grade {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@return true, false, or null when undecided} (the JSONL {@code equivalent} field) */
    public Boolean equivalent() {
        return switch (outcome) {
            case Outcome.Equivalent e -> Boolean.TRUE;
            case Outcome.NotEquivalent n -> Boolean.FALSE;
            case Outcome.Undecided u -> null;
        };
    }

    /** {@return whether the outcome is {@link Outcome.Equivalent}} */
    public boolean isEquivalent() {
        return outcome instanceof Outcome.Equivalent;
    }
}
