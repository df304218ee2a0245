package org.veristep.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.veristep.score.ScorerOptions;
import org.veristep.score.StepScorer;
import org.veristep.score.StepScorers;
import picocli.CommandLine.Option;

/**
 * The options that choose and configure a step scorer, shared by every command that scores: {@code
 * --scorer NAME [--endpoint URL] [--model M] [--scores FILE] [-O key=value ...]}.
 */
final class ScorerSpec {
    @Option(
            names = "--scorer",
            required = true,
            paramLabel = "NAME",
            description = "Step scorer (see 'veristep scorers'), e.g. symbolic, file, all-correct, qwen-prm.")
    String scorer;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Inference server base URL (HTTP scorers).")
    String endpoint;

    @Option(names = "--model", paramLabel = "NAME", description = "Model name served at the endpoint (HTTP scorers).")
    String model;

    @Option(names = "--scores", paramLabel = "FILE", description = "JSONL step-score file (scorer 'file').")
    String scores;

    @Option(
            names = {"-O", "--scorer-option"},
            paramLabel = "KEY=VALUE",
            description = "A scorer option; repeatable. 'veristep scorers' lists each scorer's options.")
    Map<String, String> extra = new LinkedHashMap<>();

    /** {@return every option given, by name: --endpoint, --model and --scores included} */
    ScorerOptions options() {
        Map<String, String> all = new LinkedHashMap<>(extra);
        if (endpoint != null) all.put("endpoint", endpoint);
        if (model != null) all.put("model", model);
        if (scores != null) all.put("file", scores);
        return new ScorerOptions(all);
    }

    /** Creates the scorer; the caller closes it. */
    StepScorer create() {
        return StepScorers.create(scorer, options());
    }
}
