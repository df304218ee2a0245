package org.veristep.eval.bon;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A conservative, purely textual normalisation of extracted final answers, used to group answers
 * for voting when no mathematical answer grader is available. It removes presentation differences
 * only, never changes a value, and is deterministic and linear in the answer's length.
 *
 * <p>Steps, in order:
 *
 * <ol>
 *   <li>null becomes the empty string; surrounding whitespace is dropped;
 *   <li>one enclosing {@code \boxed{…}} or {@code \fbox{…}} and all {@code $} signs are removed;
 *   <li>{@code \text{…}}, {@code \textbf{…}}, {@code \mathrm{…}}, {@code \mbox{…}} are unwrapped to
 *       their content;
 *   <li>{@code \left}, {@code \right}, the spacing commands {@code \! \, \: \; \ } and {@code
 *       \displaystyle} are removed; {@code \dfrac} and {@code \tfrac} become {@code \frac};
 *   <li>degree marks ({@code ^\circ}, {@code ^{\circ}}) and percent signs ({@code \%}, {@code %})
 *       are removed;
 *   <li>all whitespace is removed; one trailing period is removed;
 *   <li>a leading single-letter assignment such as {@code x=} is removed when the answer has no
 *       other {@code =};
 *   <li>a plain decimal number (digits with an optional sign, point and thousands commas) is
 *       written in its shortest plain form: {@code 1,000} → {@code 1000}, {@code 0.50} → {@code
 *       0.5}, {@code 2.0} → {@code 2}.
 * </ol>
 *
 * <p>It does not decide mathematical equivalence ({@code \frac{1}{2}} and {@code 0.5} stay apart);
 * that is the answer grader's job.
 */
public final class AnswerNormalizer {
    private AnswerNormalizer() {}

    private static final Pattern TEXT_WRAPPERS = Pattern.compile("\\\\(?:text|textbf|mathrm|mbox)\\{([^{}]*)}");
    private static final Pattern SPACING = Pattern.compile("\\\\(?:left|right|displaystyle|[!,:; ])");
    private static final Pattern DEGREES = Pattern.compile("\\^\\{?\\\\circ}?");
    private static final Pattern ASSIGNMENT = Pattern.compile("^[a-zA-Z]=");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)?(?:\\.\\d+)?");

    /** {@return the normalised answer; never null} */
    public static String normalize(String answer) {
        if (answer == null) return "";
        String s = answer.strip();
        s = unwrapCommand(s, "\\boxed");
        s = unwrapCommand(s, "\\fbox");
        s = s.replace("$", "");
        String previous;
        do {
            previous = s;
            s = TEXT_WRAPPERS.matcher(s).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1)));
        } while (!s.equals(previous));
        s = SPACING.matcher(s).replaceAll("");
        s = s.replace("\\dfrac", "\\frac").replace("\\tfrac", "\\frac");
        s = DEGREES.matcher(s).replaceAll("");
        s = s.replace("\\%", "").replace("%", "");
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) b.append(c);
        }
        s = b.toString();
        if (s.endsWith(".")) s = s.substring(0, s.length() - 1);
        if (ASSIGNMENT.matcher(s).lookingAt() && s.indexOf('=', 2) < 0) s = s.substring(2);
        if (!s.isEmpty() && NUMBER.matcher(s).matches() && s.chars().anyMatch(Character::isDigit)) {
            try {
                BigDecimal d = new BigDecimal(s.replace(",", "")).stripTrailingZeros();
                s = d.signum() == 0 ? "0" : d.toPlainString();
            } catch (NumberFormatException e) {
                // not a plain number after all: keep the text
            }
        }
        return s;
    }

    /** Removes {@code command{…}} around the whole string when its braces enclose all the rest. */
    private static String unwrapCommand(String s, String command) {
        if (!s.startsWith(command + "{") || !s.endsWith("}")) return s;
        int depth = 0;
        int open = command.length();
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') depth++;
            else if (c == '}') {
                depth--;
                if (depth == 0)
                    return i == s.length() - 1 ? s.substring(open + 1, i).strip() : s;
            }
        }
        return s;
    }
}
