package org.veristep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Usage errors of the command line: exit code 2, the reason and the usage on stderr, nothing on stdout. */
class UsageErrorsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''         | veristep          | eval, score, grade, bench, explain, scorers, datasets, help",
                "eval       | veristep eval     | processbench, prmbench, bon",
                "bench      | veristep bench    | grade, symbolic, http",
                "datasets   | veristep datasets | list, pull, check"
            })
    void aCommandThatGroupsSubcommandsNeedsOne(String command, String qualified, String subcommands) {
        CliRun r = command.isEmpty() ? CliRun.of() : CliRun.of(command);
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertTrue(
                r.err().startsWith("missing subcommand: " + qualified + " needs one of " + subcommands + "\n"),
                r.err());
        assertTrue(r.err().contains("Usage: " + qualified + " [-hV] [COMMAND]"), r.err());
    }

    @ParameterizedTest
    @CsvSource({"--help", "eval --help", "help eval"})
    void askingForHelpIsNoError(String args) {
        CliRun r = CliRun.of(args.split(" "));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Usage: veristep"), r.out());
        assertEquals("", r.err());
    }
}
