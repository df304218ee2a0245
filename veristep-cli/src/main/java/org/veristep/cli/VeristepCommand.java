package org.veristep.cli;

import org.veristep.Veristep;
import org.veristep.VeristepException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code veristep} command. */
@Command(
        name = "veristep",
        mixinStandardHelpOptions = true,
        versionProvider = VeristepCommand.Version.class,
        description = "Process supervision for multi-step reasoning: score steps, grade answers, evaluate PRMs.",
        subcommands = {
            EvalCommand.class,
            ScoreCommand.class,
            GradeCommand.class,
            BenchCommand.class,
            ExplainCommand.class,
            ScorersCommand.class,
            DatasetsCommand.class,
            CommandLine.HelpCommand.class
        })
public final class VeristepCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        missingSubcommand(spec);
    }

    /**
     * Ends a command that only groups subcommands ({@code veristep}, {@code veristep eval}, {@code
     * veristep bench}, {@code veristep datasets}) when it is run without one: a usage error (exit
     * code 2) whose message names the subcommands, followed by the command's usage, on stderr.
     *
     * @throws CommandLine.ParameterException always
     */
    static void missingSubcommand(CommandLine.Model.CommandSpec spec) {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "missing subcommand: " + spec.qualifiedName() + " needs one of "
                        + String.join(", ", spec.subcommands().keySet()));
    }

    /** {@return a command line with Veristep's exit-code and error handling} */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new VeristepCommand());
        // every path option (--input=~/pairs.jsonl, --data-dir=~/data) expands a leading ~ with $HOME
        cl.registerConverter(java.nio.file.Path.class, s -> java.nio.file.Path.of(org.veristep.UserHome.expand(s)));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // One place maps failures to exit codes: 2 for an invalid option value, 1 for a failed run;
            // the message says what to fix (VERISTEP_DEBUG=1 adds the stack trace).
            if (ex instanceof org.veristep.UsageException) {
                commandLine.getErr().println("veristep: " + ex.getMessage());
                commandLine
                        .getErr()
                        .println("see '" + commandLine.getCommandSpec().qualifiedName() + " --help'");
                return 2;
            }
            boolean known = ex instanceof VeristepException
                    || ex instanceof java.io.UncheckedIOException
                    || ex instanceof java.io.IOException
                    || ex instanceof IllegalArgumentException;
            String message = known && ex.getMessage() != null ? ex.getMessage() : ex.toString();
            if (ex instanceof java.nio.file.FileSystemException f) {
                message = f.getFile() + ": "
                        + (f.getReason() != null ? f.getReason() : ex.getClass().getSimpleName());
            }
            commandLine.getErr().println("veristep: " + message);
            if (System.getenv("VERISTEP_DEBUG") != null) ex.printStackTrace(commandLine.getErr());
            return 1;
        });
        return cl;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"veristep " + Veristep.version(), "java " + Runtime.version()};
        }
    }
}
