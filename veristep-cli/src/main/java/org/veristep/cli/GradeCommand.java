package org.veristep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.veristep.BadInputException;
import org.veristep.Veristep;
import org.veristep.dataset.VeristepJsonl;
import org.veristep.grading.AnswerGrader;
import org.veristep.grading.Grade;
import org.veristep.grading.GradingOptions;
import org.veristep.json.Json;
import org.veristep.trace.Provenance;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code veristep grade}: grades one answer ({@code --gold G --pred P}) or a JSONL file of {@code
 * {gold, pred}} lines ({@code --input pairs.jsonl --output out.jsonl}), where {@code pred} is a bare
 * answer or a whole solution. Each output line is the input line with {@code equivalent}
 * (true/false/null), {@code reason}, {@code gold_answer}, {@code extracted} and {@code provenance}
 * added; a line that is not a {@code {gold, pred}} object gets {@code equivalent: null} and the
 * error as reason, and the run goes on.
 */
@Command(
        name = "grade",
        mixinStandardHelpOptions = true,
        description = "Grade answers against gold answers (mathematical equivalence, with a reason).")
final class GradeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @ArgGroup(exclusive = false)
        Single single;

        @ArgGroup(exclusive = false)
        Batch batch;
    }

    static final class Single {
        @Option(names = "--gold", required = true, description = "Gold answer (or a gold solution).")
        String gold;

        @Option(names = "--pred", required = true, description = "Predicted answer or whole solution.")
        String pred;
    }

    static final class Batch {
        @Option(names = "--input", required = true, description = "JSONL file of {\"gold\": ..., \"pred\": ...} lines.")
        Path input;

        @Option(
                names = "--output",
                required = true,
                description = "JSONL file to write (each input line plus the verdict).")
        Path output;
    }

    @Option(
            names = "--timeout-ms",
            defaultValue = "1000",
            description = "Time bound of one grade in ms (default ${DEFAULT-VALUE}).")
    long timeoutMs;

    @Option(
            names = "--tolerance",
            defaultValue = "1e-9",
            description =
                    "Relative tolerance for irrational values (default ${DEFAULT-VALUE}); exact values compare exactly.")
    double tolerance;

    @Option(
            names = "--exact-decimals",
            description = "Compare decimals exactly, like other numbers (default: a decimal showing at least two"
                    + " significant digits matches a value that rounds to it at the decimals shown: 0.33 = 1/3).")
    boolean exactDecimals;

    @Override
    public Integer call() throws IOException {
        if (timeoutMs <= 0)
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--timeout-ms must be > 0");
        GradingOptions options;
        try {
            options = GradingOptions.defaults()
                    .withTimeLimit(Duration.ofMillis(timeoutMs))
                    .withRelativeTolerance(tolerance)
                    .withDecimalsToShownPrecision(!exactDecimals);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        AnswerGrader grader = new AnswerGrader(options);
        PrintWriter out = spec.commandLine().getOut();
        if (mode.single != null) {
            Grade g = grader.check(mode.single.gold, mode.single.pred);
            out.println(verdict(g.equivalent()) + ": " + g.reason());
            out.println("gold answer: " + g.goldAnswer());
            out.println("extracted:   " + (g.extractedAnswer() == null ? "(none)" : g.extractedAnswer()));
            return 0;
        }
        return batch(grader, mode.batch.input, mode.batch.output, out);
    }

    static String verdict(Boolean b) {
        return b == null ? "undecided" : b ? "equivalent" : "not equivalent";
    }

    private int batch(AnswerGrader grader, Path input, Path output, PrintWriter out) throws IOException {
        if (!Files.isRegularFile(input)) throw new BadInputException(input.toString(), 0, null, "file not found");
        GradingOptions o = grader.options();
        Provenance provenance = new Provenance(
                Veristep.version(),
                "answer-grader",
                null,
                null,
                Map.of(
                        "time_limit_ms", Long.toString(o.timeLimit().toMillis()),
                        "relative_tolerance", Double.toString(o.relativeTolerance()),
                        "decimals_to_shown_precision", Boolean.toString(o.decimalsToShownPrecision())),
                o.seed(),
                Instant.now());
        ObjectNode prov = VeristepJsonl.provenanceJson(provenance);
        long lines = 0;
        long equivalent = 0;
        long notEquivalent = 0;
        long undecided = 0;
        long bad = 0;
        try (BufferedReader r = Files.newBufferedReader(input, StandardCharsets.UTF_8);
                BufferedWriter w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                lines++;
                if (line.isBlank()) continue;
                ObjectNode row;
                try {
                    JsonNode n = Json.mapper().readTree(line);
                    if (!(n instanceof ObjectNode obj))
                        throw new BadInputException(input.toString(), lines, null, "expected a JSON object");
                    row = obj;
                    String gold = text(row, "gold", input, lines);
                    String pred = text(row, "pred", input, lines);
                    Grade g = grader.check(gold, pred);
                    if (g.equivalent() == null) {
                        row.putNull("equivalent");
                        undecided++;
                    } else {
                        row.put("equivalent", g.equivalent());
                        if (g.equivalent()) equivalent++;
                        else notEquivalent++;
                    }
                    row.put("reason", g.reason());
                    row.put("gold_answer", g.goldAnswer());
                    row.put("extracted", g.extractedAnswer());
                } catch (IOException | BadInputException e) {
                    bad++;
                    row = Json.mapper().createObjectNode();
                    row.put("line", lines);
                    row.putNull("equivalent");
                    row.put(
                            "reason",
                            e instanceof BadInputException
                                    ? e.getMessage()
                                    : input + ":" + lines + ": not JSON: " + e.getMessage());
                    spec.commandLine()
                            .getErr()
                            .println("veristep: " + row.get("reason").asText());
                }
                row.set("provenance", prov);
                w.write(Json.mapper().writeValueAsString(row));
                w.newLine();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.printf(
                "graded %d lines: %d equivalent, %d not equivalent, %d undecided, %d bad lines -> %s%n",
                equivalent + notEquivalent + undecided + bad, equivalent, notEquivalent, undecided, bad, output);
        return bad > 0 ? 1 : 0; // every line is written, but a bad line is a failure the caller should see
    }

    /** {@return the field as text: a string, or a number as written (many datasets store numeric golds)} */
    private static String text(ObjectNode row, String field, Path input, long line) {
        JsonNode v = row.get(field);
        if (v == null || v.isNull())
            throw new BadInputException(input.toString(), line, field, "missing: expected a string");
        if (v.isNumber()) return v.asText();
        if (!v.isTextual()) throw new BadInputException(input.toString(), line, field, "expected a string or a number");
        return v.asText();
    }
}
