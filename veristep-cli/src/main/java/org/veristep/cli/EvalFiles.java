package org.veristep.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.veristep.json.Json;

/**
 * Writing an evaluation's output directory ({@code metrics.json}, {@code predictions.jsonl}) and
 * JSON text. Used by {@code eval prmbench} and {@code eval bon}.
 */
final class EvalFiles {
    private EvalFiles() {}

    /** Creates the directory (and parents). */
    static Path prepare(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output directory " + dir, e);
        }
        return dir;
    }

    /** Writes pretty-printed JSON. */
    static void writeJson(Path file, JsonNode node) {
        try {
            Files.writeString(
                    file,
                    Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Hex digits of a run id: 48 bits, so two runs collide with odds of about 1 in 10^14. */
    static final int RUN_ID_HEX_DIGITS = 12;

    /**
     * {@return the run id of an evaluation}: the first {@value #RUN_ID_HEX_DIGITS} hex digits of the
     * SHA-256 of its provenance object as compact JSON (UTF-8, fields in the order written). {@code
     * metrics.json} carries it as {@code "run"} beside {@code "provenance"}, and every line of {@code
     * predictions.jsonl} as {@code "run"}, so a line can be traced to the run (and the provenance)
     * that wrote it. The provenance holds the run's start time, so two runs get two ids. Anyone can
     * recompute it, e.g. in Python {@code hashlib.sha256(json.dumps(m["provenance"],
     * separators=(",", ":"), ensure_ascii=False).encode()).hexdigest()[:12]}.
     */
    static String runId(JsonNode provenance) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Json.mapper().writeValueAsBytes(provenance));
            return java.util.HexFormat.of().formatHex(digest).substring(0, RUN_ID_HEX_DIGITS);
        } catch (JsonProcessingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // a JsonNode always serialises; every JDK has SHA-256
        }
    }

    /** {@return a copy of a predictions line with {@code "run"} as its first field} */
    static ObjectNode withRun(String run, ObjectNode line) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("run", run);
        o.setAll(line);
        return o;
    }

    /** {@return pretty JSON text} */
    static String pretty(JsonNode node) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSONL writer; the caller closes it. */
    static final class Jsonl implements Closeable {
        private final Path file;
        private final BufferedWriter out;

        Jsonl(Path file) {
            this.file = file;
            try {
                this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }

        void write(JsonNode line) {
            try {
                out.write(Json.mapper().writeValueAsString(line));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }
    }
}
