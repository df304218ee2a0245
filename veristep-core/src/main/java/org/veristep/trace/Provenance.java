package org.veristep.trace;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a result came from, attached to every file Veristep writes.
 *
 * @param toolVersion Veristep version that produced the result
 * @param scorer scorer name (as given to {@code --scorer}), or null
 * @param model model name served at the endpoint, or null
 * @param endpoint base URL of the inference server, or null for in-process scorers
 * @param parameters every other parameter that changes the result (threshold, aggregation ...),
 *     sorted by name
 * @param seed seed of every random choice, or null when nothing random happened
 * @param time when the run started (UTC)
 */
public record Provenance(
        String toolVersion,
        String scorer,
        String model,
        String endpoint,
        Map<String, String> parameters,
        Long seed,
        Instant time) {
    public Provenance {
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(time, "time");
        parameters = java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
    }
}
