package org.veristep;

import java.nio.file.Path;

/**
 * Where Veristep finds datasets: {@code --data-dir}, else the environment variable {@code
 * VERISTEP_DATA}, else {@code ~/.cache/veristep}. The layout is the one of the project's {@code
 * shared/data}: {@code processbench/gsm8k.json}, {@code prmbench/*.jsonl}, {@code math/*.jsonl} ...
 */
public final class DataDir {
    /** Environment variable naming the data directory. */
    public static final String ENV = "VERISTEP_DATA";

    private DataDir() {}

    /**
     * Resolves the data directory.
     *
     * @param flag the value of {@code --data-dir}, or null when not given
     * @return the directory (which may not exist yet)
     */
    public static Path resolve(Path flag) {
        if (flag != null) return flag;
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".cache", "veristep");
    }
}
