package org.veristep.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.veristep.json.Json;

class PyJsonTest {
    /** Expected strings are what CPython 3.11 prints for {@code repr(x)} / {@code json.dumps(x)}. */
    @Test
    void floatsAreWrittenLikePythonRepr() {
        assertEquals("1e-05", PyJson.pyFloat(0.00001));
        assertEquals("0.0001", PyJson.pyFloat(0.0001));
        assertEquals("1e+16", PyJson.pyFloat(1e16));
        assertEquals("1000000000000000.0", PyJson.pyFloat(1e15));
        assertEquals("1.2345678901234568e+17", PyJson.pyFloat(123456789012345678.0));
        assertEquals("1.5", PyJson.pyFloat(1.5));
        assertEquals("100.0", PyJson.pyFloat(100.0));
        assertEquals("-0.0", PyJson.pyFloat(-0.0));
        assertEquals("3.14e-10", PyJson.pyFloat(3.14e-10));
        assertEquals("-2.5e-07", PyJson.pyFloat(-2.5e-7));
        assertEquals("0.1", PyJson.pyFloat(0.1));
        assertEquals("0.5538036823272705", PyJson.pyFloat(0.5538036823272705));
        assertEquals("NaN", PyJson.pyFloat(Double.NaN));
        assertEquals("-Infinity", PyJson.pyFloat(Double.NEGATIVE_INFINITY));
    }

    @Property(tries = 2000)
    void floatsReadBackExactly(@ForAll double d) {
        assertEquals(d, Double.parseDouble(PyJson.pyFloat(d)), 0.0);
    }

    /** Expected: {@code json.dumps({"a": ["é", "\x7f", "😀", "\x01", "q\"\\/"], "b": {}, "c": [], "d": 1.0})}. */
    @Test
    void stringsAndLayoutLikePythonJsonDumps() throws Exception {
        JsonNode node = Json.mapper()
                .readTree(
                        "{\"a\": [\"é\", \"\\u007f\", \"😀\", \"\\u0001\", \"q\\\"\\\\/\"], \"b\": {}, \"c\": [], \"d\": 1.0}");
        assertEquals(
                "{\"a\": [\"\\u00e9\", \"\\u007f\", \"\\ud83d\\ude00\", \"\\u0001\", \"q\\\"\\\\/\"], \"b\": {}, \"c\": [], \"d\": 1.0}",
                PyJson.write(node, JsonStyle.PYTHON_LINE_ASCII));
        assertEquals(
                "{\"a\": [\"é\", \"\u007f\", \"😀\", \"\\u0001\", \"q\\\"\\\\/\"], \"b\": {}, \"c\": [], \"d\": 1.0}",
                PyJson.write(node, JsonStyle.PYTHON_LINE_UTF8));
        // json.dumps({"a": [1, {"b": None}], "c": {}}, indent=2)
        assertEquals(
                "{\n  \"a\": [\n    1,\n    {\n      \"b\": null\n    }\n  ],\n  \"c\": {}\n}",
                PyJson.write(
                        Json.mapper().readTree("{\"a\": [1, {\"b\": null}], \"c\": {}}"), JsonStyle.indented(2, true)));
    }
}
