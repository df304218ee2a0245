package org.veristep.eval.prmbench;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.veristep.dataset.OnBadRecord;
import org.veristep.dataset.PrmBenchFormat;

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
     * @param duplicateIds the id of each line skipped because its id was already read, in reading
     *     order (an id repeated twice appears twice)
     * @param files the files read, in order
     */
    public record Loaded(List<PrmBenchItem> items, List<String> duplicateIds, List<Path> files) {
        public Loaded {
            items = List.copyOf(items);
            duplicateIds = List.copyOf(duplicateIds);
            files = List.copyOf(files);
        }

        /** {@return how many lines were skipped because their id was already read} */
        public int duplicatesSkipped() {
            return duplicateIds.size();
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
        List<String> duplicates = new ArrayList<>();
        for (Path f : files) {
            long[] record = {0};
            PrmBenchFormat.read(f, OnBadRecord.fail(), raw -> {
                record[0]++;
                PrmBenchItem item = forScoring(raw, f + " record " + record[0]);
                if (seen.add(item.id())) items.add(item);
                else duplicates.add(item.id());
            });
        }
        return new Loaded(items, duplicates, files);
    }

    /**
     * Prepares one item read by {@link PrmBenchFormat} for scoring: the numbering prefix is stripped
     * from each step, {@code error_steps} become 0-based and those outside the steps are counted.
     *
     * @param raw the item as in the file
     * @param source where it came from, for reports
     * @throws BadInputException when {@code modified_process} is empty
     */
    public static PrmBenchItem forScoring(org.veristep.dataset.PrmBenchItem raw, String source) {
        List<String> steps = new ArrayList<>(raw.modifiedProcess().size());
        for (String s : raw.modifiedProcess())
            steps.add(STEP_PREFIX.matcher(s.strip()).replaceFirst(""));
        if (steps.isEmpty()) {
            throw new BadInputException(source, 0, "modified_process", "expected a non-empty array of strings");
        }
        Set<Integer> errors = new TreeSet<>();
        int outOfRange = 0;
        for (int oneBased : raw.errorSteps()) {
            int zeroBased = oneBased - 1;
            if (zeroBased < 0 || zeroBased >= steps.size()) outOfRange++;
            else errors.add(zeroBased);
        }
        return new PrmBenchItem(
                raw.id(), raw.classification(), raw.modifiedQuestion(), steps, errors, outOfRange, source);
    }
}
