package org.veristep;

import java.nio.file.Path;

/**
 * Where Veristep finds datasets: {@code --data-dir}, else the system property {@code
 * veristep.dataDir}, else the environment variable {@code VERISTEP_DATA}, else {@code
 * ~/.cache/veristep}. A leading {@code ~} in any of them is the home directory of {@link UserHome}
 * ({@code $HOME} when set, else {@code user.home}). The layout is the one of the project's {@code shared/data}: {@code
 * processbench/gsm8k.json}, {@code prmbench/*.jsonl}, {@code math/*.jsonl} ...; {@link
 * org.veristep.dataset.KnownDatasets} lists every known dataset's files.
 */
public final class DataDir {
    /** Environment variable naming the data directory. */
    public static final String ENV = "VERISTEP_DATA";

    /** System property naming the data directory (between the flag and the environment). */
    public static final String PROPERTY = "veristep.dataDir";

    private DataDir() {}

    /**
     * Resolves the data directory.
     *
     * @param flag the value of {@code --data-dir}, or null when not given
     * @return the directory (which may not exist yet)
     */
    public static Path resolve(Path flag) {
        if (flag != null) return UserHome.expand(flag);
        String prop = System.getProperty(PROPERTY);
        if (prop != null && !prop.isBlank()) return Path.of(UserHome.expand(prop));
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) return Path.of(UserHome.expand(env));
        return UserHome.dir().resolve(".cache").resolve("veristep");
    }
}
