package org.veristep.dataset;

import java.util.List;
import java.util.Objects;

/**
 * A dataset Veristep knows: where it lives under the data directory and, when it is on the Hugging
 * Face Hub, where to download it from.
 *
 * @param name the name used on the command line ({@code veristep datasets pull NAME})
 * @param description one line: what it is and what Veristep uses it for
 * @param format how Veristep reads it (the codec's class, e.g. {@code ProcessBenchFormat})
 * @param hubRepo the Hub dataset repository ({@code owner/name}), or null when the dataset is not
 *     on the Hub in a form Veristep reads
 * @param revision the Hub revision to download (a branch, tag or commit)
 * @param files the files, in the data directory's layout
 * @param source where the data comes from, for people (a URL and a note)
 */
public record KnownDataset(
        String name,
        String description,
        String format,
        String hubRepo,
        String revision,
        List<DataFile> files,
        String source) {
    public KnownDataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(source, "source");
        files = List.copyOf(files);
        long dirs = files.stream()
                .filter(f -> f.hubPath() != null)
                .map(DataFile::directory)
                .distinct()
                .count();
        if (dirs > 1) {
            throw new IllegalArgumentException("the downloadable files of " + name + " must share one directory");
        }
        if (files.stream().anyMatch(f -> f.hubPath() != null && f.directory().isEmpty())) {
            throw new IllegalArgumentException("the downloadable files of " + name + " need a directory of their own");
        }
    }

    /**
     * One file (or family of files) of a dataset.
     *
     * @param localPath path under the data directory, '/'-separated; may end in a glob of one
     *     directory level ({@code prmbench/*.jsonl}) for datasets split into many files
     * @param hubPath path of the file in the Hub repository, or null when the file is not
     *     downloadable; a downloadable file has an exact {@code localPath}
     * @param expected what Veristep knows about the file's content ({@link Expected#UNKNOWN} when
     *     nothing); only for an exact {@code localPath}
     */
    public record DataFile(String localPath, String hubPath, Expected expected) {
        public DataFile {
            Objects.requireNonNull(localPath, "localPath");
            Objects.requireNonNull(expected, "expected");
            if (hubPath != null && localPath.contains("*")) {
                throw new IllegalArgumentException("a downloadable file needs an exact local path: " + localPath);
            }
            if (!expected.equals(Expected.UNKNOWN) && localPath.contains("*")) {
                throw new IllegalArgumentException("expectations need an exact local path: " + localPath);
            }
        }

        /** A file about whose content nothing is known beyond its format. */
        public DataFile(String localPath, String hubPath) {
            this(localPath, hubPath, Expected.UNKNOWN);
        }

        /** {@return the directory part of {@link #localPath()} ('/'-separated, "" at the top)} */
        public String directory() {
            int slash = localPath.lastIndexOf('/');
            return slash < 0 ? "" : localPath.substring(0, slash);
        }

        /** {@return the file name part of {@link #localPath()}} */
        public String fileName() {
            return localPath.substring(localPath.lastIndexOf('/') + 1);
        }
    }

    /**
     * What Veristep knows about the content of one file, checked by {@code veristep datasets check}
     * and after every download by {@code veristep datasets pull} ({@link DatasetCheck}).
     *
     * @param records the number of records every copy of the file has (enforced: a copy with another
     *     count fails its check), or -1 when not known
     * @param sha256 the SHA-256 (lower-case hex) of one known copy, or null; reported (same bytes or
     *     not), not enforced, because a Hub revision may legitimately differ from the known copy
     *     (e.g. ProcessBench's {@code math.json}, re-annotated on the Hub after the GitHub snapshot)
     * @param copy which copy {@code sha256} belongs to, for people (repository and commit), or null
     *     when {@code sha256} is null
     */
    public record Expected(long records, String sha256, String copy) {
        /** Nothing known. */
        public static final Expected UNKNOWN = new Expected(-1, null, null);

        public Expected {
            if (records < -1) throw new IllegalArgumentException("records must be -1 (unknown) or >= 0: " + records);
            if (sha256 != null && !sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits: " + sha256);
            }
            if ((sha256 == null) != (copy == null)) {
                throw new IllegalArgumentException("sha256 and copy go together");
            }
        }
    }

    /**
     * {@return the directory, under the data directory, of the downloadable files}, or empty when
     * the dataset is not pullable; all of them share it (checked), so a pull can stage them in one
     * temporary directory and move them into place together
     */
    public java.util.Optional<String> hubDirectory() {
        return files.stream()
                .filter(f -> f.hubPath() != null)
                .map(DataFile::directory)
                .findFirst();
    }

    /**
     * {@return what is known of the file at {@code localPath}} ('/'-separated, under the data
     * directory), {@link Expected#UNKNOWN} when the registry names no such exact file
     */
    public Expected expectedFor(String localPath) {
        return files.stream()
                .filter(f -> f.localPath().equals(localPath))
                .map(DataFile::expected)
                .findFirst()
                .orElse(Expected.UNKNOWN);
    }

    /** {@return whether {@code veristep datasets pull} can download it} */
    public boolean pullable() {
        return hubRepo != null && files.stream().anyMatch(f -> f.hubPath() != null);
    }
}
