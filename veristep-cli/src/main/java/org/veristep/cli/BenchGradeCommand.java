package org.veristep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.veristep.BadInputException;
import org.veristep.DataDir;
import org.veristep.grading.AnswerGrader;
import org.veristep.grading.Grade;
import org.veristep.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code veristep bench grade}: single-threaded throughput (pairs/s) and p50/p99/max latency of
 * {@link AnswerGrader#grade} on {@code grading/bench_pairs.jsonl} and {@code grading/vectors.jsonl}
 * of the data directory, after a warm-up pass over the same pairs.
 */
@Command(
        name = "grade",
        mixinStandardHelpOptions = true,
        description = "Benchmark the answer grader: pairs/s single-threaded, p50/p99 latency (after a warm-up).")
final class BenchGradeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", description = "Data directory (default: $VERISTEP_DATA, else ~/.cache/veristep).")
    Path dataDir;

    @Option(
            names = "--file",
            description =
                    "JSONL files of {gold, pred} to time (default: grading/bench_pairs.jsonl and grading/vectors.jsonl).")
    List<Path> files;

    @Option(
            names = "--warmup",
            defaultValue = "3",
            description = "Warm-up passes over each file (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
            names = "--rounds",
            defaultValue = "5",
            description = "Timed passes over each file (default ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws IOException {
        if (warmup < 0 || rounds < 1)
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--warmup >= 0 and --rounds >= 1");
        List<Path> targets = files;
        if (targets == null || targets.isEmpty()) {
            Path dir = DataDir.resolve(dataDir);
            targets = List.of(dir.resolve("grading/bench_pairs.jsonl"), dir.resolve("grading/vectors.jsonl"));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "%-18s %5s %6s | %9s %8s %8s %9s | %9s %8s %8s | %5s%n",
                "file",
                "pairs",
                "rounds",
                "pairs/s",
                "p50 µs",
                "p99 µs",
                "max µs",
                "pairs/s*",
                "p50 µs*",
                "p99 µs*",
                "equiv");
        for (Path f : targets) {
            List<String[]> pairs = read(f);
            for (int w = 0; w < warmup; w++) for (String[] p : pairs) AnswerGrader.grade(p[0], p[1]);
            long[] nanos = new long[pairs.size() * rounds];
            long[] best = new long[pairs.size()];
            Arrays.fill(best, Long.MAX_VALUE);
            int k = 0;
            int equivalent = 0;
            long total = 0;
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < pairs.size(); i++) {
                    String[] p = pairs.get(i);
                    long t0 = System.nanoTime();
                    Grade g = AnswerGrader.grade(p[0], p[1]);
                    long dt = System.nanoTime() - t0;
                    nanos[k++] = dt;
                    total += dt;
                    best[i] = Math.min(best[i], dt);
                    if (r == 0 && g.isEquivalent()) equivalent++;
                }
            }
            Arrays.sort(nanos);
            long bestTotal = 0;
            for (long b : best) bestTotal += b;
            Arrays.sort(best);
            out.printf(
                    "%-18s %5d %6d | %9.0f %8.1f %8.1f %9.1f | %9.0f %8.1f %8.1f | %5d%n",
                    f.getFileName(),
                    pairs.size(),
                    rounds,
                    nanos.length / (total / 1e9),
                    pct(nanos, 0.50) / 1e3,
                    pct(nanos, 0.99) / 1e3,
                    nanos[nanos.length - 1] / 1e3,
                    best.length / (bestTotal / 1e9),
                    pct(best, 0.50) / 1e3,
                    pct(best, 0.99) / 1e3,
                    equivalent);
        }
        out.printf(
                "single thread; every timed call counted; * = per pair the fastest of the %d rounds (less sensitive to other"
                        + " processes); load average %.2f; java %s; %s%n",
                rounds,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(),
                Runtime.version(),
                String.join(
                        " ",
                        java.lang.management.ManagementFactory.getRuntimeMXBean()
                                .getInputArguments()));
        return 0;
    }

    private static long pct(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static List<String[]> read(Path f) throws IOException {
        if (!Files.isRegularFile(f)) throw new BadInputException(f.toString(), 0, null, "file not found");
        List<String[]> out = new ArrayList<>();
        long line = 0;
        for (String l : Files.readAllLines(f)) {
            line++;
            if (l.isBlank()) continue;
            JsonNode n = Json.mapper().readTree(l);
            JsonNode g = n.get("gold");
            JsonNode p = n.get("pred");
            if (g == null || !g.isTextual())
                throw new BadInputException(f.toString(), line, "gold", "expected a string");
            if (p == null || !p.isTextual())
                throw new BadInputException(f.toString(), line, "pred", "expected a string");
            out.add(new String[] {g.asText(), p.asText()});
        }
        return out;
    }
}
