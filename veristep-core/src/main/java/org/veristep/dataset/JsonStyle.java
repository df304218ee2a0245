package org.veristep.dataset;

/**
 * How JSON is laid out when written, in the terms of Python's {@code json.dumps}, which wrote every
 * public dataset Veristep reads. Writing a record back in the style its file was written in gives
 * the same bytes.
 *
 * @param indent spaces per nesting level ({@code json.dumps(indent=N)}), or -1 for one line with the
 *     separators {@code ", "} and {@code ": "} (the default of {@code json.dumps})
 * @param ensureAscii whether every character outside printable ASCII is written as a {@code \\uXXXX}
 *     escape ({@code ensure_ascii=True}, Python's default) or as itself ({@code ensure_ascii=False})
 */
public record JsonStyle(int indent, boolean ensureAscii) {
    /** One line, non-ASCII escaped: {@code json.dumps(obj)}. */
    public static final JsonStyle PYTHON_LINE_ASCII = new JsonStyle(-1, true);

    /** One line, non-ASCII as UTF-8: {@code json.dumps(obj, ensure_ascii=False)}. */
    public static final JsonStyle PYTHON_LINE_UTF8 = new JsonStyle(-1, false);

    public JsonStyle {
        if (indent < -1) throw new IllegalArgumentException("indent must be -1 (one line) or >= 0, got " + indent);
    }

    /** {@return a pretty-printed style: {@code json.dumps(obj, indent=indent, ensure_ascii=ensureAscii)}} */
    public static JsonStyle indented(int indent, boolean ensureAscii) {
        return new JsonStyle(indent, ensureAscii);
    }

    /** {@return whether the style writes each value on one line} */
    public boolean oneLine() {
        return indent < 0;
    }
}
