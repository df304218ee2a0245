package org.veristep.symbolic;

import java.util.regex.Pattern;

/** Sentence bounds in a step's text, for the claims that read words around a number. */
final class Sentences {
    private Sentences() {}

    /** {@return whether {@code text[i]} ends a sentence: a newline, or . ! ? followed by a space or the end} */
    static boolean endsAt(String text, int i) {
        char c = text.charAt(i);
        if (c == '\n') return true;
        return (c == '.' || c == '!' || c == '?')
                && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)));
    }

    /** {@return the offset where the sentence holding offset {@code at} starts} */
    static int start(String text, int at) {
        int from = at;
        while (from > 0 && !endsAt(text, from - 1)) from--;
        return from;
    }

    /** {@return the offset after the sentence holding offset {@code at} ends (its mark included)} */
    static int end(String text, int at) {
        int to = at;
        while (to < text.length() && !endsAt(text, to)) to++;
        return Math.min(text.length(), to + 1);
    }

    /** {@return whether {@code words} occurs in the sentence holding {@code [start, end)}} */
    static boolean sentenceHas(String text, int start, int end, Pattern words) {
        return words.matcher(text)
                .region(start(text, start), end(text, Math.max(start, end - 1)))
                .find();
    }
}
