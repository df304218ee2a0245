package org.veristep.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the veristep command in-process and captures its exit code, stdout and stderr. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = VeristepCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** {@return the real data directory used by tests} */
    static Path dataDir() {
        String p = System.getProperty("veristep.testData");
        return (p != null ? Path.of(p) : Path.of("..", "..", "shared", "data"))
                .toAbsolutePath()
                .normalize();
    }
}
