package org.veristep.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Round-trip checks shared by the format tests. */
final class RoundTrips {
    private RoundTrips() {}

    /**
     * Reads {@code file}, writes every record back in {@code style} to a temporary file, and asserts
     * that the bytes are identical and that reading the copy gives equal records.
     *
     * @return the records read
     */
    static <T> List<T> assertByteIdentical(Path file, RecordCodec<T> codec, JsonStyle style, Path tmp) {
        List<T> records = DatasetFiles.readAll(file, codec);
        assertTrue(!records.isEmpty(), "no records in " + file);
        Path copy = tmp.resolve(file.getFileName().toString() + ".copy");
        DatasetFiles.write(copy, codec, style, records);
        try {
            String original = Files.readString(file);
            String written = Files.readString(copy);
            if (!original.equals(written)) {
                int i = 0;
                while (i < Math.min(original.length(), written.length()) && original.charAt(i) == written.charAt(i))
                    i++;
                int from = Math.max(0, i - 80);
                throw new AssertionError(file + ": written bytes differ at char " + i + "\n  original: ..."
                        + original.substring(from, Math.min(original.length(), i + 80)) + "\n  written:  ..."
                        + written.substring(from, Math.min(written.length(), i + 80)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(records, DatasetFiles.readAll(copy, codec), "parse(write(parse(file))) != parse(file)");
        return records;
    }

    /** Asserts that parse(toJson(x)) equals x for every record (value round trip). */
    static <T> void assertValueRoundTrip(List<T> records, RecordCodec<T> codec) {
        for (int i = 0; i < records.size(); i++) {
            T again = codec.parse(codec.toJson(records.get(i)), new RecordRef("round-trip", 0, i));
            assertEquals(records.get(i), again, "record " + i);
        }
    }
}
