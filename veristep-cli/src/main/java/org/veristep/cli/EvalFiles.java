package org.veristep.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
