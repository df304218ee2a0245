package org.veristep.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.veristep.BadInputException;
import org.veristep.VeristepException;
import org.veristep.dataset.TraceRecord;
import org.veristep.dataset.VeristepJsonl;
import org.veristep.json.Json;
import org.veristep.trace.Provenance;
import org.veristep.trace.StepScores;

/**
 * Scores many traces with one {@link StepScorer} into a Veristep JSONL file, resumably.
 *
 * <ul>
 *   <li><b>Resume.</b> When the output exists, the ids already in it are read first and only the
 *       other traces are scored; new records are appended. A last line left torn by a killed process
 *       (no newline at its end) is cut off before appending. So a run killed at any point and
 *       restarted with the same output ends with every input record exactly once. Records already
 *       there must come from the same scorer, model and parameters, else the run refuses to mix
 *       them ({@link BadInputException} naming the line). With {@link Builder#restart(boolean)
 *       restart(true)} the output and its failed file are discarded first (under the lock) and every
 *       trace is scored again.
 *   <li><b>Failures.</b> A trace the scorer cannot score (after the scorer's own retries) is written
 *       to {@code <output>.failed.jsonl} as {@code {"id", "reason", "retriable", "time"}} and the job
 *       goes on. Failed traces are not in the output, so the next run retries them; that file is
 *       rewritten by each run. After {@code maxConsecutiveFailures} retriable failures in a row (a server that
 *       is down, a wrong key) the job stops and throws, and can be resumed later.
 *   <li><b>Concurrency.</b> {@code concurrency} virtual threads each take the next trace, score it
 *       alone, and append its record; records are in completion order, not input order. Each record
 *       is written with one write call, unbuffered, so a kill loses only traces in flight.
 *   <li><b>Records.</b> The input record (trace and labels) with {@code step_scores}, {@code
 *       step_details} when the scorer is an {@link ExplainingScorer}, and the run's provenance.
 * </ul>
 *
 * <p>Use: {@code ScoringJob.builder(scorer, output).concurrency(16).provenance(p).listener(l).build().run(records)}.
 * The job does not close the scorer.
 */
public final class ScoringJob {
    private final StepScorer scorer;
    private final Path output;
    private final int concurrency;
    private final Provenance provenance;
    private final Listener listener;
    private final int maxConsecutiveFailures;
    private final Duration tick;
    private final boolean restart;

    private ScoringJob(Builder b) {
        this.scorer = b.scorer;
        this.output = b.output;
        this.concurrency = b.concurrency;
        this.provenance = b.provenance;
        this.listener = b.listener;
        this.maxConsecutiveFailures = b.maxConsecutiveFailures;
        this.tick = b.tick;
        this.restart = b.restart;
    }

    /** {@return a builder for a job scoring with {@code scorer} into {@code output}} */
    public static Builder builder(StepScorer scorer, Path output) {
        return new Builder(scorer, output);
    }

    /**
     * {@return the lock file of an output, {@code <output>.lock}}: a run holds an exclusive lock on it
     * while it writes the output, so two runs never append to one file
     */
    public static Path lockFile(Path output) {
        return output.resolveSibling(output.getFileName() + ".lock");
    }

    /** {@return the file failed traces are recorded in: {@code <output>.failed.jsonl}} */
    public static Path failedFile(Path output) {
        return output.resolveSibling(output.getFileName() + ".failed.jsonl");
    }

    /**
     * Where a job stands; sent to the {@link Listener}.
     *
     * @param total traces in the input
     * @param resumed traces found already scored in the output at the start
     * @param scored traces scored by this run
     * @param failed traces that failed in this run
     * @param requests the scorer's request counts when it is a {@link RemoteScorer}, else {@link RequestCounts#NONE}
     * @param elapsed time since this run started
     */
    public record Progress(int total, int resumed, int scored, int failed, RequestCounts requests, Duration elapsed) {
        /** {@return traces finished, scored or failed, counting the resumed ones} */
        public int done() {
            return resumed + scored + failed;
        }

        /** {@return traces scored by this run per second of this run} */
        public double ratePerSecond() {
            double s = elapsed.toNanos() / 1e9;
            return s > 0 ? (scored + failed) / s : 0;
        }
    }

    /**
     * Hears about a running job. Calls come from the job's threads, one at a time.
     */
    public interface Listener {
        /** Called at the start, after each trace and every tick. */
        void progress(Progress p);

        /** Called when a trace fails, with the reason recorded in the failed file. */
        default void failed(String traceId, String reason) {}

        /** A listener that ignores everything. */
        Listener NONE = p -> {};
    }

