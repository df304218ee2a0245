package org.veristep.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.veristep.DataDir;
import org.veristep.Veristep;
import org.veristep.VeristepException;
import org.veristep.dataset.VeristepJsonl;
import org.veristep.eval.prmbench.ClassScore;
import org.veristep.eval.prmbench.PrmBenchData;
import org.veristep.eval.prmbench.PrmBenchEval;
import org.veristep.eval.prmbench.PrmBenchJson;
import org.veristep.eval.prmbench.PrmBenchResult;
import org.veristep.score.StepScorer;
import org.veristep.trace.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code veristep eval prmbench}: PRMScore overall and per error class. */
@Command(
        name = "prmbench",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluate a step scorer on PRMBench (ssmisya/PRMBench): every step of every item is scored;",
            "a step is judged valid when its score is > the threshold; PRMScore = 0.5*F1(valid) +"
                    + " 0.5*F1(erroneous) over the pooled steps, overall and per error class.",
            "Writes DIR/metrics.json, DIR/predictions.jsonl and DIR/report.html and prints the table."
        })
final class EvalPrmBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EvalOptions eval;

    @Mixin
    ScorerSpec scorerSpec;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Data directory holding prmbench/*.jsonl (default: $VERISTEP_DATA, else ~/.cache/veristep).")
    Path dataDir;

    @Option(
            names = "--input",
            paramLabel = "FILE|DIR",
            description = "A PRMBench jsonl file or directory to use instead of DATA_DIR/prmbench.")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Output directory.")
    Path output;

    @Option(
            names = "--threshold",
            defaultValue = "0.5",
            paramLabel = "T",
            description = "A step is valid when its score is > T, T in [0, 1] (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(
            names = "--batch-size",
            defaultValue = "64",
            paramLabel = "N",
            description = "Traces per scorer call (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Override
    public Integer call() throws java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Instant start = Instant.now();
        OptionRanges.threshold(threshold);
        OptionRanges.resamples(eval.resamples);
        OptionRanges.atLeast("--batch-size", batchSize, 1);
        Path source = input != null ? input : DataDir.resolve(dataDir).resolve("prmbench");
        if (!Files.exists(source)) {
            throw new VeristepException.NonRetriable("no PRMBench data at " + source
                    + "; pass --data-dir DIR (a directory with prmbench/*.jsonl) or --input FILE");
        }
        PrmBenchData.Loaded data = PrmBenchData.read(source);
        if (!data.duplicateIds().isEmpty() && !eval.quiet) err.println(duplicatesNote(data.duplicateIds()));
        Path dir = EvalFiles.prepare(output);
        Map<String, String> params = new TreeMap<>();
        params.put("benchmark", "prmbench");
        params.put("input", source.toAbsolutePath().normalize().toString());
        params.put("threshold", Double.toString(threshold));
        params.put("batch_size", Integer.toString(batchSize));
        params.put("resamples", Integer.toString(eval.resamples));
        scorerSpec.options().values().forEach((k, v) -> params.put("scorer." + k, v));
        Provenance provenance = new Provenance(
                Veristep.version(), scorerSpec.scorer, scorerSpec.model, scorerSpec.endpoint, params, eval.seed, start);
        ObjectNode provenanceJson = VeristepJsonl.provenanceJson(provenance);
        String run = EvalFiles.runId(provenanceJson);
        PrmBenchResult result;
        int[] done = {0};
        try (StepScorer scorer = scorerSpec.create();
                Progress progress = new Progress(err, "prmbench", data.items().size(), eval.quiet);
                EvalFiles.Jsonl predictions = new EvalFiles.Jsonl(dir.resolve("predictions.jsonl"))) {
            result = PrmBenchEval.evaluate(
                    data.items(),
                    data.duplicatesSkipped(),
                    scorer,
                    threshold,
                    batchSize,
                    eval.resamples,
                    eval.seed,
                    o -> predictions.write(EvalFiles.withRun(run, PrmBenchJson.prediction(o, threshold))),
                    n -> {
                        progress.advance(n - done[0]);
                        done[0] = n;
                    });
        }
        ObjectNode metrics = PrmBenchJson.metrics(result);
        data.duplicateIds().forEach(metrics.putArray("duplicate_ids")::add);
        metrics.put("run", run);
        metrics.set("provenance", provenanceJson);
        ObjectNode files = metrics.putObject("files");
        files.put("predictions", "predictions.jsonl");
        files.put("inputs", data.files().size());
        files.put("report", "report.html");
        EvalFiles.writeJson(dir.resolve("metrics.json"), metrics);
        org.veristep.cli.report.EvalReports.prmBench(result, metrics).write(dir.resolve("report.html"));
        if (result.failed() > 0) {
            err.println("veristep: " + result.failed() + " item(s) could not be scored; see 'error' in "
                    + dir.resolve("predictions.jsonl"));
        }
        if (result.outOfRangeErrorSteps() > 0 && !eval.quiet) {
            err.println("note: " + result.outOfRangeErrorSteps()
                    + " error_steps entries lie outside their item's steps and are ignored, as in the reference");
        }
        if (eval.json) out.println(EvalFiles.pretty(metrics));
        else printTable(out, result);
        out.flush();
        return result.failed() > 0 ? 1 : 0; // like eval processbench: outputs written, the failure is visible
    }

    /** How many ids of a PRMBench note are named before "and N more". */
    static final int IDS_SHOWN = 5;

    /** {@return the one-line note on the lines skipped as repeats of an earlier id, naming the first few} */
    static String duplicatesNote(List<String> ids) {
        String shown = String.join(", ", ids.subList(0, Math.min(IDS_SHOWN, ids.size())));
        String more = ids.size() > IDS_SHOWN ? " and " + (ids.size() - IDS_SHOWN) + " more" : "";
        return "note: skipped " + ids.size() + " record(s) whose id repeats an earlier one (the first is kept,"
                + " as in the reference): " + shown + more + "; all listed as duplicate_ids in metrics.json";
    }

    private void printTable(PrintWriter out, PrmBenchResult r) {
        out.printf(
                "PRMBench  scorer=%s  threshold=%s (valid iff score > T)  items=%d  failed=%d%n",
                scorerSpec.scorer, r.threshold(), r.items(), r.failed());
        out.printf("%-22s %6s %8s %8s %8s %17s %8s%n", "class", "items", "F1+", "F1-", "PRMScore", "95% CI", "steps");
        for (ClassScore c : r.classes()) row(out, c);
        row(out, r.overall());
        for (PrmBenchResult.Category c : r.categoryScores()) {
            out.printf(
                    "%-22s %6s %8s %8s %8.1f   (mean of %s)%n",
                    "avg " + c.name(), "", "", "", 100 * c.prmScore(), String.join(", ", c.classes()));
        }
        out.println("F1+ = F1 of valid steps, F1- = F1 of erroneous steps; multi_solutions' PRMScore is F1+ alone.");
    }

    private static void row(PrintWriter out, ClassScore c) {
        String ci = c.ci() == null ? "-" : String.format("[%.1f, %.1f]", 100 * c.ci().low(), 100 * c.ci().high());
        out.printf(
                "%-22s %6d %8s %8s %8.1f %17s %8d%n",
                c.classification(),
                c.items(),
                pct(c.confusion().f1Positive()),
                pct(c.confusion().f1Negative()),
                100 * c.prmScore(),
                ci,
                c.confusion().steps());
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format("%.1f", 100 * v);
    }
}
