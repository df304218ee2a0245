package org.veristep.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.veristep.BadInputException;

/**
 * Checks one file of a known dataset: it must not be an HTML page or empty, every record must parse
 * with the dataset's reader ({@link KnownDatasets#codecFor}), and the number of records must be the
 * one {@link KnownDataset.Expected} states when it states one (else at least one record). When the
 * SHA-256 of a known copy is registered, the result says whether the file has the same bytes
 * (reported, not enforced).
 * {@code veristep datasets check} runs it on present files and {@code veristep datasets pull} on
 * every downloaded file before anything is moved into the data directory.
 */
public final class DatasetCheck {
    private DatasetCheck() {}

    /** How a file's bytes compare with the known copy registered for it. */
    public enum KnownCopy {
        /** The file has the known copy's SHA-256. */
        SAME_BYTES,
        /** The file's SHA-256 differs from the known copy's (its records still passed the check). */
        DIFFERENT_BYTES,
        /** No known copy is registered for the file. */
        NONE
    }

    /**
     * The outcome of checking one file.
     *
     * @param file the file checked
     * @param records the records read without error
     * @param bad the bad records handed to the {@link OnBadRecord} policy (non-zero only under a
     *     skipping policy: the failing one throws)
     * @param expectedRecords the record count the registry states, or -1 when it states none
     * @param countProblem what is wrong with the number of records (all records, good and bad,
     *     against {@code expectedRecords}; none at all when no count is registered), or null
     * @param knownCopy whether the bytes are the known copy's
     * @param sha256 the file's SHA-256 (lower-case hex) when a known copy is registered, else null
     * @param readMs the time spent reading and parsing, in milliseconds
     */
    public record Result(
            Path file,
            long records,
            long bad,
            long expectedRecords,
            String countProblem,
            KnownCopy knownCopy,
            String sha256,
            double readMs) {
        /** {@return whether the file passed: no bad record and the right number of records} */
        public boolean passed() {
            return bad == 0 && countProblem == null;
        }

        /** {@return the same result for the file moved to {@code moved}} */
        public Result withFile(Path moved) {
            return new Result(moved, records, bad, expectedRecords, countProblem, knownCopy, sha256, readMs);
        }
    }

    /**
     * Checks {@code file} and fails at the first problem: {@link #check} with {@link
     * OnBadRecord#fail()}, and a wrong record count thrown too.
     *
     * @return the result of a file that passed
     * @throws BadInputException naming the file, line and what was expected, at the first problem
     * @throws UncheckedIOException when the file cannot be read
     */
    public static Result requireValid(KnownDataset dataset, Path file, KnownDataset.Expected expected) {
        Result r = check(dataset, file, expected, OnBadRecord.fail());
        if (r.countProblem() != null) throw new BadInputException(file.toString(), 0, null, r.countProblem());
        return r;
    }

    /**
     * Checks {@code file} as a file of {@code dataset}.
     *
     * @param expected what is known of this file ({@link KnownDataset.Expected#UNKNOWN} when nothing)
     * @param onBad what to do with a bad record ({@link OnBadRecord#fail()} throws at the first)
     * @return the counts, a wrong record count ({@link Result#countProblem()}) and the known-copy
     *     comparison
     * @throws BadInputException naming the file, line and what was expected: an HTML page or an empty
     *     file, malformed JSON inside a JSON array or a truncated JSON array (always), a bad record
     *     (when {@code onBad} throws)
     * @throws UncheckedIOException when the file cannot be read
     */
    public static Result check(KnownDataset dataset, Path file, KnownDataset.Expected expected, OnBadRecord onBad) {
        Objects.requireNonNull(expected, "expected");
        sniff(dataset, file);
        RecordCodec<?> codec = KnownDatasets.codecFor(dataset, file).orElseGet(JsonObjects::withFields);
        long[] bad = {0};
        OnBadRecord counting = e -> {
            bad[0]++;
            onBad.handle(e);
        };
        long t0 = System.nanoTime();
        long n;
        try {
            n = DatasetFiles.read(file, codec, counting, x -> {});
        } catch (BadInputException e) {
            if (e.getMessage().contains("end-of-input")) {
                throw new BadInputException(
                        e.source(),
                        e.line(),
                        e.field(),
                        e.getMessage().substring(prefixLength(e)) + " (the file ends early: truncated?)",
                        e);
            }
            throw e;
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        long seen = n + bad[0];
        String countProblem = null;
        if (expected.records() >= 0 && seen != expected.records()) {
            countProblem = "expected " + expected.records() + " records"
                    + (expected.copy() != null ? " (as in " + expected.copy() + ")" : "") + ", got " + seen;
        } else if (expected.records() < 0 && seen == 0) {
            countProblem = "expected at least one record, got none";
        }
        KnownCopy known = KnownCopy.NONE;
        String sha = null;
        if (expected.sha256() != null) {
            sha = sha256(file);
            known = sha.equals(expected.sha256()) ? KnownCopy.SAME_BYTES : KnownCopy.DIFFERENT_BYTES;
        }
        return new Result(file, n, bad[0], expected.records(), countProblem, known, sha, ms);
    }

    private static int prefixLength(BadInputException e) {
        String m = e.getMessage();
        int i = m.indexOf(": ", e.source().length());
        return i < 0 ? 0 : i + 2;
    }

    /** Refuses an empty file and an HTML/XML page before the reader sees them, with a clear message. */
    private static void sniff(KnownDataset dataset, Path file) {
        byte[] head = new byte[4096];
        int len;
        try (InputStream in = Files.newInputStream(file)) {
            len = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String text = new String(head, 0, len, StandardCharsets.UTF_8).replace("\uFEFF", "");
        String start = text.stripLeading();
        if (start.isEmpty()) {
            if (len < head.length) {
                throw new BadInputException(
                        file.toString(), 0, null, "expected " + dataset.format() + " records, got an empty file");
            }
            return;
        }
        if (start.charAt(0) == '<') {
            String first = start.lines().findFirst().orElse("").strip();
            if (first.length() > 60) first = first.substring(0, 60) + "…";
            throw new BadInputException(
                    file.toString(),
                    1,
                    null,
                    "expected " + dataset.format() + " records (a JSON array or JSONL), got an HTML/XML page (" + first
                            + "): an error or login page served as the file?");
        }
    }

    /** {@return the SHA-256 of {@code file}, lower-case hex} */
    public static String sha256(Path file) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int r = in.read(buf); r > 0; r = in.read(buf)) md.update(buf, 0, r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