    /**
     * The outcome of a run.
     *
     * @param progress the final progress
     * @param output the output file
     * @param failedFile the failed-traces file (empty when nothing failed)
     */
    public record Result(Progress progress, Path output, Path failedFile) {
        /** {@return whether every input trace is now in the output} */
        public boolean complete() {
            return progress.failed() == 0 && progress.done() == progress.total();
        }
    }

    /** Builds a {@link ScoringJob}. */
    public static final class Builder {
        private final StepScorer scorer;
        private final Path output;
        private int concurrency = 8;
        private Provenance provenance;
        private Listener listener = Listener.NONE;
        private int maxConsecutiveFailures = 100;
        private Duration tick = Duration.ofMillis(500);
        private boolean restart;

        private Builder(StepScorer scorer, Path output) {
            this.scorer = Objects.requireNonNull(scorer, "scorer");
            this.output = Objects.requireNonNull(output, "output");
        }

        /** Traces scored at once (default 8), ≥ 1. */
        public Builder concurrency(int n) {
            if (n < 1) throw new IllegalArgumentException("concurrency must be >= 1, got " + n);
            this.concurrency = n;
            return this;
        }

        /** Provenance written on every record of this run (required). */
        public Builder provenance(Provenance p) {
            this.provenance = Objects.requireNonNull(p, "provenance");
            return this;
        }

        /** Progress listener (default none). */
        public Builder listener(Listener l) {
            this.listener = Objects.requireNonNull(l, "listener");
            return this;
        }

        /** Stop after this many retriable failures in a row (a server that is down; default 100; 0 = never stop). */
        public Builder maxConsecutiveFailures(int n) {
            if (n < 0) throw new IllegalArgumentException("maxConsecutiveFailures must be >= 0");
            this.maxConsecutiveFailures = n;
            return this;
        }

        /** How often the listener hears progress while nothing finishes (default 500 ms). */
        public Builder tick(Duration d) {
            this.tick = Objects.requireNonNull(d, "tick");
            return this;
        }

        /**
         * Whether to start over (default false: resume): the run deletes the output and {@link
         * #failedFile(Path) its failed file}, once it holds the output's lock, and scores every trace,
         * whatever scorer or parameters wrote the records there.
         */
        public Builder restart(boolean restart) {
            this.restart = restart;
            return this;
        }

        /** {@return the job} */
        public ScoringJob build() {
            if (provenance == null) throw new IllegalStateException("provenance is required");
            return new ScoringJob(this);
        }
    }

