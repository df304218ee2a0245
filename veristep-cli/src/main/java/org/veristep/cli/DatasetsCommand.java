package org.veristep.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.veristep.DataDir;
import org.veristep.VeristepException;
import org.veristep.dataset.DatasetCheck;
import org.veristep.dataset.DatasetPull;
import org.veristep.dataset.HubClient;
import org.veristep.dataset.KnownDataset;
import org.veristep.dataset.KnownDatasets;
import org.veristep.dataset.OnBadRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veristep datasets}: the known datasets in the data directory; downloads from the Hub. */
@Command(
        name = "datasets",
        mixinStandardHelpOptions = true,
        description =
                "List the known datasets present in the data directory, or download one from the Hugging Face Hub.",
        subcommands = {
            DatasetsCommand.ListCommand.class,
            DatasetsCommand.PullCommand.class,
            DatasetsCommand.CheckCommand.class
        })
final class DatasetsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        VeristepCommand.missingSubcommand(spec);
    }

    static String humanBytes(long n) {
        if (n < 1024) return n + " B";
        if (n < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        if (n < 1024L * 1024 * 1024) return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
        return String.format(Locale.ROOT, "%.2f GiB", n / (1024.0 * 1024 * 1024));
    }

    /** {@code veristep datasets list}. */
    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Show which known datasets are present in the data directory, with record counts and sizes.")
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(
                names = "--data-dir",
                paramLabel = "DIR",
                description = "Data directory (default: $VERISTEP_DATA, else ~/.cache/veristep).")
        Path dataDir;

        @Option(names = "--files", description = "List every file with its record count and size.")
        boolean files;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Path dir = DataDir.resolve(dataDir);
            out.println(
                    "data directory: " + dir.toAbsolutePath() + (Files.isDirectory(dir) ? "" : " (does not exist)"));
            out.printf(
                    Locale.ROOT, "%-22s %-8s %6s %10s %11s  %s%n", "NAME", "STATUS", "FILES", "RECORDS", "SIZE", "HUB");
            for (KnownDataset d : KnownDatasets.all()) {
                List<KnownDatasets.LocalFile> present = KnownDatasets.present(d, dir);
                long records = 0;
                long bytes = 0;
                boolean uncounted = false;
                for (KnownDatasets.LocalFile f : present) {
                    bytes += f.bytes();
                    if (f.records() < 0) uncounted = true;
                    else records += f.records();
                }
                long expected = d.files().stream()
                        .filter(f -> !f.localPath().contains("*"))
                        .count();
                long exact = present.stream()
                        .filter(f -> d.files().stream()
                                .anyMatch(x -> !x.localPath().contains("*")
                                        && dir.resolve(x.localPath()).equals(f.path())))
                        .count();
                String status = present.isEmpty()
                        ? "missing"
                        : d.files().stream().allMatch(f -> !f.localPath().contains("*")) && exact < expected
                                ? "partial"
                                : "present";
                out.printf(
                        Locale.ROOT,
                        "%-22s %-8s %6d %10s %11s  %s%n",
                        d.name(),
                        status,
                        present.size(),
                        present.isEmpty() ? "-" : records + (uncounted ? "+?" : ""),
                        present.isEmpty() ? "-" : humanBytes(bytes),
                        d.pullable() ? d.hubRepo() : "(not on the Hub)");
                if (files) {
                    for (KnownDatasets.LocalFile f : present) {
                        out.printf(
                                Locale.ROOT,
                                "    %-52s %10s %11s%n",
                                dir.relativize(f.path()).toString().replace('\\', '/'),
                                f.records() < 0 ? "malformed" : Long.toString(f.records()),
                                humanBytes(f.bytes()));
                    }
                }
            }
            return 0;
        }
    }

    /** {@code veristep datasets pull NAME}. */
    @Command(
            name = "pull",
            mixinStandardHelpOptions = true,
            description = {
                "Download a known dataset from the Hugging Face Hub into the data directory's layout.",
                "Every file is checked like 'datasets check' does (reader, record count) in a temporary directory;",
                "the files are moved into place only when all passed, else nothing changes.",
                "Endpoint from --endpoint, else $HF_ENDPOINT, else https://huggingface.co; token from $HF_TOKEN."
            })
    static final class PullCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "A dataset name from 'veristep datasets list'.")
        String name;

        @Option(
                names = "--data-dir",
                paramLabel = "DIR",
                description = "Data directory (default: $VERISTEP_DATA, else ~/.cache/veristep).")
        Path dataDir;

        @Option(
                names = "--endpoint",
                paramLabel = "URL",
                description = "Hub endpoint (default: $HF_ENDPOINT, else https://huggingface.co).")
        String endpoint;

        @Option(
                names = "--revision",
                paramLabel = "REV",
                description = "Branch, tag or commit to download (default: the registry's, main).")
        String revision;

        @Option(
                names = "--force",
                description = "Download files that are present and pass their check again (a present file that fails"
                        + " its check is always downloaded again).")
        boolean force;

        @Option(names = "--quiet", description = "No progress bar.")
        boolean quiet;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            KnownDataset d = KnownDatasets.find(name)
                    .orElseThrow(() -> new VeristepException.NonRetriable("unknown dataset '" + name + "'; known: "
                            + String.join(
                                    ", ",
                                    KnownDatasets.all().stream()
                                            .map(KnownDataset::name)
                                            .toList())));
            if (!d.pullable()) {
                throw new VeristepException.NonRetriable(
                        "dataset '" + name + "' is not on the Hub in a form Veristep reads; get it from " + d.source());
            }
            if (HubClient.offlineMode(System.getenv())) {
                throw new VeristepException.NonRetriable(
                        "HF_HUB_OFFLINE is set: downloads are disabled; unset it to pull " + name
                                + ", or copy its files into the data directory by hand");
            }
            Path dir = DataDir.resolve(dataDir).toAbsolutePath().normalize();
            HubClient hub = HubClient.fromEnvironment(endpoint);
            String rev = revision != null ? revision : d.revision();
            PrintWriter err = spec.commandLine().getErr();
            DownloadProgress[] bar = {null};
            DatasetPull.Events events = new DatasetPull.Events() {
                @Override
                public HubClient.Listener downloading(KnownDataset.DataFile f) {
                    if (bar[0] != null) bar[0].close();
                    bar[0] = new DownloadProgress(err, f.localPath(), quiet);
                    return bar[0];
                }

                @Override
                public void present(KnownDataset.DataFile f, DatasetCheck.Result check) {
                    out.println("present  " + f.localPath() + " (" + check.records()
                            + " records, checked; use --force to download again)");
                }

                @Override
                public void presentButBad(KnownDataset.DataFile f, String problem) {
                    out.println("invalid  " + f.localPath() + ": " + problem + "; downloading it again");
                }
            };
            DatasetPull.Result r;
            try {
                r = DatasetPull.pull(d, dir, hub, rev, force, events);
            } finally {
                if (bar[0] != null) bar[0].close();
            }
            for (DatasetPull.PulledFile p : r.pulled()) {
                out.printf(
                        Locale.ROOT,
                        "pulled   %s (%s, %s) from %s%n",
                        p.file().localPath(),
                        humanBytes(p.download().bytes()),
                        describe(p.check()),
                        p.download().url());
            }
            if (r.pulled().isEmpty()) {
                out.println("0 file(s) downloaded into " + dir);
            } else {
                out.println(r.pulled().size() + " file(s) downloaded, checked and moved into " + r.directory() + " ("
                        + d.hubRepo() + " revision " + rev + ", commit "
                        + (r.commit() != null ? r.commit() : DatasetPull.UNKNOWN_COMMIT + ": the Hub did not say")
                        + ")");
            }
            return 0;
        }
    }

    /** {@return the check of one file in words: records against the expected count, known copy} */
    static String describe(DatasetCheck.Result c) {
        StringBuilder b = new StringBuilder().append(c.records()).append(" records");
        if (c.expectedRecords() >= 0)
            b.append(c.countProblem() == null ? " as expected" : " of " + c.expectedRecords() + " expected");
        switch (c.knownCopy()) {
            case SAME_BYTES -> b.append(", same bytes as the known copy");
            case DIFFERENT_BYTES -> b.append(", bytes differ from the known copy");
            case NONE -> {}
        }
        return b.toString();
    }

    /** {@code veristep datasets check NAME...}. */
    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = {
                "Read every present file of the named datasets with its format reader and report records, bad records and read time;",
                "compare the record count with the registered one and the bytes with the known copy's SHA-256 where registered.",
                "Exit code 1 when a file has a bad record or the wrong number of records."
            })
    static final class CheckCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", arity = "1..*", description = "Dataset names from 'veristep datasets list'.")
        List<String> names;

        @Option(
                names = "--data-dir",
                paramLabel = "DIR",
                description = "Data directory (default: $VERISTEP_DATA, else ~/.cache/veristep).")
        Path dataDir;

        @Option(
                names = "--skip-bad",
                description = "Report each bad record on stderr and read on (default: stop at the first).")
        boolean skipBad;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path dir = DataDir.resolve(dataDir).toAbsolutePath().normalize();
            long totalBad = 0;
            long wrongCounts = 0;
            for (String name : names) {
                KnownDataset d = KnownDatasets.find(name)
                        .orElseThrow(() -> new VeristepException.NonRetriable("unknown dataset '" + name + "'; known: "
                                + String.join(
                                        ", ",
                                        KnownDatasets.all().stream()
                                                .map(KnownDataset::name)
                                                .toList())));
                List<KnownDatasets.LocalFile> present = KnownDatasets.present(d, dir);
                if (present.isEmpty()) {
                    out.println(name + ": not present under " + dir);
                    continue;
                }
                for (KnownDatasets.LocalFile f : present) {
                    String rel = dir.relativize(f.path()).toString().replace('\\', '/');
                    OnBadRecord onBad = skipBad
                            ? OnBadRecord.skip(e -> err.println("bad record: " + e.getMessage()))
                            : OnBadRecord.fail();
                    DatasetCheck.Result c = DatasetCheck.check(d, f.path(), d.expectedFor(rel), onBad);
                    totalBad += c.bad();
                    if (c.countProblem() != null) {
                        wrongCounts++;
                        err.println(rel + ": " + c.countProblem());
                    }
                    out.printf(
                            Locale.ROOT,
                            "%8d records %5d bad %9.1f ms  %s%s%n",
                            c.records(),
                            c.bad(),
                            c.readMs(),
                            rel,
                            c.expectedRecords() < 0 && c.knownCopy() == DatasetCheck.KnownCopy.NONE
                                    ? ""
                                    : "  (" + describe(c) + ")");
                }
            }
            if (totalBad > 0) err.println(totalBad + " bad record(s)");
            if (wrongCounts > 0) err.println(wrongCounts + " file(s) with the wrong number of records");
            if (totalBad > 0 || wrongCounts > 0) return 1;
            return 0;
        }
    }

    /** A progress bar in bytes for one download, created once the size is known. */
    static final class DownloadProgress implements HubClient.Listener, AutoCloseable {
        private final java.io.PrintWriter err;
        private final String file;
        private final boolean quiet;
        private Progress bar;
        private long reported;

        DownloadProgress(java.io.PrintWriter err, String file, boolean quiet) {
            this.err = err;
            this.file = file;
            this.quiet = quiet;
        }

        @Override
        public synchronized void progress(long bytes, long totalBytes) {
            if (bar == null) bar = new Progress(err, "pull " + file + " (bytes)", totalBytes, quiet);
            bar.advance(bytes - reported);
            reported = bytes;
        }

        @Override
        public synchronized void close() {
            if (bar != null) bar.close();
        }
    }
}
