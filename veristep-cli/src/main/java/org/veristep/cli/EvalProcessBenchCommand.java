package org.veristep.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.veristep.DataDir;
import org.veristep.Veristep;
import org.veristep.VeristepException;
import org.veristep.cli.report.ProcessBenchReport;
import org.veristep.dataset.ProcessBenchCase;
import org.veristep.dataset.ProcessBenchFormat;
import org.veristep.dataset.TraceRecord;
import org.veristep.dataset.VeristepJsonl;
import org.veristep.eval.Bootstrap;
import org.veristep.eval.ProcessBenchEvaluation;
import org.veristep.eval.ThresholdPolicy;
import org.veristep.json.Json;
import org.veristep.score.ScoringJob;
import org.veristep.score.StepScorer;
import org.veristep.trace.Provenance;
import org.veristep.trace.StepScores;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code veristep eval processbench}: step-level evaluation on ProcessBench (Zheng et al. 2024). */
@Command(
        name = "processbench",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluate a step scorer on ProcessBench: per subset error_acc, correct_acc and F1, and the",
            "unweighted mean F1 (the paper's headline), with seeded bootstrap 95%% confidence intervals.",
            "Writes DIR/scores.jsonl (resumable: rerun to score only what is missing), DIR/metrics.json,",
            "DIR/predictions.jsonl (each line with the run id of metrics.json) and DIR/report.html."
        })
