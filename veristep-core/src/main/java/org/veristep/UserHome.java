package org.veristep;

import java.nio.file.Path;
import java.util.Map;

/**
 * The user's home directory and the expansion of a leading {@code ~} in paths given to Veristep.
 *
 * <p>Home is the environment variable {@code HOME} when it is set and not blank, else the system
 * property {@code user.home}: the rule of Python's {@code os.path.expanduser} and of the shells. The
 * JVM's {@code user.home} alone is not enough, because on Linux it comes from the password database
 * ({@code /root} for root) and ignores a {@code HOME} set for the process (containers, {@code sudo
 * -E}, CI runners), so {@code ~/data} would point somewhere the user never meant.
 *
 * <p>A path is expanded when it is exactly {@code ~} or starts with {@code ~/} (on Windows also
 * {@code ~\}); {@code ~user/...} and a {@code ~} elsewhere in the path are left as written. A shell
 * expands {@code ~} itself in {@code --input ~/pairs.jsonl}, but not in {@code --input=~/pairs.jsonl}
 * nor in a value read from an environment file ({@code VERISTEP_DATA=~/data}); those reach Veristep
 * with the tilde.
 */
public final class UserHome {
    private UserHome() {}

    /** {@return the home directory: {@code $HOME} when set and not blank, else {@code user.home}} */
    public static Path dir() {
        return dir(System.getenv(), System.getProperty("user.home"));
    }

    /**
     * {@return the home directory for the given environment and {@code user.home} value}
     *
     * @param env the process environment ({@code HOME} is read from it)
     * @param userHome the value of the system property {@code user.home}
     */
    static Path dir(Map<String, String> env, String userHome) {
        String home = env.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : userHome);
    }

    /** {@return {@code path} with a leading {@code ~} replaced by {@link #dir()}} (see the class rules) */
    public static String expand(String path) {
        if (!path.startsWith("~")) return path; // the common case reads no environment
        return expand(path, dir());
    }

    /** {@return {@code path} with a leading {@code ~} replaced by {@code home}} (see the class rules) */
    static String expand(String path, Path home) {
        if (path.equals("~")) return home.toString();
        if (path.startsWith("~/") || (path.startsWith("~\\") && java.io.File.separatorChar == '\\')) {
            return home.resolve(path.substring(2)).toString();
        }
        return path;
    }

    /** {@return {@link #expand(String)} of the path's text, as a path} */
    public static Path expand(Path path) {
        String s = path.toString();
        return s.startsWith("~") ? Path.of(expand(s)) : path;
    }
}
