package org.veristep.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.veristep.BadInputException;
import org.veristep.Veristep;
import org.veristep.VeristepException;
import org.veristep.json.Json;

/**
 * Downloads a known dataset from the Hugging Face Hub into the data directory, all or nothing.
 *
 * <p>The files are downloaded into a hidden temporary directory beside the dataset's directory
 * ({@code <data dir>/.<dir>.pull-<random>}, same file system), each one checked like {@code
 * veristep datasets check} does ({@link DatasetCheck}: not an HTML page, every record parses with
 * the dataset's reader, the registered record count), with its {@code .provenance} written beside
 * it. Only when every file passed are they moved into place: the whole temporary directory in one
 * atomic rename when the dataset's directory does not exist yet, else each file by an atomic rename
 * over the old one. On any failure the temporary directory is deleted and the data directory is left
 * as it was (a previously good copy stays untouched; no empty dataset directory appears). A pull
 * killed outright (SIGKILL, power loss) may leave the hidden temporary directory behind; nothing
 * reads it and it can be deleted.
 *
 * <p>The first download reveals the commit the revision resolved to ({@code X-Repo-Commit}); the
 * other files are downloaded at that commit, so a branch that moves during the pull cannot mix two
 * versions. A file present already is checked and kept unless {@code force}; a present file that
 * fails its check is downloaded again.
 */
public final class DatasetPull {
    private DatasetPull() {}

    /** Suffix of the provenance file written beside each pulled file (matches no dataset glob). */
    public static final String PROVENANCE_SUFFIX = ".provenance";

    /** What {@code provenance} files say when the Hub did not send the commit it served. */
    public static final String UNKNOWN_COMMIT = "unknown";

    /** What a pull reports while it runs. Called on the pulling thread. */
    public interface Events {
        /**
         * A download of {@code file} starts.
         *
         * @return the listener for its bytes (may be {@link HubClient.Listener#NONE})
         */
        HubClient.Listener downloading(KnownDataset.DataFile file);

        /** {@code file} is present, passed its check, and is kept. */
        default void present(KnownDataset.DataFile file, DatasetCheck.Result check) {}

        /** {@code file} is present but fails its check ({@code problem}); it is downloaded again. */
        default void presentButBad(KnownDataset.DataFile file, String problem) {}
    }

    /**
     * One file downloaded, checked and moved into place.
     *
     * @param file the registry entry
     * @param target where it now is
     * @param download what the Hub sent (URL, size, SHA-256, commit)
     * @param check the check it passed
     */
    public record PulledFile(
            KnownDataset.DataFile file, Path target, HubClient.Download download, DatasetCheck.Result check) {}

    /**
     * What a pull did.
     *
     * @param directory the dataset's directory under the data directory
     * @param revision the revision asked for
     * @param commit the commit every pulled file came from, or null when the Hub did not say (or
     *     nothing was downloaded)
     * @param pulled the files downloaded, in registry order
     * @param present the files kept because they were present and passed their check
     */
    public record Result(
            Path directory,
            String revision,
            String commit,
            List<PulledFile> pulled,
            List<KnownDataset.DataFile> present) {}

