package org.veristep.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code veristep eval}: evaluates a step scorer on a public benchmark. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Evaluate a step scorer on a benchmark (processbench, prmbench) or precomputed scores (bon).",
        subcommands = {EvalProcessBenchCommand.class, EvalPrmBenchCommand.class, EvalBonCommand.class})
final class EvalCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        VeristepCommand.missingSubcommand(spec);
    }
}
