package org.veristep.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.veristep.Veristep;
import org.veristep.dataset.TraceFiles;
import org.veristep.dataset.TraceRecord;
import org.veristep.score.ScorerOptions;
import org.veristep.score.ScoringJob;
import org.veristep.score.StepScorer;
import org.veristep.trace.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code veristep score}: scores every step of every trace of a file with a step scorer, into
 * Veristep JSONL, resumably (see {@link ScoringJob}).
 */
@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        description = {
            "Score every step of every trace with a step scorer, into Veristep JSONL (step_scores, step_details,"
                    + " provenance).",
            "Resumable: rerun with the same --output to score only what is missing (--restart starts over). Traces"
                    + " that fail are listed in <output>.failed.jsonl with the reason, and retried by the next run."
        })
final class ScoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScorerSpec scorerSpec;

    @Option(
            names = "--input",
            required = true,
            paramLabel = "FILE",
            description = "Traces: ProcessBench JSON/JSONL or Veristep JSONL.")
    Path input;

    @Option(
            names = "--output",
            required = true,
            paramLabel = "FILE",
            description = "Veristep JSONL to write or resume.")
    Path output;

    @Option(
            names = "--concurrency",
            defaultValue = "8",
            paramLabel = "N",
            description = "Traces scored at once (default ${DEFAULT-VALUE}); each HTTP endpoint also bounds its"
                    + " requests in flight with the scorer option concurrency (default 64).")
    int concurrency;

    @Option(
            names = "--max-consecutive-failures",
            defaultValue = "100",
            paramLabel = "N",
            description =
                    "Stop after N retriable failures in a row, e.g. a server that is down (0 = never; default ${DEFAULT-VALUE}).")
    int maxConsecutiveFailures;

    @Option(
            names = "--restart",
            description = "Discard the output and its .failed.jsonl and score every trace again instead of resuming.")
    boolean restart;

    @Option(names = "--quiet", description = "No progress bar or summary on stderr.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        OptionRanges.atLeast("--concurrency", concurrency, 1);
        List<TraceRecord> records = TraceFiles.read(input);
        ScorerOptions options = scorerSpec.options();
        Provenance provenance = provenance(scorerSpec.scorer, options);
        ScoringJob.Result result;
        try (StepScorer scorer = scorerSpec.create()) {
            ScoringJob.Builder job = ScoringJob.builder(scorer, output)
                    .concurrency(concurrency)
                    .maxConsecutiveFailures(maxConsecutiveFailures)
                    .restart(restart)
                    .provenance(provenance);
            if (quiet) {
                result = job.build().run(records);
            } else {
                try (Progress bar = new Progress(err, "score " + scorer.name(), records.size(), false)) {
                    result = job.listener(bar.scoringListener()).build().run(records);
                }
            }
        }
        ScoringJob.Progress p = result.progress();
        if (!quiet) {
            err.printf(
                    "scored %d, resumed %d, failed %d of %d traces in %s (%d requests, %d retries, %d prompt + %d"
                            + " completion tokens) -> %s%n",
                    p.scored(),
                    p.resumed(),
                    p.failed(),
                    p.total(),
                    Progress.hms(p.elapsed()),
                    p.requests().requests(),
                    p.requests().retries(),
                    p.requests().promptTokens(),
                    p.requests().completionTokens(),
                    output);
        }
        if (p.failed() > 0) {
            err.printf(
                    "veristep: %d traces failed, reasons in %s; rerun the same command to retry them%n",
                    p.failed(), result.failedFile());
            return 1;
        }
        return 0;
    }

    /** Options of how a server is reached, which do not change scores: left out of provenance parameters. */
    static final Set<String> TRANSPORT_OPTIONS =
            Set.of("api_key_env", "flavor", "concurrency", "timeout_s", "max_retries", "backoff_ms");

    /**
     * {@return the provenance of this run: scorer, model, endpoint and every option that changes
     * scores (not the transport options, never a key's value)}
     */
    static Provenance provenance(String scorer, ScorerOptions options) {
        Map<String, String> params = new TreeMap<>(options.values());
        String endpoint = params.remove("endpoint");
        String model = params.remove("model");
        params.keySet().removeIf(k -> TRANSPORT_OPTIONS.contains(k.startsWith("ref_") ? k.substring(4) : k));
        Long seed = null;
        String s = params.get("seed");
        if (s != null) {
            try {
                seed = Long.parseLong(s);
            } catch (NumberFormatException e) {
                seed = null;
            }
        }
        return new Provenance(Veristep.version(), scorer, model, endpoint, params, seed, Instant.now());
    }
}
