package org.veristep.cli;

/** Entry point of the {@code veristep} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command in-process and returns its exit code (0 ok, 1 failure, 2 usage error). */
    public static int run(String... args) {
        return VeristepCommand.commandLine().execute(args);
    }
}
