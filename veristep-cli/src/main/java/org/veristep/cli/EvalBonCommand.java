package org.veristep.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.veristep.UsageException;
import org.veristep.Veristep;
import org.veristep.VeristepException;
import org.veristep.dataset.QwenRmFormat;
import org.veristep.dataset.RewardBenchFormat;
import org.veristep.dataset.RewardBenchSolution;
import org.veristep.dataset.RewardMathFormat;
import org.veristep.dataset.RewardMathProblem;
import org.veristep.dataset.VeristepJsonl;
import org.veristep.eval.bon.AnswerGrouping;
import org.veristep.eval.bon.BestOfN;
import org.veristep.eval.bon.BonInputs;
import org.veristep.eval.bon.BonJson;
import org.veristep.eval.bon.BonMethod;
import org.veristep.eval.bon.BonPoint;
import org.veristep.eval.bon.BonResult;
import org.veristep.eval.bon.CandidateSet;
import org.veristep.eval.bon.ScoredCandidates;
import org.veristep.eval.bon.SelectionPoint;
import org.veristep.eval.bon.SelectionResult;
import org.veristep.eval.bon.Top1Selection;
import org.veristep.score.Aggregation;
import org.veristep.score.StepScorer;
import org.veristep.trace.Provenance;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code veristep eval bon}: best-of-N (naive, weighted, maj, pass @n) on a candidate file, or top-1
 * selection / pairwise accuracy on RewardMATH / RewardBench score files.
 */
@Command(
        name = "bon",
        mixinStandardHelpOptions = true,
        description = {
            "Best-of-N evaluation of precomputed scores. The input kind is detected (or given by --format):",
            "  qwen-rm      JSONL {pred[], score[], pred_score[]}: naive@n, weighted@n, maj@n, pass@n for n = 1, 2, 4, ... N",
            "  rewardmath   RewardMATH *_reward.json: top-1 accuracy (candidate 0 strictly best) and MRR per aggregation",
            "  rewardbench  RewardBench rewardbench_*.json: pairwise accuracy (chosen strictly above rejected) per aggregation",
            "RewardBench files hold the step text: --scorer NAME re-scores it with any step scorer instead of the stored scores.",
            "Writes DIR/metrics.json, DIR/predictions.jsonl and DIR/report.html and prints the table."
        })
