package org.veristep.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code veristep bench}: single-threaded throughput and latency benchmarks that print figures. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks of Veristep's own hot paths (throughput, p50/p99 latency).",
        subcommands = {BenchGradeCommand.class, SymbolicBenchCommand.class, BenchHttpCommand.class})
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        VeristepCommand.missingSubcommand(spec);
    }
}
