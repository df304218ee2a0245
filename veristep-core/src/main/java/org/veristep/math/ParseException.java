package org.veristep.math;

import org.veristep.VeristepException;

/** The input is not an expression {@link MathParser} reads; names the 0-based position and what was expected. */
public final class ParseException extends VeristepException.NonRetriable {
    private final int position;

    /**
     * @param input the text being parsed (quoted, shortened, in the message)
     * @param position 0-based character offset into the (normalised) input where parsing failed
     * @param expected what was expected there, in words
     */
    public ParseException(String input, int position, String expected) {
        super("cannot parse " + quote(input) + " at position " + position + ": " + expected);
        this.position = position;
    }

    /** {@return the 0-based character offset where parsing failed} */
    public int position() {
        return position;
    }

    static String quote(String s) {
        return '"' + (s.length() > 80 ? s.substring(0, 77) + "..." : s) + '"';
    }
}
