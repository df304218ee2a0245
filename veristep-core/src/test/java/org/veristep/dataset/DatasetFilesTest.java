package org.veristep.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veristep.BadInputException;
import org.veristep.json.Json;

class DatasetFilesTest {
    @TempDir
    Path tmp;

    /** A codec whose records validate themselves (the constructor throws IllegalArgumentException). */
    record Positive(int value) {
        Positive {
            if (value <= 0) throw new IllegalArgumentException("value must be positive, got " + value);
        }
    }

    static final RecordCodec<Positive> POSITIVE = new RecordCodec<>() {
        @Override
        public Positive parse(JsonNode node, RecordRef at) {
            return new Positive(Fields.integer(Fields.object(node, at), "value", "value", at));
        }

        @Override
        public ObjectNode toJson(Positive p) {
            return Json.mapper().createObjectNode().put("value", p.value());
        }
    };

    @Test
    void aRecordsOwnValidationErrorNamesFileAndLine() throws IOException {
        Path f = tmp.resolve("p.jsonl");
        Files.writeString(f, "{\"value\": 1}\n{\"value\": -2}\n");
        BadInputException e = assertThrows(BadInputException.class, () -> DatasetFiles.readAll(f, POSITIVE));
        assertEquals(f + ":2: record 2: expected a valid record: value must be positive, got -2", e.getMessage());
    }

    @Test
    void streamsAreLazyAndReadOnlyWhatIsConsumed() throws IOException {
        Path f = tmp.resolve("lazy.jsonl");
        Files.writeString(f, "{\"value\": 1}\n{\"value\": 2}\nthis line is not JSON\n");
        try (Stream<Positive> s = DatasetFiles.stream(f, POSITIVE, OnBadRecord.fail())) {
            assertEquals(List.of(new Positive(1), new Positive(2)), s.limit(2).toList());
        }
        try (Stream<Positive> s = DatasetFiles.stream(f, POSITIVE, OnBadRecord.fail())) {
            BadInputException e = assertThrows(BadInputException.class, s::toList);
            assertEquals(3, e.line());
        }
    }

    @Test
    void writerLaysOutArraysLikePythonJsonDump() throws IOException {
        Path f = tmp.resolve("a.json");
        DatasetFiles.write(f, POSITIVE, JsonStyle.indented(4, true), List.of(new Positive(1), new Positive(2)));
        // json.dump([{"value": 1}, {"value": 2}], f, indent=4)
        assertEquals(
                "[\n    {\n        \"value\": 1\n    },\n    {\n        \"value\": 2\n    }\n]", Files.readString(f));
        DatasetFiles.write(f, POSITIVE, JsonStyle.indented(4, true), List.of());
        assertEquals("[]", Files.readString(f));
        assertTrue(DatasetFiles.isJsonArray(f));
        assertEquals(List.of(), DatasetFiles.readAll(f, POSITIVE));
    }
}