    /**
     * Pulls {@code dataset} into {@code dataDir}.
     *
     * @param revision the branch, tag or commit to download
     * @param force download files that are present and pass their check again
     * @return the files pulled and kept, and the commit they came from
     * @throws VeristepException.NonRetriable when the dataset is not on the Hub, when a downloaded
     *     file fails its check (the message names the file, its URL and what was expected), when the
     *     Hub answers 4xx, or when two files came from different commits
     * @throws VeristepException.Retriable when the Hub cannot be reached, times out or answers
     *     429/5xx
     * @throws UncheckedIOException when the data directory cannot be written
     */
    public static Result pull(
            KnownDataset dataset, Path dataDir, HubClient hub, String revision, boolean force, Events events) {
        Objects.requireNonNull(revision, "revision");
        String sub = dataset.hubDirectory()
                .orElseThrow(() -> new VeristepException.NonRetriable("dataset '" + dataset.name()
                        + "' is not on the Hub in a form Veristep reads; get it from " + dataset.source()));
        Path dir = dataDir.resolve(sub).toAbsolutePath().normalize();
        List<KnownDataset.DataFile> wanted = new ArrayList<>();
        List<KnownDataset.DataFile> kept = new ArrayList<>();
        for (KnownDataset.DataFile f : dataset.files()) {
            if (f.hubPath() == null) continue;
            Path target = dir.resolve(f.fileName());
            if (!force && Files.isRegularFile(target)) {
                try {
                    events.present(f, DatasetCheck.requireValid(dataset, target, f.expected()));
                    kept.add(f);
                    continue;
                } catch (BadInputException e) {
                    events.presentButBad(f, e.getMessage());
                }
            }
            wanted.add(f);
        }
        if (wanted.isEmpty()) return new Result(dir, revision, null, List.of(), List.copyOf(kept));

        Path parent = dir.getParent();
        Path firstCreated = firstMissing(parent);
        Path staging;
        try {
            Files.createDirectories(parent);
            staging = createUnique(parent, "." + dir.getFileName() + ".pull-", "", true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory in " + parent + ": " + e, e);
        }
        Thread cleanup = new Thread(() -> deleteQuietly(staging), "veristep-pull-cleanup");
        boolean hooked = addHook(cleanup);
        try {
            List<PulledFile> staged = new ArrayList<>();
            String pin = revision;
            String commit = null;
            boolean allKnown = true;
            for (KnownDataset.DataFile f : wanted) {
                Path file = staging.resolve(f.fileName());
                HubClient.Download got = hub.download(dataset.hubRepo(), pin, f.hubPath(), file, events.downloading(f));
                if (got.commit() == null) {
                    allKnown = false;
                } else if (commit == null) {
                    commit = got.commit();
                    pin = commit;
                } else if (!commit.equals(got.commit())) {
                    throw new VeristepException.NonRetriable("the Hub served " + f.hubPath() + " from commit "
                            + got.commit() + " but an earlier file from " + commit + "; pull again");
                }
                DatasetCheck.Result check;
                try {
                    check = DatasetCheck.requireValid(dataset, file, f.expected());
                } catch (BadInputException e) {
                    throw new VeristepException.NonRetriable(
                            f.localPath() + " downloaded from " + got.url() + " is not a valid file of "
                                    + dataset.name() + ": " + describe(e) + "; nothing was changed under "
                                    + dataDir.toAbsolutePath().normalize(),
                            e);
                }
                writeProvenance(
                        file.resolveSibling(file.getFileName() + PROVENANCE_SUFFIX), dataset, revision, f, got, check);
                staged.add(new PulledFile(f, file, got, check));
            }
            install(staging, dir, staged);
            List<PulledFile> pulled = staged.stream()
                    .map(p -> new PulledFile(
                            p.file(),
                            dir.resolve(p.file().fileName()),
                            p.download(),
                            p.check().withFile(dir.resolve(p.file().fileName()))))
                    .toList();
            return new Result(dir, revision, allKnown ? commit : null, pulled, List.copyOf(kept));
        } catch (RuntimeException | Error e) {
            deleteQuietly(staging);
            if (firstCreated != null) deleteEmptyUpTo(parent, firstCreated);
            throw e;
        } finally {
            if (hooked) removeHook(cleanup);
        }
    }

    /** Moves the checked files from {@code staging} into {@code dir}: one rename when {@code dir} is new. */
    private static void install(Path staging, Path dir, List<PulledFile> staged) {
        try {
            if (!Files.exists(dir)) {
                try {
                    Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
                    return;
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                    // created meanwhile, or a file system that cannot rename directories: file by file
                }
            }
            Files.createDirectories(dir);
            for (PulledFile p : staged) {
                String name = p.file().fileName();
                Files.move(staging.resolve(name), dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                Files.move(
                        staging.resolve(name + PROVENANCE_SUFFIX),
                        dir.resolve(name + PROVENANCE_SUFFIX),
                        StandardCopyOption.ATOMIC_MOVE);
            }
            deleteQuietly(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the pulled files into " + dir + ": " + e, e);
        }
    }

    /** The message of a check failure without the temporary file's path (the caller names the file). */
    private static String describe(BadInputException e) {
        String m = e.getMessage();
        String rest = m.startsWith(e.source()) ? m.substring(e.source().length()) : ": " + m;
        if (rest.startsWith(": ")) return rest.substring(2);
        return "line " + rest.substring(1); // ":12: field ..." -> "line 12: field ..."
    }

    /**
     * Writes {@code <file>.provenance}: a JSON object with the tool and version, dataset, Hub
     * repository, the revision asked for, the commit it resolved to ({@value #UNKNOWN_COMMIT} when
     * the Hub did not say), URL, size, SHA-256, the records checked, the known copy comparison and
     * the time.
     */
    static void writeProvenance(
            Path p,
            KnownDataset d,
            String revision,
            KnownDataset.DataFile f,
            HubClient.Download got,
            DatasetCheck.Result check) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("tool", "veristep");
        o.put("tool_version", Veristep.version());
        o.put("dataset", d.name());
        o.put("repo", d.hubRepo());
        o.put("revision", revision);
        o.put("commit", got.commit() != null ? got.commit() : UNKNOWN_COMMIT);
        o.put("path", f.hubPath());
        o.put("url", got.url().toString());
        o.put("bytes", got.bytes());
        o.put("sha256", got.sha256());
        o.put("format", d.format());
        o.put("records", check.records());
        if (f.expected().sha256() != null) {
            ObjectNode k = o.putObject("known_copy");
            k.put("copy", f.expected().copy());
            k.put("sha256", f.expected().sha256());
            k.put("same_bytes", f.expected().sha256().equals(got.sha256()));
        }
        o.put("time", Instant.now().toString());
        try {
            Files.writeString(p, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + p, e);
        }
    }

    /**
     * Creates a new directory (or empty file) {@code <dir>/<prefix><random><suffix>} with the default
     * permissions (the umask's, unlike {@link Files#createTempDirectory}'s owner-only ones: the
     * dataset directory it becomes may be shared).
     */
    static Path createUnique(Path dir, String prefix, String suffix, boolean directory) throws IOException {
        for (int i = 0; ; i++) {
            Path p = dir.resolve(prefix
                    + Long.toUnsignedString(
                            java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36)
                    + suffix);
            try {
                return directory ? Files.createDirectory(p) : Files.createFile(p);
            } catch (FileAlreadyExistsException e) {
                if (i > 100) throw e;
            }
        }
    }

    private static Path firstMissing(Path dir) {
        Path missing = null;
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) missing = p;
        return missing;
    }

    /** Deletes the empty directories from {@code dir} up to and including {@code top}. */
    private static void deleteEmptyUpTo(Path dir, Path top) {
        for (Path p = dir; p != null && p.startsWith(top); p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                return; // not empty (someone else wrote there) or not ours to delete
            }
        }
    }

    private static void deleteQuietly(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException | UncheckedIOException e) {
            // best effort: a hidden .pull- directory left behind is harmless and documented
        }
    }

    private static boolean addHook(Thread t) {
        try {
            Runtime.getRuntime().addShutdownHook(t);
            return true;
        } catch (IllegalStateException e) {
            return false; // already shutting down
        }
    }

    private static void removeHook(Thread t) {
        try {
            Runtime.getRuntime().removeShutdownHook(t);
        } catch (IllegalStateException e) {
            // shutting down: the hook runs and finds nothing to delete
        }
    }
}
