package org.veristep.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.veristep.BadInputException;

/**
 * Converts one record of a dataset format between its JSON object and its Java value. Parsing then
 * writing then parsing gives an equal value; writing a value read from a file in the file's {@link
 * JsonStyle} gives its original bytes when the file was written by Python's {@code json} module.
 *
 * @param <T> the record type of the format
 */
public interface RecordCodec<T> {
    /**
     * Parses one record.
     *
     * @param node the record's JSON value
     * @param at where the record is, for error messages (and ids when the format has none)
     * @throws BadInputException naming {@code at} and the field when the record is malformed
     */
    T parse(JsonNode node, RecordRef at);

    /** {@return the record as the format's JSON object, fields in the format's order} */
    ObjectNode toJson(T value);
}
