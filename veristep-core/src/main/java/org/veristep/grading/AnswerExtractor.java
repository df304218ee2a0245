package org.veristep.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the final answer in a solution. Thread-safe (stateless); linear in the text length.
 *
 * <p>Policy, in order of priority (the first that yields a parseable answer wins; see {@link
 * #candidates}):
 *
 * <ol>
 *   <li><b>Boxes</b>: the last {@code \boxed{...}} or {@code \fbox{...}} (balanced, nested braces).
 *       When several boxes end the solution separated only by connectives (at most four short words
 *       such as "and", ",", {@code \quad}, "for part (a) and"), they are joined into one list
 *       answer ({@code \boxed{1} and \boxed{2}} is "1, 2"); otherwise only the last box counts.
 *   <li><b>Markers</b>, the last one in the text: "Final Answer: The final answer is X", "the answer
 *       is X", "Answer: X", "réponse est X", "答案 X", GSM8K "#### X". X runs to the end of its math
 *       delimiters ({@code $..$}, {@code \(..\)} on one line; {@code $$..$$}, {@code \[..\]}
 *       across lines), else to the end of the sentence or line.
 *   <li><b>Whole</b>: the text itself when it reads as an answer (no words of three letters or more
 *       outside LaTeX commands).
 *   <li><b>Last math segment</b> ({@code $..$}, {@code \(..\)}, {@code \[..\]}, {@code $$..$$}).
 *   <li><b>Last number</b> in the text ({@code 1,000.99}, {@code 13/28}, {@code 25%}).
 * </ol>
 *
 * Multiple-choice letters are found by {@link #choice(String)}.
 */
public final class AnswerExtractor {
    private static final Pattern MARKER = Pattern.compile(
            "(?i)(final answer\\s*(?:is|:)|answer\\s*(?:is|:)?|r[ée]ponse\\s*(?:est|:)?|答案\\s*(?:是|：|:)?|####)");
    private static final Pattern NUMBER = Pattern.compile(
            "\\\\[dt]?frac\\{[^{}]{1,40}\\}\\{[^{}]{1,40}\\}|(?<![A-Za-z\\d.,])[-−]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:[.,]\\d+)?(?:\\s*/\\s*\\d+(?:\\.\\d+)?)?\\s*(?:\\\\?%)?");
    private static final Pattern CHOICE = Pattern.compile("(?<![A-Za-z])\\(?([A-E])\\)?(?![A-Za-z])");
    private static final java.util.Set<String> TEXT_COMMANDS = java.util.Set.of(
            "text",
            "textbf",
            "textit",
            "textrm",
            "mbox",
            "mathrm",
            "mathbf",
            "textnormal",
            "operatorname",
            "begin",
            "end");
    private static final java.util.Set<String> NOT_WORDS =
            java.util.Set.of("and", "sqrt", "infinity", "inf", "pi", "frac", "sin", "cos", "tan", "log", "abs", "exp");
    private static final Pattern TAIL = Pattern.compile("(?i)(?:\\bis\\b|\\bare\\b|\\best\\b|\\bequals\\b|=|是|为)");
    private static final Pattern GOLD_CHOICE =
            Pattern.compile("^\\(?([A-E])\\)?(?:$|[.)]|\\s+\\(?[A-Za-z\\u00c0-\\u024f])");

    private AnswerExtractor() {}

    /**
     * {@return the final answer of a solution by the documented policy}: the first candidate of
     * {@link #candidates(String, boolean)}, or {@link Extraction.NotFound} when there is none
     */
    public static Extraction extract(String solution) {
        List<Extraction.Found> c = candidates(solution, false);
        return c.isEmpty()
                ? new Extraction.NotFound("no box, answer marker, math or number in the text")
                : c.getFirst();
    }

    /**
     * {@return the candidate answers of a text, best first} (boxes, marker, whole text, last math
     * segment, last number; duplicates removed). The grader parses them in order and keeps the first
     * that parses.
     *
     * @param text a solution or a bare answer
     * @param gold true for a gold answer: the whole text is a candidate even when it has words
     */
    public static List<Extraction.Found> candidates(String text, boolean gold) {
        return candidates(text, gold, true);
    }

    /**
     * As {@link #candidates(String, boolean)}; without {@code fallbacks} only the boxes, the marker
     * and the whole text are looked at (the cheap and usual case).
     */
    static List<Extraction.Found> candidates(String text, boolean gold, boolean fallbacks) {
        List<Extraction.Found> out = new ArrayList<>(4);
        int[] boxEnd = {-1};
        String boxed = boxes(text, boxEnd);
        int[] markerEnd = {-1};
        // a marker before the last box matters only when the box does not parse (the fallback stage)
        String marked = marker(text, boxed != null && !fallbacks ? boxEnd[0] : 0, markerEnd);
        // the later of the last box and the last answer marker wins
        if (boxed != null && (marked == null || boxEnd[0] >= markerEnd[0])) {
            add(out, boxed, boxed.contains("\u0000") ? "boxes" : "boxed");
            if (marked != null) add(out, marked, "answer marker");
        } else if (marked != null) {
            add(out, marked, "answer marker");
            if (boxed != null) add(out, boxed, boxed.contains("\u0000") ? "boxes" : "boxed");
        }
        if (gold || (text.length() < 2_000 && !hasWords(text)) || isShortPhrase(text)) add(out, text, "whole");
        if (!fallbacks) return out;
        int[] segmentAt = {-1};
        String segment = lastMathSegment(text, segmentAt);
        int[] numberAt = {-1};
        String number = lastNumber(text, numberAt);
        if (numberAt[0] > segmentAt[0]) {
            if (number != null) add(out, number, "last number");
            if (segment != null) add(out, segment, "math segment");
        } else {
            if (segment != null) add(out, segment, "math segment");
            if (number != null) add(out, number, "last number");
        }
        return out;
    }

    private static void add(List<Extraction.Found> out, String answer, String method) {
        String a = answer.replace("\u0000", ", ").strip();
        if (a.isEmpty()) return;
        for (Extraction.Found f : out) if (f.answer().equals(a)) return;
        out.add(new Extraction.Found(a, method));
    }

    /** {@return whether the text has a word of 3+ letters outside LaTeX command names and \text{}} */
    static boolean hasWords(String text) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                int e = i + 1;
                while (e < n && isLetter(text.charAt(e))) e++;
                int b = e;
                while (b < n && text.charAt(b) == ' ') b++;
                if (b < n && text.charAt(b) == '{' && TEXT_COMMANDS.contains(text.substring(i + 1, e))) {
                    int close = text.indexOf('}', b);
                    e = close < 0 ? n : close + 1;
                }
                i = Math.max(e, i + 1);
                continue;
            }
            if (!isLetter(c)) {
                // letters of other scripts (not Greek, which is math) are prose
                if (c > 127 && Character.isLetter(c) && !(c >= 0x370 && c <= 0x3ff)) return true;
                i++;
                continue;
            }
            int e = i;
            boolean twoLower = false;
            while (e < n && isLetter(text.charAt(e))) {
                if (e > i && Character.isLowerCase(text.charAt(e)) && Character.isLowerCase(text.charAt(e - 1)))
                    twoLower = true;
                e++;
            }
            if (e - i >= 3
                    && twoLower
                    && !NOT_WORDS.contains(text.substring(i, e).toLowerCase(Locale.ROOT))) return true;
            i = e;
        }
        return false;
    }

    /** {@return whether the text is at most two words and 40 chars ("odd", "28 percent", "Evelyn")} */
    private static boolean isShortPhrase(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > 40 || t.split("\\s+").length > 2) return false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c > 127 && Character.isLetter(c) && !(c >= 0x370 && c <= 0x3ff)) return false;
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * {@return the end of the last answer marker in the text, or -1}: keywords are found by a
     * case-insensitive {@code lastIndexOf}, then the marker pattern is matched only there
     */
    static int lastMarkerEnd(String text) {
        return lastMarkerEnd(text, 0);
    }

    /** As {@link #lastMarkerEnd(String)} for markers starting at or after {@code from}. */
    static int lastMarkerEnd(String text, int from) {
        int n = text.length();
        for (int i = n - 2; i >= from; i--) {
            char c = text.charAt(i);
            boolean hit =
                    switch (c) {
                        case 'a', 'A' ->
                            i + 6 <= n
                                    && (text.charAt(i + 1) | 0x20) == 'n'
                                    && text.regionMatches(true, i, "answer", 0, 6);
                        case 'r', 'R' ->
                            i + 7 <= n
                                    && (text.charAt(i + 1) == 'é' || (text.charAt(i + 1) | 0x20) == 'e')
                                    && (text.regionMatches(true, i, "réponse", 0, 7)
                                            || text.regionMatches(true, i, "reponse", 0, 7));
                        case '答' -> text.startsWith("答案", i);
                        case '#' -> text.startsWith("####", i);
                        default -> false;
                    };
            if (!hit) continue;
            Matcher m = MARKER.matcher(text);
            m.region(Math.max(0, i - 6), n);
            if (m.find() && m.start() <= i) return m.end();
        }
        return -1;
    }

    // ------------------------------------------------------------------ boxes

    /** {@return the last box, or several trailing boxes joined with NUL separators, or null} */
    static String boxes(String text) {
        return boxes(text, new int[1]);
    }

    /** As {@link #boxes(String)}; stores the end of the last box in {@code end[0]}. */
    static String boxes(String text, int[] lastEnd) {
        List<int[]> spans = new ArrayList<>(); // {contentStart, contentEnd, boxStart, boxEnd}
        int from = 0;
        while (true) {
            int b = text.indexOf("\\boxed", from);
            int f = text.indexOf("\\fbox", from);
            int at = b < 0 ? f : f < 0 ? b : Math.min(b, f);
            if (at < 0) break;
            int q = at + (at == b ? 6 : 5);
            while (q < text.length() && text.charAt(q) == ' ') q++;
            if (q < text.length() && text.charAt(q) == '{') {
                int end = closingBrace(text, q);
                if (end < 0) {
                    // unclosed box: the rest of the text is its content
                    spans.add(new int[] {q + 1, text.length(), at, text.length()});
                    break;
                }
                spans.add(new int[] {q + 1, end, at, end + 1});
                from = end + 1;
            } else {
                from = q;
            }
        }
        if (spans.isEmpty()) return null;
        lastEnd[0] = spans.getLast()[3];
        int first = spans.size() - 1;
        while (first > 0 && isConnective(text.substring(spans.get(first - 1)[3], spans.get(first)[2]))) first--;
        StringBuilder b = new StringBuilder();
        for (int i = first; i < spans.size(); i++) {
            if (i > first) b.append('\u0000');
            b.append(text, spans.get(i)[0], spans.get(i)[1]);
        }
        return b.toString();
    }

    private static int closingBrace(String s, int open) {
        int level = 0;
        for (int q = open; q < s.length(); q++) {
            char c = s.charAt(q);
            if (c == '\\') {
                q++;
                continue;
            }
            if (c == '{') level++;
            else if (c == '}' && --level == 0) return q;
        }
        return -1;
    }

    private static final Pattern GAP_NOISE =
            Pattern.compile("\\\\(?:quad|qquad|text|mbox|textbf|textrm)|\\\\[()\\[\\],;!]|[${}$.,;:\\s]|\\\\\\\\");

    /**
     * {@return whether the text between two boxes only joins them}: nothing but punctuation and
     * spacing, or at most four words among which a connective ("and", "or", "et", "und", "和", "或")
     */
    private static boolean isConnective(String gap) {
        if (gap.length() > 60) return false;
        String words = GAP_NOISE.matcher(gap).replaceAll(" ").strip();
        if (words.isEmpty()) return true;
        String[] w = java.util.Arrays.stream(words.split("\\s+"))
                .filter(x -> x.codePoints().anyMatch(Character::isLetterOrDigit))
                .toArray(String[]::new);
        if (w.length == 0) return true;
        if (w.length > 4) return false;
        for (String x : w) {
            String l = x.toLowerCase(Locale.ROOT);
            if (l.equals("and")
                    || l.equals("or")
                    || l.equals("et")
                    || l.equals("und")
                    || l.equals("和")
                    || l.equals("或")) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ markers

    static String marker(String text) {
        return marker(text, new int[1]);
    }

    /** As {@link #marker(String)}; stores the end of the marker in {@code at[0]}. */
    static String marker(String text, int[] at) {
        return marker(text, 0, at);
    }

    /** As {@link #marker(String, int[])} for markers starting at or after {@code from}. */
    static String marker(String text, int from, int[] at) {
        int end = lastMarkerEnd(text, from);
        if (end < 0) return null;
        at[0] = end;
        String rest = text.substring(end);
        int i = 0;
        while (i < rest.length()
                && (Character.isWhitespace(rest.charAt(i)) || rest.charAt(i) == ':' || rest.charAt(i) == '：')) i++;
        rest = rest.substring(i);
        String delimited = leadingMath(rest);
        if (delimited != null) return delimited;
        if (rest.startsWith("$") || rest.startsWith("\\(")) return null; // inline math broken across lines
        int cut = rest.length();
        for (int k = 0; k < rest.length(); k++) {
            char c = rest.charAt(k);
            if (c == '\n' || c == '。') {
                cut = k;
                break;
            }
            if (c == '.'
                    && (k + 1 == rest.length() || Character.isWhitespace(rest.charAt(k + 1)))
                    && !(k > 0
                            && Character.isDigit(rest.charAt(k - 1))
                            && k + 1 < rest.length()
                            && Character.isDigit(rest.charAt(k + 1)))) {
                cut = k;
                break;
            }
        }
        String sentence = rest.substring(0, cut);
        return hasWords(sentence) ? wordedAnswer(sentence) : sentence;
    }

    /**
     * {@return the answer inside a sentence ("The largest $n$ is 34", "Janeth aura encore 220 $"):
     * the math or first number after the last "is / are / est / = / 是", else the first number}
     */
    private static String wordedAnswer(String sentence) {
        Matcher t = TAIL.matcher(sentence);
        int from = 0;
        while (t.find()) from = t.end();
        String tail = sentence.substring(from).strip();
        String math = leadingMath(tail);
        if (math != null) return math;
        Matcher n = NUMBER.matcher(tail);
        if (n.find()) return n.group();
        Matcher any = NUMBER.matcher(sentence);
        return any.find() ? any.group() : sentence;
    }

    /** {@return the content of the math segment the text starts with, or null} */
    private static String leadingMath(String s) {
        return leadingMath(s, 0);
    }

    /**
     * {@return the content of the math segment starting at {@code i}, or null}: {@code $$..$$} and
     * {@code \[..\]} may span lines, {@code $..$} and {@code \(..\)} may not
     */
    private static String leadingMath(String s, int i) {
        if (s.startsWith("$$", i)) {
            int e = s.indexOf("$$", i + 2);
            return e < 0 ? null : s.substring(i + 2, e);
        }
        if (s.startsWith("\\[", i)) {
            int e = s.indexOf("\\]", i + 2);
            return e < 0 ? null : s.substring(i + 2, e);
        }
        if (s.startsWith("$", i)) {
            int e = s.indexOf('$', i + 1);
            int nl = s.indexOf('\n', i + 1);
            return e < 0 || (nl >= 0 && nl < e) ? null : s.substring(i + 1, e);
        }
        if (s.startsWith("\\(", i)) {
            int e = s.indexOf("\\)", i + 2);
            int nl = s.indexOf('\n', i + 2);
            return e < 0 || (nl >= 0 && nl < e) ? null : s.substring(i + 2, e);
        }
        return null;
    }

    // ------------------------------------------------------------------ fallbacks

    static String lastMathSegment(String text, int[] at) {
        String last = null;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '$' || (c == '\\' && i + 1 < n && (text.charAt(i + 1) == '(' || text.charAt(i + 1) == '['))) {
                String seg = leadingMath(text, i);
                if (seg != null) {
                    int len = seg.length() + (text.startsWith("$$", i) || c == '\\' ? 4 : 2);
                    if (!seg.isBlank()) {
                        last = seg;
                        at[0] = i + len; // the end of the segment
                    }
                    i += len;
                    continue;
                }
                i += c == '$' ? 1 : 2;
                continue;
            }
            i++;
        }
        return last;
    }

    static String lastNumber(String text, int[] at) {
        Matcher m = NUMBER.matcher(text);
        String last = null;
        while (m.find()) {
            last = m.group();
            at[0] = m.start();
        }
        return last;
    }

    // ------------------------------------------------------------------ multiple choice

    /** {@return the choice letter A-E a gold answer names ("(B)", "B", "\text{(B)}", "B Alina"), or null} */
    public static Character goldChoice(String gold) {
        List<Extraction.Found> c = candidates(gold, true, false);
        if (c.isEmpty()) return null;
        String g = c.getFirst().answer().strip();
        if (g.isEmpty() || g.length() > 200) return null;
        char first = g.charAt(0);
        if (first != '(' && first != '$' && first != '\\' && (first < 'A' || first > 'E')) return null;
        Matcher m = GOLD_CHOICE.matcher(stripDecoration(g));
        return m.find() ? m.group(1).charAt(0) : null;
    }

    /**
     * {@return the choice letter A-E a solution picks, or null}: a boxed letter; else the first
     * standalone letter after the last answer marker; else a letter the text starts with; else the
     * last standalone letter
     */
    public static Character choice(String solution) {
        String boxed = boxes(solution);
        if (boxed != null) {
            Matcher m = CHOICE.matcher(stripDecoration(boxed.replace('\u0000', ' ')));
            if (m.find()) return m.group(1).charAt(0);
        }
        int end = lastMarkerEnd(solution);
        if (end >= 0) {
            Matcher m = CHOICE.matcher(stripDecoration(solution.substring(end)));
            if (m.find()) return m.group(1).charAt(0);
        }
        String s = stripDecoration(solution);
        Matcher start = Pattern.compile("^\\(?([A-E])\\)?(?![A-Za-z])").matcher(s);
        if (start.find()) return start.group(1).charAt(0);
        Matcher m = CHOICE.matcher(s);
        Character last = null;
        while (m.find()) last = m.group(1).charAt(0);
        return last;
    }

    private static String stripDecoration(String s) {
        return s.replace("\\text{", "")
                .replace("\\textbf{", "")
                .replace("\\mathrm{", "")
                .replace("$", "")
                .replace("}", "")
                .replace("{", "")
                .replace("\\(", "")
                .replace("\\)", "")
                .strip();
    }
}
