package org.veristep.eval.prmbench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.veristep.BadInputException;
import org.veristep.json.Json;

/**
 * Reads PRMBench test items from the {@code prmbench/*.jsonl} files of a data directory (the
 * {@code prmtest_classified} files of {@code ssmisya/PRMBench}), the way the reference's {@code
 * load_data_function} does: the steps are {@code modified_process}, the question {@code
 * modified_question}, the id {@code <classification>_<idx>}; a repeated id is skipped (the
 * reference keeps the first), and counted.
 *
 * <p>The reference also adds a synthetic "correct" item (the original solution, no error) per
 * redundency item; those feed only the per-class "correct" figures and a similarity metric, not the
 * PRMScore of the leaderboard, so they are not built here.
 */
public final class PrmBenchData {
    private PrmBenchData() {}

    /** The numbering prefix the reference strips from each step ({@code remove_step_prefix}). */
    private static final Pattern STEP_PREFIX =
            Pattern.compile("^(Step\\s*\\d+\\.\\s*|\\d+\\.\\s*)", Pattern.CASE_INSENSITIVE);

    /**
     * What was read.
     *
     * @param items the items in file-name order, then line order
     * @param duplicatesSkipped lines skipped because their id was already read
     * @param files the files read, in order
     */
    public record Loaded(List<PrmBenchItem> items, int duplicatesSkipped, List<Path> files) {
        public Loaded {
            items = List.copyOf(items);
            files = List.copyOf(files);
        }
    }

    /**
     * Reads every {@code *.jsonl} file directly in {@code dir} (sorted by name), or the one file
     * when {@code dir} is a file.
     *
     * @throws BadInputException naming file, line and field for a malformed line
     * @throws UncheckedIOException when a file cannot be read, or the directory holds no jsonl file
     */
    public static Loaded read(Path dir) {
        List<Path> files = new ArrayList<>();
        if (Files.isRegularFile(dir)) {
            files.add(dir);
        } else {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.getFileName().toString().endsWith(".jsonl"))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list PRMBench directory " + dir, e);
            }
            if (files.isEmpty()) {
                throw new UncheckedIOException(new IOException("no PRMBench *.jsonl file in " + dir));
            }
        }
        List<PrmBenchItem> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int duplicates = 0;
        for (Path f : files) {
            try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                String line;
                long n = 0;
                while ((line = in.readLine()) != null) {
                    n++;
                    if (line.isBlank()) continue;
                    PrmBenchItem item = parse(line, f.toString(), n);
                    if (seen.add(item.id())) items.add(item);
                    else duplicates++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
        }
        return new Loaded(items, duplicates, files);
    }

    /**
     * Parses one line.
     *
     * @throws BadInputException when it is not a JSON object with string {@code idx} and {@code
     *     classification}, a string question, a non-empty string array {@code modified_process} and
     *     an integer array {@code error_steps}
     */
    public static PrmBenchItem parse(String line, String source, long lineNo) {
        JsonNode o;
        try {
            o = Json.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            throw new BadInputException(source, lineNo, null, "expected a JSON object: " + e.getOriginalMessage());
        }
        if (o == null || !o.isObject()) throw new BadInputException(source, lineNo, null, "expected a JSON object");
        String idx = text(o, "idx", source, lineNo);
        String classification = text(o, "classification", source, lineNo);
        JsonNode q = o.hasNonNull("modified_question") ? o.get("modified_question") : o.get("question");
        if (q == null || !q.isTextual()) {
            throw new BadInputException(source, lineNo, "modified_question", "expected a string");
        }
        JsonNode proc = o.get("modified_process");
        if (proc == null || !proc.isArray() || proc.isEmpty()) {
            throw new BadInputException(source, lineNo, "modified_process", "expected a non-empty array of strings");
        }
        List<String> steps = new ArrayList<>(proc.size());
        for (int i = 0; i < proc.size(); i++) {
            JsonNode s = proc.get(i);
            if (!s.isTextual())
                throw new BadInputException(source, lineNo, "modified_process[" + i + "]", "expected a string");
            steps.add(STEP_PREFIX.matcher(s.asText().strip()).replaceFirst(""));
        }
        JsonNode err = o.get("error_steps");
        if (err == null || !err.isArray()) {
            throw new BadInputException(source, lineNo, "error_steps", "expected an array of 1-based step numbers");
        }
        Set<Integer> errors = new TreeSet<>();
        int outOfRange = 0;
        for (int i = 0; i < err.size(); i++) {
            JsonNode e = err.get(i);
            if (!e.canConvertToInt() || !e.isIntegralNumber()) {
                throw new BadInputException(source, lineNo, "error_steps[" + i + "]", "expected a 1-based step number");
            }
            int zeroBased = e.asInt() - 1;
            if (zeroBased < 0 || zeroBased >= steps.size()) outOfRange++;
            else errors.add(zeroBased);
        }
        return new PrmBenchItem(
                classification + "_" + idx,
                classification,
                q.asText(),
                steps,
                errors,
                outOfRange,
                source + ":" + lineNo);
    }

    private static String text(JsonNode o, String field, String source, long line) {
        JsonNode v = o.get(field);
        if (v == null || !v.isValueNode() || v.isNull())
            throw new BadInputException(source, line, field, "expected a string");
        return v.asText();
    }
}
