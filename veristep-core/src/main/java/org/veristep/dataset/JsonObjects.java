package org.veristep.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Records kept as plain JSON objects, for datasets Veristep reads without a record type of its own
 * (problem sets such as MATH500 and GSM8K): each record must be a JSON object holding the named
 * fields (any non-null value).
 */
public final class JsonObjects {
    private JsonObjects() {}

    /**
     * {@return a codec of JSON objects that must hold every field of {@code fields}}; it throws
     * {@link org.veristep.BadInputException} naming the record and the first missing field
     */
    public static RecordCodec<ObjectNode> withFields(String... fields) {
        List<String> required = List.of(fields);
        return new RecordCodec<>() {
            @Override
            public ObjectNode parse(JsonNode node, RecordRef at) {
                ObjectNode o = Fields.object(node, at);
                for (String f : required) {
                    JsonNode v = o.get(f);
                    if (v == null || v.isNull()) throw at.bad(f, "a value (fields " + required + ")");
                }
                return o;
            }

            @Override
            public ObjectNode toJson(ObjectNode value) {
                return value;
            }
        };
    }
}
