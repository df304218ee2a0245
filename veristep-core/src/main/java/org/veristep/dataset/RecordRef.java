package org.veristep.dataset;

import org.veristep.BadInputException;

/**
 * Where a record sits in its file, for error messages and for ids of records that have none.
 *
 * @param source the file name or other origin
 * @param line 1-based line where the record starts (JSONL: its line; JSON array: the line of its
 *     opening brace), or 0 when unknown
 * @param index 0-based position of the record in the file, counting every record (good or bad)
 */
public record RecordRef(String source, long line, long index) {
    /**
     * {@return an exception naming this record and {@code field}}
     *
     * @param field the offending field as a path ({@code steps[3]}, {@code output.step_scores}), or
     *     null when the record as a whole is wrong
     * @param expected what was expected there, in words
     */
    public BadInputException bad(String field, String expected) {
        return new BadInputException(source, line, field, "record " + (index + 1) + ": expected " + expected);
    }
}