    /**
     * Scores every input record not yet in the output.
     *
     * @param inputs the traces to score (with their labels, kept in the output); ids must be unique
     * @return counts and file paths
     * @throws VeristepException.NonRetriable when an input id repeats, another run is writing the
     *     same output, or the job stopped after too many consecutive failures (the output is
     *     consistent and the run can be resumed)
     * @throws BadInputException when the existing output has a malformed line before its last
     * @throws UncheckedIOException when the output cannot be read or written
     */
    public Result run(List<TraceRecord> inputs) {
        Set<String> ids = new HashSet<>();
        for (TraceRecord r : inputs) {
            if (!ids.add(r.trace().id())) {
                throw new VeristepException.NonRetriable(
                        "input has trace id '" + r.trace().id() + "' twice; a resumable job needs unique ids");
            }
        }
        Path failedPath = failedFile(output);
        Execution x;
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + output, e);
        }
        // The lock is taken on a file of its own: POSIX record locks belong to the process and file,
        // so closing any other handle on the output itself (scan, append) would release a lock held there.
        Path lockPath = lockFile(output);
        try (FileChannel lockChannel =
                FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            lock(lockChannel); // held until the channel closes
            if (restart) {
                Files.deleteIfExists(output);
                Files.deleteIfExists(failedPath);
            }
            Set<String> done = scan(output, this::checkSameRun);
            List<TraceRecord> todo = new ArrayList<>();
            for (TraceRecord r : inputs) {
                if (!done.contains(r.trace().id())) todo.add(r);
            }
            Files.deleteIfExists(failedPath);
            if (!todo.isEmpty() && scorer instanceof RemoteScorer rs) rs.preflight();
            try (OutputStream out = Files.newOutputStream(
                            output, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                    OutputStream failOut = Files.newOutputStream(
                            failedPath,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE,
                            StandardOpenOption.APPEND)) {
                x = new Execution(inputs.size(), inputs.size() - todo.size(), todo, out, failOut);
                x.runAll();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output, e);
        }
        Throwable f = x.fatal.get();
        if (f instanceof IOException io) throw new UncheckedIOException("cannot write " + output, io);
        if (f instanceof Error e) throw e;
        if (f instanceof RuntimeException e) throw e;
        if (f != null) throw new IllegalStateException(f);
        Progress last = x.progress();
        if (x.stop.get()) {
            throw new VeristepException.NonRetriable("stopped after " + maxConsecutiveFailures
                    + " failures in a row (last: " + x.lastReason.get() + "); " + last.scored() + " traces scored, "
                    + last.failed() + " failed (see " + failedPath + "); rerun with the same output to resume");
        }
        return new Result(last, output, failedPath);
    }

    /** The state of one run: its work list, output streams, counters and stop flag. */
    private final class Execution {
        final Instant start = Instant.now();
        final int total;
        final int resumed;
        final List<TraceRecord> todo;
        final OutputStream out;
        final OutputStream failOut;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger scored = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger consecutive = new AtomicInteger();
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicReference<String> lastReason = new AtomicReference<>();
        final AtomicReference<Throwable> fatal = new AtomicReference<>();
        final Object listenerLock = new Object();

        Execution(int total, int resumed, List<TraceRecord> todo, OutputStream out, OutputStream failOut) {
            this.total = total;
            this.resumed = resumed;
            this.todo = todo;
            this.out = out;
            this.failOut = failOut;
        }

        Progress progress() {
            return new Progress(
                    total,
                    resumed,
                    scored.get(),
                    failed.get(),
                    scorer instanceof RemoteScorer rs ? rs.requestCounts() : RequestCounts.NONE,
                    Duration.between(start, Instant.now()));
        }

        void report() {
            Progress p = progress();
            synchronized (listenerLock) {
                listener.progress(p);
            }
        }

        /** Runs the workers and a ticker until the work list is done or the job stops. */
        void runAll() {
            report();
            List<Thread> workers = new ArrayList<>();
            for (int w = 0; w < Math.min(concurrency, todo.size()); w++) {
                workers.add(Thread.ofVirtual().name("veristep-score-", w).start(() -> {
                    try {
                        work();
                    } catch (Throwable t) { // an Error or a bug: stop the job rather than lose traces silently
                        fatal.compareAndSet(null, t);
                        stop.set(true);
                    }
                }));
            }
            Thread ticker = Thread.ofVirtual().name("veristep-score-ticker").start(() -> {
                try {
                    while (true) {
                        Thread.sleep(tick);
                        report();
                    }
                } catch (InterruptedException e) {
                    // the run is over
                }
            });
            try {
                for (Thread t : workers) t.join();
            } catch (InterruptedException e) {
                stop.set(true);
                Thread.currentThread().interrupt();
                throw new VeristepException.NonRetriable("scoring job interrupted; rerun to resume", e);
            } finally {
                ticker.interrupt();
            }
            report();
        }

        /** One worker: takes the next trace until none is left or the job stops. */
        void work() throws IOException {
            int i;
            while (!stop.get() && (i = next.getAndIncrement()) < todo.size()) {
                TraceRecord in = todo.get(i);
                String line;
                try {
                    line = VeristepJsonl.toLine(score(in)) + "\n";
                } catch (RuntimeException e) {
                    String reason = e.getMessage() != null ? e.getMessage() : e.toString();
                    boolean retriable = e instanceof VeristepException v && v.retriable();
                    writeLine(failOut, failureLine(in.trace().id(), reason, retriable));
                    failed.incrementAndGet();
                    lastReason.set(reason);
                    synchronized (listenerLock) {
                        listener.failed(in.trace().id(), reason);
                    }
                    // Only retriable failures (timeouts, 429/5xx, dropped connections) say the server may be
                    // down; a trace that can never be scored (bad input, missing scores) says nothing of the rest.
                    if (retriable
                            && maxConsecutiveFailures > 0
                            && consecutive.incrementAndGet() >= maxConsecutiveFailures) {
                        stop.set(true);
                    }
                    report();
                    continue;
                }
                writeLine(out, line);
                consecutive.set(0);
                scored.incrementAndGet();
                report();
            }
        }
    }

    /**
     * Takes an exclusive lock on the output, held until {@code channel} closes, so that two runs never
     * append to one file (the OS releases it when a process dies, so a killed run does not block its
     * restart).
     *
     * @throws VeristepException.NonRetriable when another run holds it
     */
    private void lock(FileChannel channel) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new VeristepException.NonRetriable(
                    "another scoring run is writing " + output + "; wait for it or choose another output");
        }
    }

    /** Scores one record and builds its output record. */
    private TraceRecord score(TraceRecord in) {
        List<org.veristep.trace.Trace> one = List.of(in.trace());
        StepScores scores;
        List<ObjectNode> details = null;
        if (scorer instanceof ExplainingScorer ex) {
            ExplainedScores e = ex.scoreExplained(one).get(0);
            scores = e.scores();
            details = e.details();
        } else {
            scores = scorer.score(one).get(0);
        }
        if (!scores.traceId().equals(in.trace().id())) {
            throw new VeristepException.NonRetriable("scorer returned scores for '" + scores.traceId()
                    + "' when asked for '" + in.trace().id() + "'");
        }
        if (scores.size() != in.trace().size()) {
            throw new VeristepException.NonRetriable(
                    "scorer '" + scorer.name() + "' returned " + scores.size() + " step scores for trace '"
                            + in.trace().id() + "' with " + in.trace().size() + " steps");
        }
        return new TraceRecord(in.trace(), in.labeled(), scores, details, provenance);
    }

    private static void writeLine(OutputStream out, String line) throws IOException {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            out.write(bytes);
        }
    }

    private static String failureLine(String id, String reason, boolean retriable) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("id", id);
        o.put("reason", reason);
        o.put("retriable", retriable);
        o.put("time", Instant.now().toString());
        try {
            return Json.mapper().writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the ids already in a JSONL output, cutting off a torn last line (one without a newline at
     * its end, left by a killed process).
     *
     * @return the ids of the complete lines; empty when the file does not exist
     * @throws BadInputException when a complete line is not a JSON object with a string {@code id}
     * @throws UncheckedIOException when the file cannot be read or cut
     */
    public static Set<String> completedIds(Path output) {
        return scan(output, (node, line) -> {});
    }

    /** {@link #completedIds}, handing every complete record to {@code check} (with its 1-based line). */
    private static Set<String> scan(Path output, java.util.function.ObjIntConsumer<JsonNode> check) {
        Set<String> ids = new HashSet<>();
        if (!Files.exists(output)) return ids;
        String source = output.toString();
        long completeBytes = 0;
        long lineNo = 0;
        try (InputStream in = Files.newInputStream(output)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
            byte[] buf = new byte[1 << 16];
            long pos = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        line.write(buf, from, i - from);
                        lineNo++;
                        pos += i - from + 1;
                        completeBytes = pos;
                        String text = line.toString(StandardCharsets.UTF_8);
                        line.reset();
                        from = i + 1;
                        if (text.isBlank()) continue;
                        JsonNode node = parseLine(text, source, lineNo);
                        check.accept(node, (int) lineNo);
                        ids.add(node.get("id").textValue());
                    }
                }
                line.write(buf, from, n - from);
                pos += n - from;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + output, e);
        }
        try (FileChannel ch = FileChannel.open(output, StandardOpenOption.WRITE)) {
            if (ch.size() > completeBytes) ch.truncate(completeBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot cut the torn last line of " + output, e);
        }
        return ids;
    }

    private static JsonNode parseLine(String line, String source, long lineNo) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            throw new BadInputException(
                    source,
                    lineNo,
                    null,
                    "expected a JSON object (a complete earlier record): " + e.getOriginalMessage());
        }
        JsonNode id = node == null ? null : node.get("id");
        if (id == null || !id.isTextual()) throw new BadInputException(source, lineNo, "id", "expected a string");
        return node;
    }

    /**
     * Checks that a record already in the output was scored the way this run scores: same scorer,
     * model and parameters (the endpoint may differ: a server can move). Mixing scores of two
     * configurations in one file would go unnoticed later.
     */
    private void checkSameRun(JsonNode node, int line) {
        JsonNode p = node.get("provenance");
        String why = null;
        if (p == null || !p.isObject()) {
            why = "has no provenance";
        } else if (!Objects.equals(text(p, "scorer"), provenance.scorer())) {
            why = "was scored by '" + text(p, "scorer") + "', this run uses '" + provenance.scorer() + "'";
        } else if (!Objects.equals(text(p, "model"), provenance.model())) {
            why = "was scored with model '" + text(p, "model") + "', this run uses '" + provenance.model() + "'";
        } else {
            Map<String, String> params = new TreeMap<>();
            p.path("parameters")
                    .fields()
                    .forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            if (!params.equals(provenance.parameters())) {
                why = "was scored with parameters " + params + ", this run uses " + provenance.parameters();
            }
        }
        if (why != null) {
            throw new BadInputException(
                    output.toString(),
                    line,
                    "provenance",
                    "the record " + why
                            + "; resume with the same settings, add --restart to start over, or write to another"
                            + " --output");
        }
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
