package org.veristep;

/**
 * Input that does not have the expected shape: names where (file, 1-based line or record index),
 * which field, and what was expected, so the user can fix it without reading code.
 */
public final class BadInputException extends VeristepException.NonRetriable {
    private final String source;
    private final long line;
    private final String field;

    /**
     * @param source file name or other origin of the input; never null
     * @param line 1-based line (JSONL) or record (JSON array) number, or 0 when not applicable
     * @param field the offending field (a JSON pointer-like path such as {@code steps[3]}), or null
     * @param expected what was expected there, in words
     */
    public BadInputException(String source, long line, String field, String expected) {
        this(source, line, field, expected, null);
    }

    public BadInputException(String source, long line, String field, String expected, Throwable cause) {
        super(format(source, line, field, expected), cause);
        this.source = source;
        this.line = line;
        this.field = field;
    }

    private static String format(String source, long line, String field, String expected) {
        StringBuilder b = new StringBuilder(source);
        if (line > 0) b.append(':').append(line);
        if (field != null) b.append(": field '").append(field).append('\'');
        return b.append(": ").append(expected).toString();
    }

    /** {@return the file or origin of the bad input} */
    public String source() {
        return source;
    }

    /** {@return the 1-based line or record number, 0 when not applicable} */
    public long line() {
        return line;
    }

    /** {@return the offending field, or null} */
    public String field() {
        return field;
    }
}
