package org.veristep.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.veristep.BadInputException;
import org.veristep.json.Json;

/**
 * Reads traces from any file Veristep accepts as scoring input, telling the format by its content:
 *
 * <ul>
 *   <li>a JSON array: ProcessBench ({@link ProcessBenchFormat});
 *   <li>JSONL whose first record has a string {@code problem}: ProcessBench JSONL;
 *   <li>JSONL whose first record has an object {@code problem}: Veristep JSONL ({@link VeristepJsonl}).
 * </ul>
 *
 * ProcessBench cases keep their label (as the record's {@link TraceRecord#labeled()}); their subset
 * is the file's base name.
 */
public final class TraceFiles {
    private TraceFiles() {}

    /** The formats {@link #read} tells apart. */
    public enum Format {
        PROCESSBENCH,
        VERISTEP_JSONL
    }

    /**
     * {@return the format of {@code file}, judged from its first character and first record}
     *
     * @throws BadInputException when the file is empty or its first record fits neither format
     */
    public static Format detect(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                String s = line.strip();
                if (s.startsWith("\uFEFF")) s = s.substring(1).strip();
                if (s.isEmpty()) continue;
                if (s.startsWith("[")) return Format.PROCESSBENCH;
                JsonNode node;
                try {
                    node = Json.mapper().readTree(s);
                } catch (JsonProcessingException e) {
                    throw new BadInputException(
                            file.toString(),
                            n,
                            null,
                            "expected a JSON array or JSONL objects: " + e.getOriginalMessage());
                }
                JsonNode p = node.get("problem");
                if (p != null && p.isTextual()) return Format.PROCESSBENCH;
                if (p != null && p.isObject()) return Format.VERISTEP_JSONL;
                throw new BadInputException(
                        file.toString(),
                        n,
                        "problem",
                        "expected a string (ProcessBench) or an object {id, text} (Veristep JSONL)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        throw new BadInputException(file.toString(), 0, null, "the file is empty; expected traces");
    }

    /**
     * {@return every record of {@code file}, in file order}
     *
     * @throws BadInputException naming file, line and field of the first bad record
     * @throws UncheckedIOException when the file cannot be read
     */
    public static List<TraceRecord> read(Path file) {
        List<TraceRecord> out = new ArrayList<>();
        if (detect(file) == Format.PROCESSBENCH) {
            String name = file.getFileName().toString();
            int dot = name.indexOf('.');
            String subset = dot > 0 ? name.substring(0, dot) : name;
            ProcessBenchFormat.read(
                    file, subset, c -> out.add(new TraceRecord(c.labeled().trace(), c.labeled(), null, null, null)));
        } else {
            VeristepJsonl.read(file, out::add);
        }
        return out;
    }
}
