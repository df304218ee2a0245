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
    private static final Pattern TEXT_BLOCK = Pattern.compile(
            "\\\\(?:text|textbf|textit|textrm|mbox|mathrm|mathbf|textnormal|operatorname|begin|end)\\s*\\{[^{}]*\\}");
    private static final Pattern TAIL = Pattern.compile("(?i)(?:\\bis\\b|\\bare\\b|\\best\\b|\\bequals\\b|=|是|为)");
    private static final Pattern GOLD_CHOICE =
            Pattern.compile("^\\(?([A-E])\\)?(?:$|[.)]|\\s+\\(?[A-Za-z\\u00c0-\\u024f])");
    private static final Pattern WORD = Pattern.compile("(?<![\\\\A-Za-z])[A-Za-z]{3,}");

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
        List<Extraction.Found> out = new ArrayList<>(4);
        int[] boxEnd = {-1};
        String boxed = boxes(text, boxEnd);
        int[] markerEnd = {-1};
        String marked = marker(text, markerEnd);
        // the later of the last box and the last answer marker wins
        if (boxed != null && (marked == null || boxEnd[0] >= markerEnd[0])) {
            add(out, boxed, boxed.contains("\u0000") ? "boxes" : "boxed");
            if (marked != null) add(out, marked, "answer marker");
        } else if (marked != null) {
            add(out, marked, "answer marker");
            if (boxed != null) add(out, boxed, boxed.contains("\u0000") ? "boxes" : "boxed");
        }
        if (gold || !hasWords(text)) add(out, text, "whole");
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
        Matcher m = WORD.matcher(TEXT_BLOCK.matcher(text).replaceAll(" "));
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            if (!w.equals("and")
                    && !w.equals("sqrt")
                    && !w.equals("infinity")
                    && !w.equals("inf")
                    && !w.equals("pi")
                    && !w.equals("frac")
                    && !w.equals("sin")
                    && !w.equals("cos")
                    && !w.equals("tan")
                    && !w.equals("log")
                    && !w.equals("abs")
                    && !w.equals("exp")) {
                return true;
            }
        }
        return false;
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

    private static boolean isConnective(String gap) {
        if (gap.length() > 60) return false;
        String words = GAP_NOISE.matcher(gap).replaceAll(" ").strip();
        if (words.isEmpty()) return true;
        return words.split("\\s+").length <= 4;
    }

    // ------------------------------------------------------------------ markers

    static String marker(String text) {
        return marker(text, new int[1]);
    }

    /** As {@link #marker(String)}; stores the end of the marker in {@code at[0]}. */
    static String marker(String text, int[] at) {
        Matcher m = MARKER.matcher(text);
        int end = -1;
        while (m.find()) end = m.end();
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
        if (s.startsWith("$$")) {
            int e = s.indexOf("$$", 2);
            return e < 0 ? null : s.substring(2, e);
        }
        if (s.startsWith("\\[")) {
            int e = s.indexOf("\\]", 2);
            return e < 0 ? null : s.substring(2, e);
        }
        if (s.startsWith("$")) {
            int e = s.indexOf('$', 1);
            return e < 0 || s.substring(1, e).indexOf('\n') >= 0 ? null : s.substring(1, e);
        }
        if (s.startsWith("\\(")) {
            int e = s.indexOf("\\)", 2);
            return e < 0 || s.substring(2, e).indexOf('\n') >= 0 ? null : s.substring(2, e);
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
                String seg = leadingMath(text.substring(i, Math.min(n, i + 20_000)));
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
        List<Extraction.Found> c = candidates(gold, true);
        if (c.isEmpty()) return null;
        Matcher m = GOLD_CHOICE.matcher(stripDecoration(c.getFirst().answer()));
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
        Matcher mk = MARKER.matcher(solution);
        int end = -1;
        while (mk.find()) end = mk.end();
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
