package org.veristep.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veristep.json.Json;

/**
 * The registry of datasets Veristep knows, laid out under the data directory ({@link
 * org.veristep.DataDir}) exactly like the project's {@code shared/data}.
 *
 * <p>Hub layouts assumed (checked on the Hub's file listings, late 2026): {@code Qwen/ProcessBench}
 * holds the four subsets as JSON arrays at the repository root ({@code gsm8k.json}, {@code
 * math.json}, {@code olympiadbench.json}, {@code omnimath.json}; the dataset card maps each to a
 * split), the same files as the {@code QwenLM/ProcessBench} GitHub repository; {@code
 * hitsmy/PRMBench_Preview} holds one merged {@code prmbench_preview.jsonl} (the GitHub repository
 * splits the same records by class); {@code peiyi9979/Math-Shepherd} holds {@code
 * math-shepherd.jsonl} (about 793 MB); {@code HuggingFaceH4/MATH-500} holds {@code test.jsonl}. The
 * parquet conversions under {@code refs/convert/parquet} are not used.
 */
public final class KnownDatasets {
    private KnownDatasets() {}

    private static final Map<String, KnownDataset> ALL = new LinkedHashMap<>();

    static {
        add(new KnownDataset(
                "processbench",
                "ProcessBench: 3,400 step-labelled solutions in 4 subsets (first-error evaluation)",
                "ProcessBenchFormat",
                "Qwen/ProcessBench",
                "main",
                ProcessBenchFormat.SUBSETS.stream()
                        .map(s -> new KnownDataset.DataFile("processbench/" + s + ".json", s + ".json"))
                        .toList(),
                "https://huggingface.co/datasets/Qwen/ProcessBench (Apache-2.0)"));
        add(
                new KnownDataset(
                        "prmbench",
                        "PRMBench: 6,216 solutions with injected errors of 9 classes (error_steps 1-based)",
                        "PrmBenchFormat",
                        "hitsmy/PRMBench_Preview",
                        "main",
                        List.of(
                                new KnownDataset.DataFile("prmbench/prmbench_preview.jsonl", "prmbench_preview.jsonl"),
                                new KnownDataset.DataFile("prmbench/*.jsonl", null)),
                        "https://huggingface.co/datasets/hitsmy/PRMBench_Preview; split by class in github.com/ssmisya/PRMBench (Apache-2.0)"));
        add(new KnownDataset(
                "math-shepherd",
                "Math-Shepherd: 445k MC-labelled step-tagged solutions (ки, +/-)",
                "MathShepherdFormat",
                "peiyi9979/Math-Shepherd",
                "main",
                List.of(new KnownDataset.DataFile("math_shepherd/math-shepherd.jsonl", "math-shepherd.jsonl")),
                "https://huggingface.co/datasets/peiyi9979/Math-Shepherd"));
        add(new KnownDataset(
                "math500",
                "MATH500: 500 MATH test problems with answers (problems to sample on, grading)",
                "JSONL {problem, solution, answer, subject, level, unique_id}",
                "HuggingFaceH4/MATH-500",
                "main",
                List.of(new KnownDataset.DataFile("math/math500.jsonl", "test.jsonl")),
                "https://huggingface.co/datasets/HuggingFaceH4/MATH-500 (MIT)"));
        add(local(
                "prm800k",
                "PRM800K raw label lines (ratings -1/0/+1 per step)",
                "Prm800kFormat",
                List.of("prm800k/*.jsonl"),
                "github.com/openai/prm800k (data files are Git LFS objects; not on the Hub)"));
        add(local(
                "math-shepherd-samples",
                "Math-Shepherd and OmegaPRM MATH-APS format samples (OpenR test fixtures)",
                "MathShepherdFormat, OmegaPrmFormat",
                List.of("math_shepherd/openr_*.jsonl", "math_shepherd/openr_*.json"),
                "github.com/openreasoner/openr preprocess/tests"));
        add(local(
                "rewardmath",
                "RewardMATH: 483 problems x 10 candidates, per-step PRM scores and RM scores",
                "RewardMathFormat",
                List.of("rewardmath/RewardMATH/*_reward.json"),
                "github.com/kimsh0507/RewardMATH_official results/RewardMATH (score files are not on the Hub)"));
        add(local(
                "rewardbench-math-prm",
                "RewardBench math-prm: 447 chosen/rejected pairs with step text and per-step PRM scores",
                "RewardBenchFormat",
                List.of("rewardmath/RewardBench/*.json"),
                "github.com/kimsh0507/RewardMATH_official results/Rewardbench"));
        add(local(
                "qwen-rm-maj",
                "Qwen2.5-Math RM@8 / maj@8 example: 100 MATH problems x 8 responses with RM scores",
                "QwenRmFormat",
                List.of("bon/qwen25math_rm_maj_example/math_cot_100.jsonl"),
                "github.com/QwenLM/Qwen2.5-Math evaluation/data/eval_rm_maj_example"));
        add(local(
                "reasoneval-mr-math",
                "ReasonEval MR-MATH: human first-error labels over step groups, per-line PRM scores",
                "ReasonEvalFormat",
                List.of(
                        "reasoneval/dataset/*.json",
                        "reasoneval/eval_results/mr-math_invalid_errors/*.json",
                        "reasoneval/eval_results/mr-math_redundant_errors/*.json"),
                "github.com/GAIR-NLP/ReasonEval (data license unstated)"));
        add(local(
                "gsm8k",
                "GSM8K test problems (answers after ####)",
                "JSONL {question, answer}",
                List.of("gsm8k/test.jsonl"),
                "github.com/openai/grade-school-math (MIT); on the Hub only as parquet (openai/gsm8k)"));
    }

