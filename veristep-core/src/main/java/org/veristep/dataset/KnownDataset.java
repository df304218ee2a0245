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
    }

    /**
     * One file (or family of files) of a dataset.
     *
     * @param localPath path under the data directory, '/'-separated; may end in a glob of one
     *     directory level ({@code prmbench/*.jsonl}) for datasets split into many files
     * @param hubPath path of the file in the Hub repository, or null when the file is not
     *     downloadable; a downloadable file has an exact {@code localPath}
     */
    public record DataFile(String localPath, String hubPath) {
        public DataFile {
            Objects.requireNonNull(localPath, "localPath");
            if (hubPath != null && localPath.contains("*")) {
                throw new IllegalArgumentException("a downloadable file needs an exact local path: " + localPath);
            }
        }
    }

    /** {@return whether {@code veristep datasets pull} can download it} */
    public boolean pullable() {
        return hubRepo != null && files.stream().anyMatch(f -> f.hubPath() != null);
    }
}