final class EvalBonCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EvalOptions eval;

    @ArgGroup(exclusive = false, multiplicity = "0..1", heading = "Re-scoring (rewardbench only):%n")
    ScorerSpec scorerSpec;

    @Option(
            names = "--batch-size",
            defaultValue = "64",
            paramLabel = "N",
            description = "Traces per scorer call when re-scoring (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The candidate / score file.")
    Path input;

    @Option(
            names = "--format",
            defaultValue = "auto",
            paramLabel = "KIND",
            description = "auto, qwen-rm, rewardmath or rewardbench (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Output directory.")
    Path output;

    @Option(
            names = "--aggregations",
            split = ",",
            paramLabel = "AGG",
            description = "Step-score aggregations: min, last, prod, mean, geomean (default: min,last,prod,mean;"
                    + " rewardmath/rewardbench add geomean; a file with one score per solution uses last).")
    List<String> aggregations;

    @Option(
            names = "--max-n",
            paramLabel = "N",
            description = "Largest n for best-of-N, at least 1 (default: the smallest candidate count).")
    Integer maxN;

    @Option(
            names = "--grouping",
            defaultValue = "grader",
            paramLabel = "G",
            description = "How answers are grouped for maj/weighted votes: grader (mathematical equivalence by the"
                    + " answer grader's canonical key), normalized (textual normalisation of the extracted answers)"
                    + " or exact (string equality, as Qwen's rm_maj_eval.py) (default: ${DEFAULT-VALUE}).")
    String grouping;

    /** The provenance scorer name of scores read from the input file (the model is named apart). */
    static final String STORED = "stored";

    /** The lines of predictions.jsonl, written once the provenance (and so the run id) is known. */
    private final List<ObjectNode> predictionLines = new ArrayList<>();

    /** The report of this run, built once the provenance is known. */
    private java.util.function.Function<ObjectNode, org.veristep.cli.report.HtmlReport> report;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Instant start = Instant.now();
        OptionRanges.resamples(eval.resamples);
        OptionRanges.atLeast("--batch-size", batchSize, 1);
        if (maxN != null) OptionRanges.atLeast("--max-n", maxN, 1);
        if (!Files.isRegularFile(input)) throw new VeristepException.NonRetriable("no such file: " + input);
        BonInputs.Kind kind;
        try {
            kind = format.equals("auto") ? BonInputs.detect(input) : BonInputs.Kind.parse(format);
        } catch (IllegalArgumentException e) {
            throw new VeristepException.NonRetriable(e.getMessage());
        }
        Map<String, String> params = new TreeMap<>();
        params.put("input", input.toAbsolutePath().normalize().toString());
        params.put("format", kind.label());
        params.put("resamples", Integer.toString(eval.resamples));
        if (maxN != null && kind != BonInputs.Kind.QWEN_RM) {
            throw new UsageException("--max-n applies to best-of-N candidate files (Qwen RM@k); " + input + " is a "
                    + kind.label() + " file, whose selection always uses all its candidates");
        }
        if (scorerSpec != null && kind != BonInputs.Kind.REWARDBENCH) {
            throw new VeristepException.NonRetriable("--scorer re-scores step text, which only RewardBench files hold;"
                    + " " + input + " is a " + kind.label() + " file: its stored scores are used");
        }
        Path dir = EvalFiles.prepare(output);
        ObjectNode metrics;
        String scorerName;
        String model = null, endpoint = null;
        switch (kind) {
            case QWEN_RM -> {
                scorerName = STORED;
                model = "pred_score (outcome RM, not named in the file)";
                metrics = runBestOfN(params);
            }
            case REWARDMATH -> {
                List<RewardMathProblem> problems = RewardMathFormat.readAll(input);
                if (problems.isEmpty()) throw new VeristepException.NonRetriable(input + ": no problems");
                boolean stepLevel = problems.get(0).stepwise();
                scorerName = STORED;
                model = RewardMathFormat.modelName(input);
                metrics = runSelection(params, "rewardmath", model, BonInputs.fromRewardMath(problems), stepLevel);
            }
            case REWARDBENCH -> {
                List<RewardBenchSolution> solutions = RewardBenchFormat.readAll(input);
                List<ScoredCandidates> pairs;
                List<String> failed = List.of();
                try {
                    if (scorerSpec == null) {
                        scorerName = STORED;
                        model = RewardBenchFormat.modelName(input);
                        pairs = BonInputs.fromRewardBench(solutions);
                    } else {
                        scorerName = scorerSpec.scorer;
                        model = scorerSpec.model;
                        endpoint = scorerSpec.endpoint;
                        params.put("rescored", "true");
                        params.put("batch_size", Integer.toString(batchSize));
                        scorerSpec.options().values().forEach((k, v) -> params.put("scorer." + k, v));
                        int[] done = {0};
                        try (StepScorer scorer = scorerSpec.create();
                                Progress progress = new Progress(
                                        spec.commandLine().getErr(), "scoring", solutions.size(), eval.quiet)) {
                            BonInputs.Rescored r = BonInputs.scoreRewardBench(solutions, scorer, batchSize, n -> {
                                progress.advance(n - done[0]);
                                done[0] = n;
                            });
                            pairs = r.pairs();
                            failed = r.failed();
                        }
                    }
                } catch (IllegalArgumentException e) {
                    throw new VeristepException.NonRetriable(input + ": " + e.getMessage());
                }
                if (pairs.isEmpty()) {
                    throw new VeristepException.NonRetriable(input + ": no pair could be scored"
                            + (failed.isEmpty() ? "" : "; first error: " + failed.get(0)));
                }
                metrics = runSelection(params, "rewardbench", scorerSpec == null ? model : scorerName, pairs, true);
                if (!failed.isEmpty()) {
                    var f = metrics.putArray("failed_solutions");
                    failed.forEach(f::add);
                    spec.commandLine()
                            .getErr()
                            .println("veristep: " + failed.size()
                                    + " solution(s) could not be scored, their pairs are left out; see failed_solutions in "
                                    + dir.resolve("metrics.json"));
                }
            }
            default -> throw new IllegalStateException(kind.toString());
        }
        Provenance provenance =
                new Provenance(Veristep.version(), scorerName, model, endpoint, params, eval.seed, start);
        ObjectNode provenanceJson = VeristepJsonl.provenanceJson(provenance);
        String run = EvalFiles.runId(provenanceJson);
        metrics.put("run", run);
        metrics.set("provenance", provenanceJson);
        try (EvalFiles.Jsonl pred = new EvalFiles.Jsonl(dir.resolve("predictions.jsonl"))) {
            for (ObjectNode line : predictionLines) pred.write(EvalFiles.withRun(run, line));
        }
        ObjectNode files = metrics.putObject("files");
        files.put("predictions", "predictions.jsonl");
        files.put("report", "report.html");
        EvalFiles.writeJson(dir.resolve("metrics.json"), metrics);
        try {
            report.apply(metrics).write(dir.resolve("report.html"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + dir.resolve("report.html"), e);
        }
        if (eval.json) out.println(EvalFiles.pretty(metrics));
        out.flush();
        return 0;
    }

    private List<Aggregation> aggregations(List<Aggregation> defaults) {
        if (aggregations == null || aggregations.isEmpty()) return defaults;
        try {
            return aggregations.stream().map(Aggregation::parse).distinct().toList();
        } catch (IllegalArgumentException e) {
            throw new org.veristep.UsageException("--aggregations: " + e.getMessage());
        }
    }

    private AnswerGrouping grouping() {
        return switch (grouping) {
            case "grader" -> AnswerGrouping.grader();
            case "normalized" -> AnswerGrouping.normalized();
            case "exact" -> AnswerGrouping.exact();
            default ->
                throw new org.veristep.UsageException(
                        "unknown --grouping '" + grouping + "'; known: grader, normalized, exact");
        };
    }

    private ObjectNode runBestOfN(Map<String, String> params) {
        List<CandidateSet> sets = BonInputs.fromQwenRm(QwenRmFormat.readAll(input));
        if (sets.isEmpty()) throw new VeristepException.NonRetriable(input + ": no problems");
        boolean oneScore =
                sets.stream().allMatch(s -> s.candidates().stream().allMatch(c -> c.stepScores().length == 1));
        List<Aggregation> aggs = aggregations(
                oneScore
                        ? List.of(Aggregation.LAST)
                        : List.of(Aggregation.MIN, Aggregation.LAST, Aggregation.PRODUCT, Aggregation.MEAN));
        AnswerGrouping g = grouping();
        params.put("aggregations", aggs.stream().map(Aggregation::label).collect(Collectors.joining(",")));
        params.put("grouping", g.name());
        List<BestOfN.Selections> selections = new ArrayList<>();
        BonResult r;
        try {
            r = BestOfN.evaluate(sets, aggs, g, maxN == null ? 0 : maxN, eval.resamples, eval.seed, selections);
        } catch (IllegalArgumentException e) {
            throw new VeristepException.NonRetriable(e.getMessage());
        }
        params.put("max_n", Integer.toString(r.maxN())); // the N used, also when taken from the data
        for (int p = 0; p < sets.size(); p++) predictionLines.add(BonJson.bonPrediction(sets, p, g, aggs, selections));
        if (!eval.json) printBestOfN(spec.commandLine().getOut(), r, oneScore);
        BonResult result = r;
        report = m -> org.veristep.cli.report.EvalReports.bestOfN(result, m);
        return BonJson.metrics(r);
    }

    private ObjectNode runSelection(
            Map<String, String> params,
            String benchmark,
            String model,
            List<ScoredCandidates> problems,
            boolean stepLevel) {
        List<Aggregation> aggs = aggregations(List.of(Aggregation.values()));
        if (stepLevel)
            params.put("aggregations", aggs.stream().map(Aggregation::label).collect(Collectors.joining(",")));
        List<Top1Selection.Item> items = new ArrayList<>();
        SelectionResult r =
                Top1Selection.evaluate(benchmark, model, problems, stepLevel, aggs, eval.resamples, eval.seed, items);
        Map<String, List<Top1Selection.Item>> byId = new LinkedHashMap<>();
        for (Top1Selection.Item it : items)
            byId.computeIfAbsent(it.id(), k -> new ArrayList<>()).add(it);
        byId.forEach((id, its) -> predictionLines.add(BonJson.selectionPrediction(id, its)));
        if (!eval.json) printSelection(spec.commandLine().getOut(), r);
        report = m -> org.veristep.cli.report.EvalReports.selection(r, m);
        return BonJson.metrics(r);
    }

    private static void printBestOfN(PrintWriter out, BonResult r, boolean oneScore) {
        out.printf(
                "Best-of-N  problems=%d  N=%d  grouping=%s%s%n",
                r.problems(), r.maxN(), r.grouping(), oneScore ? "  (one score per solution)" : "");
        StringBuilder head = new StringBuilder(String.format("%-18s", "method"));
        for (int n : r.ns()) head.append(String.format(" %7s", "@" + n));
        head.append(String.format("  %-17s %s", "95% CI @" + r.maxN(), "scored@" + r.maxN()));
        out.println(head);
        List<String> seen = new ArrayList<>();
        for (BonPoint p : r.points()) {
            String key = p.method().label()
                    + (p.aggregation() == null ? "" : "/" + p.aggregation().label());
            if (seen.contains(key)) continue;
            seen.add(key);
            StringBuilder row = new StringBuilder(String.format("%-18s", key));
            BonPoint last = p;
            for (int n : r.ns()) {
                BonPoint q = r.point(p.method(), p.aggregation(), n).orElseThrow();
                row.append(String.format(" %7.1f", 100 * q.accuracy()));
                last = q;
            }
            row.append(String.format(
                    "  [%5.1f, %5.1f]     %d",
                    100 * last.ci().low(), 100 * last.ci().high(), last.candidatesScored()));
            out.println(row);
        }
        BonPoint maj = r.point(BonMethod.MAJORITY, null, r.maxN()).orElseThrow();
        out.printf(
                "accuracy in %%; maj@%d = %d/%d; naive = highest score, weighted = largest score sum per answer,"
                        + " maj = most frequent answer, pass = any correct%n",
                r.maxN(), maj.correct(), maj.problems());
    }

    private static void printSelection(PrintWriter out, SelectionResult r) {
        out.printf(
                "%s  model=%s  problems=%d  candidates=%d  %s%n",
                r.benchmark(),
                r.model(),
                r.problems(),
                r.candidates(),
                r.benchmark().equals("rewardbench") ? "(pairwise: chosen vs rejected)" : "(candidate 0 is correct)");
        out.printf("%-10s %11s %8s %17s %8s%n", "aggregate", "correct", "acc %", "95% CI", "MRR");
        for (SelectionPoint p : r.points()) {
            out.printf(
                    "%-10s %11s %8.2f %17s %8.3f%n",
                    p.aggregation(),
                    p.correct() + "/" + p.problems(),
                    100 * p.accuracy(),
                    String.format("[%.1f, %.1f]", 100 * p.ci().low(), 100 * p.ci().high()),
                    p.mrr());
        }
        out.println("correct = the correct candidate scores strictly higher than every other (a tie fails)");
    }
}
