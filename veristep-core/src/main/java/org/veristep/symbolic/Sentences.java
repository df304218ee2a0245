package org.veristep.symbolic;

import java.util.regex.Pattern;

/**
 * Sentence bounds in a step's text, for the claims that read words around a number. A sentence
 * ends at . ! ? followed by a space or the end, or at a line break after such a mark, a colon or
 * another line break; a line break inside a sentence ("Suppose, for the sake of argument,\nthere
 * are ...") does not end it. Every scan stops {@link #REACH} characters away, so reading the
 * sentence around each of many claims stays linear in the text's length.
 */
final class Sentences {
    private Sentences() {}

    /** How far a sentence is looked for on either side of a claim, in characters. */
    static final int REACH = 400;

    /** {@return whether {@code text[i]} ends a sentence} */
    static boolean endsAt(String text, int i) {
        char c = text.charAt(i);
        if (c == '\n') {
            int j = i - 1;
            while (j >= 0 && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) j--;
            return j < 0 || ".!?:\n".indexOf(text.charAt(j)) >= 0;
        }
        return (c == '.' || c == '!' || c == '?')
                && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)));
    }

    /** {@return the offset where the sentence holding offset {@code at} starts} */
    static int start(String text, int at) {
        int stop = Math.max(0, at - REACH);
        int from = at;
        while (from > stop && !endsAt(text, from - 1)) from--;
        return from;
    }

    /** {@return the offset after the sentence holding offset {@code at} ends (its mark included)} */
    static int end(String text, int at) {
        int stop = Math.min(text.length(), at + REACH);
        int to = at;
        while (to < stop && !endsAt(text, to)) to++;
        return Math.min(text.length(), to + 1);
    }

    /** {@return whether {@code words} occurs in the sentence holding {@code [start, end)}} */
    static boolean sentenceHas(String text, int start, int end, Pattern words) {
        return words.matcher(text)
                .region(start(text, start), end(text, Math.max(start, end - 1)))
                .find();
    }

    private static final Pattern CLEAN_END = Pattern.compile(
            "\\s*(?:$|[.,;:!?)\\]}$]|\\\\\\)|\\\\\\]|(?:so|thus|hence|therefore|which|since|because|meaning|that\\s+is"
                    + "|i\\.e\\.)\\b)",
            Pattern.CASE_INSENSITIVE);

    /**
     * {@return whether a statement ending at {@code end} ends there: the text goes on with a
     * punctuation mark, the end, or a word that starts a new clause ("so", "which", "since" ...), not
     * with words that qualify it ("12 days in March when it rained", "a day-long workshop", "5 days
     * that she works", "45 minutes + 15 minutes")}
     */
    static boolean endsCleanly(String text, int end) {
        return CLEAN_END
                .matcher(text)
                .region(end, Math.min(text.length(), end + 40))
                .lookingAt();
    }
}
