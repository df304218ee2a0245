package org.veristep.grading;

import java.util.regex.Pattern;

/**
 * Text-level clean-up of an extracted answer before it is parsed: decoration that carries no
 * mathematical meaning is removed, by these documented rules.
 *
 * <ul>
 *   <li>Units after a number: {@code \text{ cm}}, {@code \mbox{ inches}^2}, {@code cm}, {@code 3s},
 *       {@code square units}, {@code degrees}, {@code dollars}, {@code yuan} ... (a fixed list of
 *       unit words; a word in {@code \text{}} after a number is always a unit).
 *   <li>Currency signs {@code \$ $ € £ ¥ 元}.
 *   <li>Percent words {@code percent percentage pct} become {@code \%} (the percent rule is applied
 *       in {@link Equivalence}).
 *   <li>A decimal comma: a whole answer {@code 1000,99} or {@code 0,111} is 1000.99 or 0.111; a
 *       comma followed by exactly three digits after a non-zero integer part is a thousands
 *       separator ({@code 1,000}).
 *   <li>A trailing full stop, comma or semicolon.
 * </ul>
 */
final class AnswerText {
    private static final String UNIT_WORDS = "(?:square\\s+|sq\\.?\\s+|cubic\\s+)?(?:units?|cm|mm|km|m|meters?|metres?|"
            + "inches|inch|in|feet|foot|ft|yards?|yd|miles?|mi|seconds?|secs?|s|minutes?|mins?|hours?|hrs?|h|days?|"
            + "weeks?|months?|years?|degrees?|deg|dollars?|cents?|euros?|yuan|g|kg|mg|grams?|pounds?|lbs?|lb|oz|"
            + "ounces?|liters?|litres?|ml|mL|L|gallons?|mph|km/h|m/s|cm\\^?2|papers|bins?|people|students|ways|"
            + "apples|marbles|books|cookies|cups?|pages|points|times)";
    private static final Pattern TEXT_UNIT = Pattern.compile(
            "(?<=[\\d}).\\s])\\s*\\\\(?:text|mbox|textbf|textnormal|textrm|mathrm|textit|hbox)\\s*\\{\\s*(?!and\\s*\\}|or\\s*\\})[A-Za-z][A-Za-z .]*\\}(?:\\s*\\^\\s*\\{?\\s*[23]\\s*\\}?)?");
    private static final Pattern PLAIN_UNIT =
            Pattern.compile("(?<=[\\d}).$])\\s*" + UNIT_WORDS + "(?:\\s*\\^\\s*\\{?[23]\\}?|²|³)?(?=\\s*[.,;]?\\s*$)");
    private static final Pattern PERCENT_WORD = Pattern.compile("\\s*\\b(?:percent(?:age)?|pct)\\b");
    private static final Pattern CURRENCY = Pattern.compile("\\\\\\$|[€£¥元]|\\\\euro\\b");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("^\\s*([-+]?\\d+),(\\d+)\\s*$");

    private AnswerText() {}

    /** {@return the answer with decoration removed} */
    static String clean(String answer) {
        String s = repairEscapes(answer).strip();
        s = stripDelimiters(s);
        boolean letters = hasLetter(s);
        if (s.indexOf('\\') >= 0 || hasNonAscii(s)) s = CURRENCY.matcher(s).replaceAll("");
        if (letters && (s.contains("\\text") || s.contains("box") || s.contains("\\math"))) {
            s = TEXT_UNIT.matcher(s).replaceAll("");
        }
        if (s.contains("perc") || s.contains("pct")) s = PERCENT_WORD.matcher(s).replaceAll("\\\\%");
        s = stripTrailing(s);
        if (letters && endsLikeUnit(s)) s = stripTrailing(PLAIN_UNIT.matcher(s).replaceAll(""));
        var m = DECIMAL_COMMA.matcher(s.replace("$", ""));
        if (m.matches()) {
            String intPart = m.group(1);
            String frac = m.group(2);
            boolean zero = intPart.replace("-", "").replace("+", "").equals("0");
            // "1,22" and "1000,99" and "0,111" are decimal commas; "1,000" is thousands; "1,2" is a list
            if (frac.length() == 2 || frac.length() > 3 || (frac.length() == 3 && zero)) s = intPart + "." + frac;
        }
        return s;
    }

    /**
     * {@return the text with control characters that stand for a lost backslash restored}: a form
     * feed is {@code \\f} ({@code \\frac} read through a JSON {@code "\\f"} escape), a backspace
     * {@code \\b} ({@code \\boxed})
     */
    static String repairEscapes(String s) {
        if (s.indexOf('\f') < 0 && s.indexOf('\b') < 0) return s;
        return s.replace("\f", "\\f").replace("\b", "\\b");
    }

    /** {@return whether the text ends with a letter, or a power 2 or 3 (a unit such as cm^2 can end there)} */
    private static boolean endsLikeUnit(String s) {
        if (s.isEmpty()) return false;
        char c = s.charAt(s.length() - 1);
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || c == '²'
                || c == '³'
                || c == '2'
                || c == '3'
                || c == '}';
    }

    private static boolean hasLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
        }
        return false;
    }

    private static boolean hasNonAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) > 127) return true;
        return false;
    }

    /** Strips trailing white space, full stops, commas and semicolons. */
    private static String stripTrailing(String s) {
        int e = s.length();
        while (e > 0) {
            char c = s.charAt(e - 1);
            if (c == '.' || c == ',' || c == ';' || Character.isWhitespace(c)) e--;
            else break;
        }
        return s.substring(0, e);
    }

    private static String stripDelimiters(String s) {
        String t = s;
        while (true) {
            String before = t;
            if (t.startsWith("$$") && t.endsWith("$$") && t.length() >= 4)
                t = t.substring(2, t.length() - 2).strip();
            else if (t.startsWith("\\[") && t.endsWith("\\]"))
                t = t.substring(2, t.length() - 2).strip();
            else if (t.startsWith("\\(") && t.endsWith("\\)"))
                t = t.substring(2, t.length() - 2).strip();
            else if (t.startsWith("$") && t.endsWith("$") && t.length() >= 2)
                t = t.substring(1, t.length() - 1).strip();
            if (t.equals(before)) return t;
        }
    }
}
