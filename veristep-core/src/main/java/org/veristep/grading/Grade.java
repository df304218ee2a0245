package org.veristep.grading;

import java.util.Objects;
import org.veristep.math.Expr;

/**
 * The result of {@link AnswerGrader#grade(String, String)}.
 *
 * @param outcome equivalent, not equivalent or undecided
 * @param reason why, in words (e.g. "equal exact values 3/4", "no answer found: ...", "too costly: ...")
 * @param goldAnswer the gold answer text actually compared (extracted when the gold is a solution),
 *     or null when grading stopped before (an over-long input)
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
        reason = abbreviateNumbers(reason);
    }

    private static final java.util.regex.Pattern LONG_DIGITS = java.util.regex.Pattern.compile("\\d{41,}");

    /**
     * {@return the text with every run of more than 40 digits shortened to its first and last 12
     * digits and its length}, e.g. the exact value of 1/2004! in a reason stays readable
     */
    static String abbreviateNumbers(String text) {
        java.util.regex.Matcher m = LONG_DIGITS.matcher(text);
        if (!m.find()) return text;
        StringBuilder b = new StringBuilder();
        do {
            String d = m.group();
            m.appendReplacement(b, d.substring(0, 12) + "…(" + d.length() + " digits)…" + d.substring(d.length() - 12));
        } while (m.find());
        m.appendTail(b);
        return b.toString();
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
