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
 *
 * <p>Files carry what is known of their content ({@link KnownDataset.Expected}): the record counts
 * and SHA-256s of the copies in the project's {@code shared/data} (ProcessBench's four subsets from
 * {@code QwenLM/ProcessBench@2f2fd8a}, the 17 PRMBench test files split by class from {@code
 * ssmisya/PRMBench@a1ae4ea}, MATH500, the GSM8K test set), each recounted with python's {@code json}
 * module and {@code sha256sum}. Counts are enforced by {@link DatasetCheck}; SHA-256s only reported.
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
                List.of(
                        new KnownDataset.DataFile(
                                "processbench/gsm8k.json",
                                "gsm8k.json",
                                processBench(400, "fb1c59dfd1e83e1c5a48dbe598db27e4bc0b8bc524a09445f2d4b69178f61349")),
                        new KnownDataset.DataFile(
                                "processbench/math.json",
                                "math.json",
                                processBench(1000, "520ae64463d6ceb4bf13af31693389a5d5b14934cdad3468193dea4a5ceb0414")),
                        new KnownDataset.DataFile(
                                "processbench/olympiadbench.json",
                                "olympiadbench.json",
                                processBench(1000, "e9d801c9f3c03f949adbfa08e90cb21ad85c0b9224bc5e98326f8215c218aa55")),
                        new KnownDataset.DataFile(
                                "processbench/omnimath.json",
                                "omnimath.json",
                                processBench(
                                        1000, "e8d7cf4512c82168dae2fe48b1718069a3002e7910af1d180a27ee0d9948ba47"))),
                "https://huggingface.co/datasets/Qwen/ProcessBench (Apache-2.0)"));
        add(
                new KnownDataset(
                        "prmbench",
                        "PRMBench: 6,216 solutions with injected errors of 9 classes (error_steps 1-based)",
                        "PrmBenchFormat",
                        "hitsmy/PRMBench_Preview",
                        "main",
                        prmBenchFiles(),
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
                List.of(new KnownDataset.DataFile(
                        "math/math500.jsonl",
                        "test.jsonl",
                        new KnownDataset.Expected(
                                500,
                                "35dc41080a3680858b27fa7e0533d2d547825316fc5dafe5d316f4ccc5a06132",
                                "openai/prm800k math_splits/test.jsonl"))),
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
        add(new KnownDataset(
                "gsm8k",
                "GSM8K test problems (answers after ####)",
                "JSONL {question, answer}",
                null,
                "main",
                List.of(new KnownDataset.DataFile(
                        "gsm8k/test.jsonl",
                        null,
                        new KnownDataset.Expected(
                                1319,
                                "3730d312f6e3440559ace48831e51066acaca737f6eabec99bccb9e4b3c39d14",
                                "openai/grade-school-math@3101c7d"))),
                "github.com/openai/grade-school-math (MIT); on the Hub only as parquet (openai/gsm8k)"));
    }

    /** The GitHub snapshot of ProcessBench whose SHA-256s are known (../shared/data/processbench). */
    private static final String PROCESSBENCH_COPY = "QwenLM/ProcessBench@2f2fd8a (GitHub, 2024-12-10)";

    private static KnownDataset.Expected processBench(long records, String sha256) {
        return new KnownDataset.Expected(records, sha256, PROCESSBENCH_COPY);
    }

    /**
     * PRMBench: the merged Hub file (record count not verified on a real download, so not
     * enforced), the 17 test files of the GitHub repository split by class whose counts and SHA-256s
     * were checked on ../shared/data/prmbench, and any other split file (the 8 {@code
     * prm800k_train_p1_first400_*} files) by glob.
     */
    private static List<KnownDataset.DataFile> prmBenchFiles() {
        List<KnownDataset.DataFile> out = new ArrayList<>();
        out.add(new KnownDataset.DataFile("prmbench/prmbench_preview.jsonl", "prmbench_preview.jsonl"));
        String[][] split = {
            {"prm800k_test_p1_4o_circular", "90", "7205855b6b7e9a161b9b7c1e163274bea5b9ecd4ba0a435100e8e545fea42a4a"},
            {"prm800k_test_p1_4o_confidence", "90", "17ec2af85dfb6cc230c9d4c6f3b6b9b7668d5bcb7db0e8ae9e2b6b74e6b5a509"},
            {
                "prm800k_test_p1_4o_counterfactual",
                "90",
                "18774eff6acc1a1ff8d8be5168d451511a1bb42d1b6a000f50db008cfb0a0d54"
            },
            {"prm800k_test_p1_4o_deception", "88", "5a68973f459b49be56e6e2d375bf69668dcf8476c79096c1541e293bb02df44f"},
            {
                "prm800k_test_p1_4o_domain_inconsistency",
                "90",
                "551818a44f7ccebda16743711f6f60198cd6617296c559243b3866fd7f562f0d"
            },
            {
                "prm800k_test_p1_4o_missing_condition",
                "90",
                "216f8ea75d585becbb915070faa39b46ac07f618e7ece33bb3931ff0247b371c"
            },
            {"prm800k_test_p1_4o_redundency", "90", "0c23552bf0abb801acc11ee18954c4595101f334761362afa809af76238eb2c9"},
            {
                "prm800k_test_p1_4o_step_contradiction",
                "90",
                "7d291f5596715f8b21db2aae2ebcc5b7347b099f0cc66a7a2788ee56601c4aa8"
            },
            {"prm800k_test_p2_4o_circular", "267", "531060d9a79fb9561b046361258c993bfe06a6e8df18e0f8f30bb28df0a200c4"},
            {"prm800k_test_p2_4o_confidence", "267", "53ba01695ab145a8393f20cac6f96b9b836e39f169fc4ff18d7ed48cac9c1a0d"
            },
            {
                "prm800k_test_p2_4o_counterfactual",
                "266",
                "8910343b84696dc2b36cc7b1833e934897e55c66bbe4b93d5040736443a2f03d"
            },
            {"prm800k_test_p2_4o_deception", "263", "b98ba8ef38abbcb04ce8766e1bcb80e6aafb19661da675e3c2334e44ace3acdd"},
            {
                "prm800k_test_p2_4o_domain_inconsistency",
                "267",
                "66bc63f3080fcbe8b372f0fe460b4f26f9ffd1cedef9a85e4cd354c9547ca479"
            },
            {
                "prm800k_test_p2_4o_missing_condition",
                "266",
                "93b52efc514eeaed3156c1fccf3c9e4e7b633f0eb131c1a50a3b9a1d45b6c18c"
            },
            {"prm800k_test_p2_4o_redundency", "267", "e729812baf0c3456dc7eafb856a8380f9c21579ea225f307d0edd947cd5e2746"
            },
            {
                "prm800k_test_p2_4o_step_contradiction",
                "267",
                "7c77a62dfb9165db3d5033732eaef161b6d8dee09d548db6cb08d1a5ed4e74ac"
            },
            {"prm_test_p12_multi_solutions", "165", "4cda3e5946f02d0c3e79bd9e2513af8cde2efe83868c63e469ca10388a98a99d"},
        };
        for (String[] f : split) {
            out.add(new KnownDataset.DataFile(
                    "prmbench/" + f[0] + ".jsonl",
                    null,
                    new KnownDataset.Expected(Long.parseLong(f[1]), f[2], "ssmisya/PRMBench@a1ae4ea")));
        }
        out.add(new KnownDataset.DataFile("prmbench/*.jsonl", null));
        return out;
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
     * reader for it; problem sets ({@code math500}, {@code gsm8k}) are read as JSON objects that
     * must have their fields
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
                    case "math500" ->
                        JsonObjects.withFields("problem", "solution", "answer", "subject", "level", "unique_id");
                    case "gsm8k" -> JsonObjects.withFields("question", "answer");
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
