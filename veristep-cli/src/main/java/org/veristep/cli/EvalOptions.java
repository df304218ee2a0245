package org.veristep.cli;

import org.veristep.eval.Bootstrap;
import picocli.CommandLine.Option;

/** Options every {@code veristep eval} command shares: bootstrap settings and what is printed. */
final class EvalOptions {
    @Option(
            names = {"--resamples", "--bootstrap"},
            paramLabel = "N",
            defaultValue = "" + Bootstrap.DEFAULT_RESAMPLES,
            description = "Bootstrap resamples for the 95% intervals, at least " + Bootstrap.MIN_RESAMPLES
                    + " (default ${DEFAULT-VALUE}).")
    int resamples;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "" + Bootstrap.DEFAULT_SEED,
            description = "Bootstrap seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print the metrics as JSON instead of the table.")
    boolean json;

    @Option(names = "--quiet", description = "No progress bar or notes on stderr.")
    boolean quiet;
}
