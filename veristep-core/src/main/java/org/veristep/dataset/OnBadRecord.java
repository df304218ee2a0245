package org.veristep.dataset;

import java.util.Objects;
import java.util.function.Consumer;
import org.veristep.BadInputException;

/**
 * What a reader does with a record it cannot parse: stop with the error ({@link #fail()}, the
 * default) or report it and go on with the next record ({@link #skip(Consumer)}, the CLI's {@code
 * --skip-bad}). A skipped record is always reported, never dropped silently.
 *
 * <p>Malformed JSON inside a JSON array cannot be skipped (the rest of the array cannot be found
 * reliably); it always fails. A malformed JSONL line can be skipped.
 */
@FunctionalInterface
public interface OnBadRecord {
    /**
     * Handles one bad record.
     *
     * @param error names the file, line, record and field
     * @throws BadInputException to stop reading (rethrowing {@code error})
     */
    void handle(BadInputException error);

    /** {@return the policy that stops at the first bad record by throwing its exception} */
    static OnBadRecord fail() {
        return e -> {
            throw e;
        };
    }

    /** {@return the policy that passes each bad record to {@code reporter} and reads on} */
    static OnBadRecord skip(Consumer<? super BadInputException> reporter) {
        Objects.requireNonNull(reporter, "reporter");
        return reporter::accept;
    }
}