    private static KnownDataset local(
            String name, String description, String format, List<String> paths, String source) {
        return new KnownDataset(
                name,
                description,
                format,
                null,
                "main",
                paths.stream().map(p -> new KnownDataset.DataFile(p, null)).toList(),
                source);
    }

    private static void add(KnownDataset d) {
        ALL.put(d.name(), d);
    }

    /** {@return every known dataset, in a fixed order} */
    public static List<KnownDataset> all() {
        return List.copyOf(ALL.values());
    }

    /** {@return the dataset called {@code name}, if known} */
    public static Optional<KnownDataset> find(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    /**
     * {@return the codec that reads {@code file} of {@code dataset}}, or empty when Veristep has no
     * reader for it (problem sets such as {@code math500}, {@code gsm8k})
     */
    public static Optional<RecordCodec<?>> codecFor(KnownDataset dataset, Path file) {
        String f = file.getFileName().toString();
        String path = file.toString().replace('\\', '/');
        RecordCodec<?> c =
                switch (dataset.name()) {
                    case "processbench" -> ProcessBenchFormat.codec(ProcessBenchFormat.subsetOf(file));
                    case "prmbench" -> PrmBenchFormat.CODEC;
                    case "math-shepherd" -> MathShepherdFormat.CODEC;
                    case "prm800k" -> Prm800kFormat.CODEC;
                    case "math-shepherd-samples" ->
                        f.contains("ki_tagged")
                                ? MathShepherdFormat.TAGGED_CODEC
                                : f.contains("math-aps-tree")
                                        ? OmegaPrmFormat.TREE
                                        : f.contains("math-aps") ? OmegaPrmFormat.FLAT : MathShepherdFormat.CODEC;
                    case "rewardmath" -> RewardMathFormat.CODEC;
                    case "rewardbench-math-prm" -> RewardBenchFormat.CODEC;
                    case "qwen-rm-maj" -> QwenRmFormat.CODEC;
                    case "reasoneval-mr-math" ->
                        path.contains("/dataset/") ? ReasonEvalFormat.DATASET : ReasonEvalFormat.RESULTS;
                    default -> null;
                };
        return Optional.ofNullable(c);
    }

    /**
     * One local file of a dataset with its size and record count.
     *
     * @param path the file
     * @param bytes its size
     * @param records the number of records: elements of a JSON array, or non-blank lines of JSONL;
     *     -1 when the file could not be counted (malformed JSON array)
     */
    public record LocalFile(Path path, long bytes, long records) {}

    /**
     * {@return the files of {@code dataset} present under {@code dataDir}}, globs expanded, each file
     * once, in registry then name order
     *
     * @throws UncheckedIOException when a directory cannot be listed
     */
    public static List<LocalFile> present(KnownDataset dataset, Path dataDir) {
        List<Path> paths = new ArrayList<>();
        for (KnownDataset.DataFile f : dataset.files()) {
            if (!f.localPath().contains("*")) {
                Path p = dataDir.resolve(f.localPath());
                if (Files.isRegularFile(p) && !paths.contains(p)) paths.add(p);
                continue;
            }
            int slash = f.localPath().lastIndexOf('/');
            Path dir = dataDir.resolve(f.localPath().substring(0, slash));
            String glob = f.localPath().substring(slash + 1);
            if (!Files.isDirectory(dir)) continue;
            List<Path> found = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, glob)) {
                for (Path x : ds) if (Files.isRegularFile(x)) found.add(x);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
            found.sort(null);
            for (Path x : found) if (!paths.contains(x)) paths.add(x);
        }
        List<LocalFile> out = new ArrayList<>(paths.size());
        for (Path p : paths) {
            try {
                out.add(new LocalFile(p, Files.size(p), countRecords(p)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p, e);
            }
        }
        return out;
    }

    /**
     * {@return the number of records of a dataset file}: top-level elements of a JSON array (streamed,
     * not loaded), else non-blank lines; -1 when a JSON array is malformed
     */
    public static long countRecords(Path file) throws IOException {
        if (DatasetFiles.isJsonArray(file)) {
            try (JsonParser p = Json.mapper().createParser(file.toFile())) {
                p.nextToken();
                long n = 0;
                for (JsonToken t = p.nextToken(); t != null && t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    p.skipChildren();
                    n++;
                }
                return n;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return -1;
            }
        }
        long n = 0;
        boolean blank = true;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int r = in.read(buf); r > 0; r = in.read(buf)) {
                for (int i = 0; i < r; i++) {
                    byte b = buf[i];
                    if (b == '\n') {
                        if (!blank) n++;
                        blank = true;
                    } else if (b != ' ' && b != '\r' && b != '\t') {
                        blank = false;
                    }
                }
            }
        }
        if (!blank) n++;
        return n;
    }
}
