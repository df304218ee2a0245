package org.veristep;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the real data directory ({@code ../shared/data}) for tests. */
public final class TestData {
    private TestData() {}

    /** {@return the data directory: system property veristep.testData, else ../../shared/data} */
    public static Path dir() {
        String p = System.getProperty("veristep.testData");
        Path dir = p != null ? Path.of(p) : Path.of("..", "..", "shared", "data");
        return dir.toAbsolutePath().normalize();
    }

    /**
     * {@return a file under the data directory}; the test fails (not skips) when it is missing,
     * because CI always has the data.
     */
    public static Path file(String relative) {
        Path f = dir().resolve(relative);
        if (!Files.exists(f)) {
            throw new AssertionError("test data missing: " + f + " (set -Dveristep.testData or VERISTEP_TEST_DATA)");
        }
        return f;
    }

    /** Skips the calling test (with the reason) when the data directory is absent. */
    public static void assumePresent() {
        assumeTrue(Files.isDirectory(dir()), "test data directory " + dir() + " is absent");
    }
}
