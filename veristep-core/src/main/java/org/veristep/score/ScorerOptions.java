package org.veristep.score;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.veristep.VeristepException;

/**
 * Options for creating a scorer, by name (e.g. {@code file=/path/scores.jsonl}, {@code
 * endpoint=http://127.0.0.1:8000}).
 */
public record ScorerOptions(Map<String, String> values) {
    public ScorerOptions {
        values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public static ScorerOptions empty() {
        return new ScorerOptions(Map.of());
    }

    /** {@return the value of {@code name}, if set} */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /**
     * {@return the value of {@code name}}
     *
     * @throws VeristepException.NonRetriable when it is not set
     */
    public String require(String scorer, String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            String flag =
                    switch (name) {
                        case "endpoint" -> " (--endpoint URL)";
                        case "model" -> " (--model NAME)";
                        case "file" -> " (--scores FILE)";
                        default -> " (-O " + name + "=VALUE)";
                    };
            throw new org.veristep.UsageException("scorer '" + scorer + "' needs option '" + name + "'" + flag);
        }
        return v;
    }

    /** {@return the value of {@code name} as a double, or {@code fallback} when unset} */
    public double getDouble(String scorer, String name, double fallback) {
        String v = values.get(name);
        if (v == null) return fallback;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new VeristepException.NonRetriable(
                    "scorer '" + scorer + "': option '" + name + "' must be a number, got '" + v + "'");
        }
    }

    /** {@return the value of {@code name} as an int, or {@code fallback} when unset} */
    public int getInt(String scorer, String name, int fallback) {
        String v = values.get(name);
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new VeristepException.NonRetriable(
                    "scorer '" + scorer + "': option '" + name + "' must be an integer, got '" + v + "'");
        }
    }
}