final class EvalProcessBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EvalOptions eval;

    @Mixin
    ScorerSpec scorer;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description =
                    "Data directory (default: $VERISTEP_DATA, else ~/.cache/veristep); reads DIR/processbench/SUBSET.json.")
    Path dataDir;

    @Option(
            names = "--subsets",
            split = ",",
            paramLabel = "NAME",
            description = "Subsets to evaluate (default: gsm8k,math,olympiadbench,omnimath); with --input, which of"
                    + " the inputs' subsets to evaluate (each must be one of them).")
    List<String> subsets;

    @Option(
            names = "--input",
            paramLabel = "FILE",
            description = "Evaluate this ProcessBench-format file (JSON array or JSONL) instead; its base name"
                    + " without .json/.jsonl is the subset, so two inputs need two base names. Repeatable.")
    List<Path> inputs;

    static final class Threshold {
        @Option(names = "--threshold", paramLabel = "T", description = "Fixed threshold in [0,1] (default 0.5).")
        Double fixed;

        @Option(
                names = "--tune-threshold",
                paramLabel = "SUBSET",
                description = "Use the threshold that maximises F1 on SUBSET (e.g. gsm8k) for every subset.")
        String tuneOn;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Threshold threshold;

    @Option(names = "--output", paramLabel = "DIR", required = true, description = "Directory for the results.")
    Path output;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            defaultValue = "8",
            description = "Traces scored at once (default ${DEFAULT-VALUE}); HTTP scorers also bound their requests"
                    + " in flight.")
    int concurrency;

    @Option(
            names = "--max-consecutive-failures",
            paramLabel = "N",
            defaultValue = "100",
            description =
                    "Stop scoring after N retriable failures in a row, e.g. a server that is down (0 = never; default"
                            + " ${DEFAULT-VALUE}).")
    int maxConsecutiveFailures;

    @Option(
            names = "--restart",
            description = "Discard DIR/scores.jsonl and its .failed.jsonl and score every case again instead of"
                    + " resuming.")
    boolean restart;

    @Override
    public Integer call() throws IOException {
        Instant started = Instant.now();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (StepScorer s = scorer.create()) { // first, so a bad scorer name fails before any loading
            return run(s, started, out, err);
        }
    }

    private int run(StepScorer s, Instant started, PrintWriter out, PrintWriter err) throws IOException {
        ThresholdPolicy policy = threshold == null || (threshold.fixed == null && threshold.tuneOn == null)
                ? new ThresholdPolicy.Fixed(0.5)
                : threshold.fixed != null
                        ? OptionRanges.threshold(threshold.fixed)
                        : new ThresholdPolicy.TunedOn(threshold.tuneOn);
        OptionRanges.resamples(eval.resamples);
        OptionRanges.atLeast("--concurrency", concurrency, 1);
        List<ProcessBenchCase> cases = load();
        if (policy instanceof ThresholdPolicy.TunedOn t
                && cases.stream().noneMatch(c -> c.subset().equals(t.subset()))) {
            throw new org.veristep.UsageException("--tune-threshold " + t.subset()
                    + ": that subset is not among the evaluated ones " + subsetNames(cases));
        }

        Files.createDirectories(output);
        Path scoresFile = output.resolve("scores.jsonl");
        Path failedFile = ScoringJob.failedFile(scoresFile);
        List<TraceRecord> records = cases.stream()
                .map(c -> new TraceRecord(c.labeled().trace(), c.labeled(), null, null, null))
                .toList();
        ScoringJob.Builder job = ScoringJob.builder(s, scoresFile)
                .concurrency(concurrency)
                .maxConsecutiveFailures(maxConsecutiveFailures)
                .restart(restart)
                .provenance(ScoreCommand.provenance(scorer.scorer, scorer.options()));
        ScoringJob.Result scoring;
        try (Progress progress = new Progress(err, "scoring", cases.size(), eval.quiet)) {
            scoring = job.listener(progress.scoringListener()).build().run(records);
        }
        Map<String, StepScores> byId = new HashMap<>();
        VeristepJsonl.read(scoresFile, r -> byId.put(r.trace().id(), r.scores()));
        List<ProcessBenchCase> scored = new ArrayList<>(cases.size());
        List<StepScores> scores = new ArrayList<>(cases.size());
        for (ProcessBenchCase c : cases) {
            StepScores x = byId.get(c.id());
            if (x != null && x.size() != c.labeled().trace().size()) {
                throw new VeristepException.NonRetriable(scoresFile + ": case '" + c.id() + "' was scored with "
                        + x.size() + " steps but has " + c.labeled().trace().size()
                        + " now; the input changed since that run: add --restart or choose another --output");
            }
            if (x != null) {
                scored.add(c);
                scores.add(x);
            }
        }
        int failed = cases.size() - scored.size();
        if (scored.isEmpty()) {
            throw new VeristepException.NonRetriable("every case failed to score; see " + failedFile);
        }

        ProcessBenchEvaluation.Result result =
                ProcessBenchEvaluation.evaluate(scored, scores, policy, eval.resamples, eval.seed);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("threshold_policy", policy.describe());
        params.put("threshold", Double.toString(result.threshold()));
        params.put("subsets", String.join(",", subsetNames(cases)));
        params.put("bootstrap_resamples", Integer.toString(eval.resamples));
        scorer.options().values().forEach((k, v) -> params.put("scorer." + k, v));
        Provenance provenance = new Provenance(
                Veristep.version(), scorer.scorer, scorer.model, scorer.endpoint, params, eval.seed, started);
        ObjectNode metrics = metricsJson(result, provenance, cases.size(), failed);
        Json.mapper()
                .writerWithDefaultPrettyPrinter()
                .writeValue(output.resolve("metrics.json").toFile(), metrics);
        writePredictions(
                output.resolve("predictions.jsonl"), result, metrics.get("run").asText());
        new ProcessBenchReport(result, metrics).build().write(output.resolve("report.html"));

        if (eval.json) {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(metrics));
        } else {
            printTable(out, result, scorer.scorer);
            out.printf("wrote %s/{metrics.json,predictions.jsonl,report.html}%n", output);
        }
        if (failed > 0) {
            err.printf(
                    "veristep: %d of %d cases failed to score (reasons in %s); metrics cover the %d scored cases;"
                            + " rerun the same command to retry them%n",
                    failed, cases.size(), failedFile, scored.size());
            return 1;
        }
        return 0;
    }

    private List<ProcessBenchCase> load() {
        List<ProcessBenchCase> cases = new ArrayList<>();
        List<String> wanted =
                subsets == null ? null : subsets.stream().distinct().toList();
        if (inputs != null && !inputs.isEmpty()) {
            Map<String, Path> bySubset = inputSubsets(inputs);
            if (wanted != null) {
                for (String s : wanted) {
                    if (!bySubset.containsKey(s)) {
                        throw new org.veristep.UsageException("--subsets " + s + ": no --input is that subset; the"
                                + " inputs' subsets (base names) are " + bySubset.keySet());
                    }
                }
            }
            for (String name : wanted != null ? wanted : List.copyOf(bySubset.keySet())) {
                Path f = bySubset.get(name);
                int before = cases.size();
                ProcessBenchFormat.read(f, name, cases::add);
                if (cases.size() == before) {
                    throw new VeristepException.NonRetriable(f + ": no ProcessBench records in the file");
                }
            }
            return cases;
        }
        Path dir = DataDir.resolve(dataDir).resolve("processbench");
        for (String subset : wanted != null ? wanted : ProcessBenchFormat.SUBSETS) {
            Path json = dir.resolve(subset + ".json"), jsonl = dir.resolve(subset + ".jsonl");
            Path f = Files.exists(json) ? json : Files.exists(jsonl) ? jsonl : null;
            if (f == null) {
                throw new VeristepException.NonRetriable("ProcessBench subset '" + subset + "' not found: expected "
                        + json + " (give --data-dir, set VERISTEP_DATA, or run 'veristep datasets pull processbench')");
            }
            ProcessBenchFormat.read(f, subset, cases::add);
        }
        return cases;
    }

    /**
     * {@return each input file by the subset it is: its base name without .json/.jsonl, in the
     * order given}
     *
     * @throws org.veristep.UsageException when two inputs have one base name (their cases would
     *     merge silently into one subset)
     */
    static Map<String, Path> inputSubsets(List<Path> inputs) {
        Map<String, Path> bySubset = new LinkedHashMap<>();
        for (Path f : inputs) {
            String name = f.getFileName().toString().replaceFirst("\\.jsonl?$", "");
            Path other = bySubset.putIfAbsent(name, f);
            if (other != null) {
                throw new org.veristep.UsageException("--input " + other + " and --input " + f
                        + " are both subset '" + name + "' (a subset is named by its file's base name);"
                        + " rename one so that each subset is reported apart");
            }
        }
        return bySubset;
    }

    private static List<String> subsetNames(List<ProcessBenchCase> cases) {
        return cases.stream().map(ProcessBenchCase::subset).distinct().toList();
    }

    static ObjectNode metricsJson(ProcessBenchEvaluation.Result r, Provenance provenance, int cases, int failed) {
        ObjectNode m = Json.mapper().createObjectNode();
        m.put("benchmark", "processbench");
        m.put("threshold", r.threshold());
        m.put("threshold_policy", r.policy().describe());
        m.put("cases", cases);
        m.put("failed", failed);
        ObjectNode subsets = m.putObject("subsets");
        for (ProcessBenchEvaluation.SubsetResult s : r.subsets()) {
            ObjectNode o = subsets.putObject(s.subset());
            var x = s.metrics();
            o.put("cases", x.errorCases() + x.correctCases());
            o.put("error_cases", x.errorCases());
            o.put("error_hits", x.errorHits());
            o.put("correct_cases", x.correctCases());
            o.put("correct_hits", x.correctHits());
            number(o, "error_acc", x.errorAcc());
            number(o, "correct_acc", x.correctAcc());
            number(o, "f1", x.f1());
            ci(o, "error_acc_ci", s.errorAccCi());
            ci(o, "correct_acc_ci", s.correctAccCi());
            ci(o, "f1_ci", s.f1Ci());
        }
        number(m, "mean_f1", r.meanF1());
        ci(m, "mean_f1_ci", r.meanF1Ci());
        ObjectNode b = m.putObject("bootstrap");
        b.put("method", "percentile, stratified by subset for mean_f1");
        b.put("level", r.meanF1Ci().level());
        b.put("resamples", r.meanF1Ci().resamples());
        b.put("seed", r.meanF1Ci().seed());
        m.put("units", "fractions in [0, 1]; the paper prints them x100");
        ObjectNode provenanceJson = VeristepJsonl.provenanceJson(provenance);
        m.put("run", EvalFiles.runId(provenanceJson));
        m.set("provenance", provenanceJson);
        return m;
    }

    /** Puts a figure, or JSON null when it is undefined (NaN: e.g. no case of that kind). */
    private static void number(ObjectNode o, String field, double v) {
        if (Double.isNaN(v)) o.putNull(field);
        else o.put(field, v);
    }

    private static void ci(ObjectNode o, String field, Bootstrap.Interval ci) {
        if (ci == null) {
            o.putNull(field);
            return;
        }
        ArrayNode a = o.putArray(field);
        a.add(ci.low());
        a.add(ci.high());
    }

    private static void writePredictions(Path file, ProcessBenchEvaluation.Result r, String run) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (ProcessBenchEvaluation.Prediction p : r.predictions()) {
                ObjectNode o = Json.mapper().createObjectNode();
                o.put("run", run);
                o.put("id", p.id());
                o.put("subset", p.subset());
                o.put("label", p.label());
                o.put("prediction", p.prediction());
                o.put("threshold", r.threshold());
                ArrayNode s = o.putArray("step_scores");
                for (double v : p.stepScores()) s.add(v);
                w.write(Json.mapper().writeValueAsString(o));
                w.newLine();
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static void printTable(PrintWriter out, ProcessBenchEvaluation.Result r, String scorerName) {
        out.printf(
                Locale.ROOT,
                "ProcessBench, scorer %s, threshold %.4f (%s)%n",
                scorerName,
                r.threshold(),
                r.policy().describe());
        out.printf(
                Locale.ROOT,
                "%-14s %6s %10s %12s %8s  %s%n",
                "subset",
                "cases",
                "error_acc",
                "correct_acc",
                "F1",
                "F1 95% CI");
        for (ProcessBenchEvaluation.SubsetResult s : r.subsets()) {
            var m = s.metrics();
            out.printf(
                    Locale.ROOT,
                    "%-14s %6d %10s %12s %8s  [%.1f, %.1f]%n",
                    s.subset(),
                    m.errorCases() + m.correctCases(),
                    pct(m.errorAcc()),
                    pct(m.correctAcc()),
                    pct(m.f1()),
                    100 * s.f1Ci().low(),
                    100 * s.f1Ci().high());
        }
        out.printf(
                Locale.ROOT,
                "%-14s %6s %10s %12s %8s  [%.1f, %.1f]%n",
                "mean F1",
                "",
                "",
                "",
                pct(r.meanF1()),
                100 * r.meanF1Ci().low(),
                100 * r.meanF1Ci().high());
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f", 100 * v);
    }
}
