package org.veristep.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.veristep.json.Json;

/**
 * Typed field access for the dataset codecs: each getter throws {@link
 * org.veristep.BadInputException} naming the record and the field path when the value is missing or
 * of the wrong type.
 */
final class Fields {
    private Fields() {}

    static ObjectNode object(JsonNode node, RecordRef at) {
        if (node == null || !node.isObject()) throw at.bad(null, "a JSON object");
        return (ObjectNode) node;
    }

    static ObjectNode object(JsonNode o, String field, RecordRef at) {
        JsonNode v = o.get(field);
        if (v == null || !v.isObject()) throw at.bad(field, "an object");
        return (ObjectNode) v;
    }

    static String text(JsonNode o, String field, RecordRef at) {
        return text(o, field, field, at);
    }

    static String text(JsonNode o, String field, String path, RecordRef at) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) throw at.bad(path, "a string");
        return v.textValue();
    }

    /** {@return the string, or null when the field is absent or JSON null} */
    static String textOrNull(JsonNode o, String field, String path, RecordRef at) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw at.bad(path, "a string or null");
        return v.textValue();
    }

    static int integer(JsonNode o, String field, String path, RecordRef at) {
        JsonNode v = o.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) throw at.bad(path, "an integer");
        return v.intValue();
    }

    static boolean bool(JsonNode o, String field, String path, RecordRef at) {
        JsonNode v = o.get(field);
        if (v == null || !v.isBoolean()) throw at.bad(path, "true or false");
        return v.booleanValue();
    }

    static double number(JsonNode v, String path, RecordRef at) {
        if (v == null || !v.isNumber()) throw at.bad(path, "a number");
        return v.doubleValue();
    }

    static ArrayNode array(JsonNode o, String field, String path, RecordRef at) {
        JsonNode v = o.get(field);
        if (v == null || !v.isArray()) throw at.bad(path, "an array");
        return (ArrayNode) v;
    }

    static List<String> strings(JsonNode o, String field, RecordRef at) {
        ArrayNode a = array(o, field, field, at);
        List<String> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isTextual()) throw at.bad(field + "[" + i + "]", "a string");
            out.add(a.get(i).textValue());
        }
        return out;
    }

    static List<Integer> integers(JsonNode o, String field, RecordRef at) {
        ArrayNode a = array(o, field, field, at);
        List<Integer> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            JsonNode v = a.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToInt()) throw at.bad(field + "[" + i + "]", "an integer");
            out.add(v.intValue());
        }
        return out;
    }

    static List<Double> numbers(JsonNode a, String path, RecordRef at) {
        if (a == null || !a.isArray()) throw at.bad(path, "an array of numbers");
        List<Double> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) out.add(number(a.get(i), path + "[" + i + "]", at));
        return out;
    }

    static ArrayNode stringArray(Collection<String> values) {
        ArrayNode a = Json.mapper().createArrayNode();
        values.forEach(a::add);
        return a;
    }

    static ArrayNode numberArray(Collection<Double> values) {
        ArrayNode a = Json.mapper().createArrayNode();
        values.forEach(a::add);
        return a;
    }

    static ArrayNode intArray(Collection<Integer> values) {
        ArrayNode a = Json.mapper().createArrayNode();
        values.forEach(a::add);
        return a;
    }

    static double[] toArray(List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) out[i] = values.get(i);
        return out;
    }

    /** {@return a copy of the fields of {@code o} whose names are not in {@code known}, in order} */
    static ObjectNode extras(JsonNode o, Set<String> known) {
        ObjectNode out = Json.mapper().createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!known.contains(e.getKey())) out.set(e.getKey(), e.getValue().deepCopy());
        }
        return out;
    }

    /**
     * Merges the modelled fields and the extra fields of a record into one object: first every name
     * of {@code order} present in either (modelled first), then the remaining extras, then the
     * remaining modelled fields. Reproduces the source order when {@code order} is the source's.
     */
    static ObjectNode merge(List<String> order, ObjectNode known, ObjectNode extras) {
        ObjectNode out = Json.mapper().createObjectNode();
        for (String name : order) {
            if (known.has(name)) out.set(name, known.get(name));
            else if (extras != null && extras.has(name)) out.set(name, extras.get(name));
        }
        if (extras != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = extras.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!out.has(e.getKey())) out.set(e.getKey(), e.getValue());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = known.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!out.has(e.getKey())) out.set(e.getKey(), e.getValue());
        }
        return out;
    }

    /** {@return an unmodifiable deep copy of {@code extras}, or an empty object for null} */
    static ObjectNode copy(ObjectNode extras) {
        return extras == null ? Json.mapper().createObjectNode() : extras.deepCopy();
    }
}
