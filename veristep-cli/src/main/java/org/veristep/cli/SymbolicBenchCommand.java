package org.veristep.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.veristep.DataDir;
import org.veristep.VeristepException;
import org.veristep.dataset.ProcessBenchCase;
import org.veristep.dataset.ProcessBenchFormat;
import org.veristep.symbolic.StepCheck;
import org.veristep.symbolic.StepVerifier;
import org.veristep.symbolic.Verdict;
import org.veristep.trace.Trace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code veristep bench symbolic}: single-threaded throughput of the symbolic step verifier over
 * every step of ProcessBench (all four subsets), after warm-up passes; prints steps/s of each
 * timed pass and their median.
 */
@Command(
        name = "symbolic",
        mixinStandardHelpOptions = true,
        description = "Steps per second of the symbolic verifier, single-threaded, over all ProcessBench steps.")
final class SymbolicBenchCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (default: $VERISTEP_DATA).")
    Path dataDir;

    @Option(names = "--warmup", defaultValue = "3", description = "Untimed passes first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--passes", defaultValue = "5", description = "Timed passes (default ${DEFAULT-VALUE}).")
    int passes;

    @Override
    public Integer call() {
        if (passes < 1 || warmup < 0) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--passes must be >= 1, --warmup >= 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir = DataDir.resolve(dataDir).resolve("processbench");
        List<Trace> traces = new ArrayList<>();
        long steps = 0;
        for (String subset : ProcessBenchFormat.SUBSETS) {
            Path f = dir.resolve(subset + ".json");
            if (!Files.exists(f)) throw new VeristepException.NonRetriable("missing " + f + " (set --data-dir)");
            for (ProcessBenchCase c : ProcessBenchFormat.readAll(f, subset)) {
                traces.add(c.labeled().trace());
                steps += c.labeled().trace().size();
            }
        }
        StepVerifier verifier = new StepVerifier();
        for (int w = 0; w < warmup; w++) run(verifier, traces);
        double[] rates = new double[passes];
        double[] cpuRates = new double[passes];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported();
        for (int p = 0; p < passes; p++) {
            long c0 = cpu ? threads.getCurrentThreadCpuTime() : 0;
            long t0 = System.nanoTime();
            int refuted = run(verifier, traces);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = cpu ? (threads.getCurrentThreadCpuTime() - c0) / 1e9 : seconds;
            rates[p] = steps / seconds;
            cpuRates[p] = steps / cpuSeconds;
            out.printf(
                    Locale.ROOT,
                    "pass %d: %d steps (%d traces) in %.3f s = %.0f steps/s (thread CPU %.3f s = %.0f steps/s), %d refuted%n",
                    p + 1,
                    steps,
                    traces.size(),
                    seconds,
                    rates[p],
                    cpuSeconds,
                    cpuRates[p],
                    refuted);
        }
        Arrays.sort(rates);
        Arrays.sort(cpuRates);
        List<String> jit = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:TieredStopAtLevel") || a.startsWith("-Xint"))
                .toList();
        if (!jit.isEmpty()) {
            out.println("note: JVM run with " + String.join(" ", jit)
                    + " (a reduced JIT): figures are lower than with the JVM's default compilers");
        }
        out.printf(
                Locale.ROOT,
                "symbolic verifier, 1 thread: median %.0f steps/s (min %.0f, max %.0f) over %d passes%n",
                rates[passes / 2],
                rates[0],
                rates[passes - 1],
                passes);
        out.printf(
                Locale.ROOT,
                "per second of the thread's CPU time (not slowed by other processes): median %.0f steps/s%n",
                cpuRates[passes / 2]);
        return 0;
    }

    private static int run(StepVerifier verifier, List<Trace> traces) {
        int refuted = 0;
        for (Trace t : traces) {
            for (StepCheck c : verifier.verify(t)) if (c.verdict() == Verdict.REFUTED) refuted++;
        }
        return refuted;
    }
}
