package org.veristep.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.veristep.BadInputException;
import org.veristep.json.Json;

/**
 * Streams the records of a dataset file (a JSON array, or JSONL with one object per line; told
 * apart by the first non-blank character, whatever the file's extension) through a {@link
 * RecordCodec}, one record in memory at a time, and writes records back in a {@link JsonStyle}.
 */
public final class DatasetFiles {
    private DatasetFiles() {}

    /**
     * Reads every record of {@code file} into {@code sink}, in file order.
     *
     * @param onBad what to do with a record that does not parse
     * @return the number of records passed to {@code sink}
     * @throws BadInputException for a bad record when {@code onBad} rethrows, and always for
     *     malformed JSON inside a JSON array
     * @throws UncheckedIOException when the file cannot be read
     */
    public static <T> long read(Path file, RecordCodec<T> codec, OnBadRecord onBad, Consumer<? super T> sink) {
        long n = 0;
        try (Cursor<T> c = new Cursor<>(file, codec, onBad)) {
            while (c.hasNext()) {
                sink.accept(c.next());
                n++;
            }
        }
        return n;
    }

    /** Reads every record of {@code file} into {@code sink}, failing at the first bad record. */
    public static <T> long read(Path file, RecordCodec<T> codec, Consumer<? super T> sink) {
        return read(file, codec, OnBadRecord.fail(), sink);
    }

    /** {@return all records of {@code file}} (for small files; prefer streaming for large ones) */
    public static <T> List<T> readAll(Path file, RecordCodec<T> codec) {
        List<T> out = new ArrayList<>();
        read(file, codec, out::add);
        return out;
    }

    /**
     * {@return a lazy stream of the records of {@code file}}; close it (try-with-resources) to close
     * the file. Errors surface while the stream is consumed, as in {@link #read}.
     */
    public static <T> Stream<T> stream(Path file, RecordCodec<T> codec, OnBadRecord onBad) {
        Cursor<T> c = new Cursor<>(file, codec, onBad);
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(c, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(c::close);
    }

    /** {@return whether the file holds a JSON array (else JSONL)}, from its first non-blank character */
    public static boolean isJsonArray(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return firstNonBlank(in) == '[';
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static int firstNonBlank(BufferedReader in) throws IOException {
        in.mark(1 << 16);
        int c;
        int n = 0;
        do {
            c = in.read();
            n++;
        } while ((c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\uFEFF') && n < (1 << 16) - 1);
        in.reset();
        return c;
    }

    /**
     * Opens a writer of records; JSONL (one record per line, each line ending in {@code \n}) when
     * {@code style} is one-line, else a JSON array laid out like Python's {@code json.dump(list,
     * indent=N)} (no newline after the closing bracket). The caller closes it.
     *
     * @throws UncheckedIOException when the file cannot be created
     */
    public static <T> RecordWriter<T> writer(Path file, RecordCodec<T> codec, JsonStyle style) {
        try {
            return new RecordWriter<>(Files.newBufferedWriter(file, StandardCharsets.UTF_8), codec, style);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes {@code records} to {@code file}; see {@link #writer}. */
    public static <T> void write(Path file, RecordCodec<T> codec, JsonStyle style, Iterable<? extends T> records) {
        try (RecordWriter<T> w = writer(file, codec, style)) {
            for (T r : records) w.write(r);
        }
    }

    /** {@return one record as a JSON text in {@code style}} (a JSONL line without its newline) */
    public static <T> String toText(RecordCodec<T> codec, JsonStyle style, T record) {
        return PyJson.write(codec.toJson(record), style);
    }

    /** A streaming writer of records; see {@link DatasetFiles#writer}. */
    public static final class RecordWriter<T> implements Closeable {
        private final Writer out;
        private final RecordCodec<T> codec;
        private final JsonStyle style;
        private final StringBuilder buf = new StringBuilder(4096);
        private long count;

        RecordWriter(Writer out, RecordCodec<T> codec, JsonStyle style) {
            this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out);
            this.codec = codec;
            this.style = style;
        }

        /** Writes one record. */
        public void write(T record) {
            buf.setLength(0);
            if (style.oneLine()) {
                PyJson.write(codec.toJson(record), style, 0, buf);
                buf.append('\n');
            } else {
                buf.append(count == 0 ? "[\n" : ",\n");
                PyJson.indent(style, 1, buf);
                PyJson.write(codec.toJson(record), style, 1, buf);
            }
            count++;
            try {
                out.append(buf);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** {@return the number of records written so far} */
        public long count() {
            return count;
        }

        @Override
        public void close() {
            try (out) {
                if (!style.oneLine()) out.append(count == 0 ? "[]" : "\n]");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Iterates the parsed records of one file, applying the bad-record policy. */
    private static final class Cursor<T> implements Iterator<T>, AutoCloseable {
        private final String source;
        private final RecordCodec<T> codec;
        private final OnBadRecord onBad;
        private final BufferedReader in;
        private final JsonParser array;
        private long line;
        private long index;
        private T next;
        private boolean done;

        Cursor(Path file, RecordCodec<T> codec, OnBadRecord onBad) {
            this.source = file.toString();
            this.codec = codec;
            this.onBad = onBad;
            try {
                this.in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                JsonParser p = null;
                if (firstNonBlank(in) == '[') {
                    p = Json.mapper().createParser(in);
                    p.nextToken();
                }
                this.array = p;
            } catch (JsonProcessingException e) {
                throw malformed(e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }

        private BadInputException malformed(JsonProcessingException e) {
            long at = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return new BadInputException(source, at, null, "malformed JSON: " + e.getOriginalMessage());
        }

        @Override
        public boolean hasNext() {
            while (next == null && !done) advance();
            return next != null;
        }

        @Override
        public T next() {
            if (!hasNext()) throw new NoSuchElementException();
            T r = next;
            next = null;
            return r;
        }

        private void advance() {
            JsonNode node;
            RecordRef at;
            try {
                if (array != null) {
                    JsonToken t = array.nextToken();
                    if (t == JsonToken.END_ARRAY || t == null) {
                        done = true;
                        return;
                    }
                    at = new RecordRef(source, array.currentTokenLocation().getLineNr(), index++);
                    node = Json.mapper().readTree(array);
                } else {
                    String text = in.readLine();
                    if (text == null) {
                        done = true;
                        return;
                    }
                    line++;
                    if (text.isBlank()) return;
                    at = new RecordRef(source, line, index++);
                    try {
                        node = Json.mapper().readTree(text);
                    } catch (JsonProcessingException e) {
                        onBad.handle(at.bad(null, "one JSON value per line: " + e.getOriginalMessage()));
                        return;
                    }
                }
            } catch (JsonProcessingException e) {
                throw malformed(e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + source, e);
            }
            try {
                next = codec.parse(node, at);
            } catch (BadInputException e) {
                onBad.handle(e);
            }
        }

        @Override
        public void close() {
            try (in) {
                if (array != null) array.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
