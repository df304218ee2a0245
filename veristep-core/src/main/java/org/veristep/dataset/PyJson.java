package org.veristep.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes JSON exactly as CPython's {@code json.dumps} does (separators, indentation, string escapes,
 * and {@code repr(float)} number formatting), so that a record read from a Python-written file and
 * written back gives the same bytes.
 *
 * <p>Numbers: integers as read; doubles in Python's {@code repr} form (shortest round-trip digits,
 * plain notation for exponents -4..15, else {@code 1e-05} / {@code 1.5e+16}); NaN and infinities as
 * {@code NaN}, {@code Infinity}, {@code -Infinity} (Python's default {@code allow_nan=True}).
 */
public final class PyJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PyJson() {}

    /** {@return {@code node} serialised in {@code style}} */
    public static String write(JsonNode node, JsonStyle style) {
        StringBuilder b = new StringBuilder(256);
        write(node, style, 0, b);
        return b.toString();
    }

    /**
     * Appends {@code node} to {@code out}.
     *
     * @param level the nesting level the value starts at (affects indentation only)
     */
    public static void write(JsonNode node, JsonStyle style, int level, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                if (node.isEmpty()) {
                    out.append("{}");
                    return;
                }
                out.append('{');
                boolean first = true;
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    separator(style, level + 1, first, out);
                    first = false;
                    string(e.getKey(), style.ensureAscii(), out);
                    out.append(": ");
                    write(e.getValue(), style, level + 1, out);
                }
                close(style, level, out);
                out.append('}');
            }
            case ARRAY -> {
                if (node.isEmpty()) {
                    out.append("[]");
                    return;
                }
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    separator(style, level + 1, i == 0, out);
                    write(node.get(i), style, level + 1, out);
                }
                close(style, level, out);
                out.append(']');
            }
            case STRING -> string(node.textValue(), style.ensureAscii(), out);
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL, MISSING -> out.append("null");
            case NUMBER -> {
                if (node.isIntegralNumber()) out.append(node.bigIntegerValue());
                else out.append(pyFloat(node.doubleValue()));
            }
            default -> throw new IllegalArgumentException("cannot write JSON node of type " + node.getNodeType());
        }
    }

    private static void separator(JsonStyle style, int level, boolean first, StringBuilder out) {
        if (style.oneLine()) {
            if (!first) out.append(", ");
        } else {
            if (!first) out.append(',');
            out.append('\n');
            indent(style, level, out);
        }
    }

    private static void close(JsonStyle style, int level, StringBuilder out) {
        if (!style.oneLine()) {
            out.append('\n');
            indent(style, level, out);
        }
    }

    static void indent(JsonStyle style, int level, StringBuilder out) {
        out.repeat(' ', style.indent() * level);
    }

    /** Appends {@code s} as a JSON string literal with Python's escapes. */
    public static void string(String s, boolean ensureAscii, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || (ensureAscii && c > 0x7e)) {
                        out.append("\\u")
                                .append(HEX[(c >> 12) & 0xF])
                                .append(HEX[(c >> 8) & 0xF])
                                .append(HEX[(c >> 4) & 0xF])
                                .append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * {@return {@code d} as CPython's {@code repr(float)} writes it}: the shortest digits that read
     * back to {@code d}, in plain notation when the decimal exponent is in [-4, 16), else scientific
     * with a signed exponent of at least two digits.
     */
    public static String pyFloat(double d) {
        if (Double.isNaN(d)) return "NaN";
        if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
        if (d == 0) return 1 / d < 0 ? "-0.0" : "0.0";
        // Double.toString gives the shortest round-trip digits (JDK 19+), like Python's repr.
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = bd.unscaledValue().abs().toString();
        int exp10 = digits.length() - 1 - bd.scale();
        StringBuilder b = new StringBuilder(24);
        if (d < 0) b.append('-');
        if (exp10 >= -4 && exp10 < 16) {
            if (exp10 < 0) {
                b.append("0.").repeat('0', -exp10 - 1).append(digits);
            } else if (digits.length() <= exp10 + 1) {
                b.append(digits).repeat('0', exp10 + 1 - digits.length()).append(".0");
            } else {
                b.append(digits, 0, exp10 + 1).append('.').append(digits, exp10 + 1, digits.length());
            }
        } else {
            b.append(digits.charAt(0));
            if (digits.length() > 1) b.append('.').append(digits, 1, digits.length());
            b.append('e').append(exp10 < 0 ? '-' : '+');
            int e = Math.abs(exp10);
            if (e < 10) b.append('0');
            b.append(e);
        }
        return b.toString();
    }
}
