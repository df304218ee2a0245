package org.veristep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.veristep.VeristepException;
import org.veristep.dataset.ProcessBenchFormat;
import org.veristep.dataset.VeristepJsonl;
import org.veristep.json.Json;
import org.veristep.score.ExplainingScorer;
import org.veristep.score.StepScorer;
import org.veristep.trace.LabeledTrace;
import org.veristep.trace.StepScores;
import org.veristep.trace.Trace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code veristep explain}: scores one trace and shows every step with its score and, for a scorer
 * that explains itself (symbolic, or a composite holding it), the claims it checked; a refuted
 * claim is highlighted with its right value. ANSI colour only when stdout is a terminal (or {@code
 * --color always}).
 */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = "Show one trace scored step by step, with the claims checked and refuted claims highlighted.")
final class ExplainCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScorerSpec scorerSpec;

    @Option(
            names = "--input",
            required = true,
            paramLabel = "FILE",
            description = "Traces: ProcessBench JSON/JSONL or Veristep JSONL.")
    Path input;

    @Option(names = "--id", paramLabel = "ID", description = "Trace id to show (default: the first trace).")
    String id;

    @Option(
            names = "--threshold",
            defaultValue = "0.5",
            paramLabel = "T",
            description =
                    "Score in [0, 1] below which a step counts as the predicted first error (default ${DEFAULT-VALUE}).")
    double threshold;

    @Option(
            names = "--color",
            defaultValue = "auto",
            paramLabel = "WHEN",
            description = "auto (only on a terminal), always or never.")
    String color;

    private static final String RED = "\u001b[1;31m";
    private static final String GREEN = "\u001b[1;32m";
    private static final String DIM = "\u001b[2m";
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean ansi =
                switch (color.toLowerCase(Locale.ROOT)) {
                    case "always" -> true;
                    case "never" -> false;
                    case "auto" -> isTerminal();
                    default ->
                        throw new picocli.CommandLine.ParameterException(
                                spec.commandLine(), "--color must be auto, always or never, got '" + color + "'");
                };
        OptionRanges.threshold(threshold);
        Found found = find(input, id);
        Trace trace = found.trace();
        try (StepScorer scorer = scorerSpec.create()) {
            StepScores scores = scorer.score(trace);
            List<ObjectNode> details = scorer instanceof ExplainingScorer e
                    ? e.explain(List.of(trace)).get(0)
                    : null;
            out.println(style(ansi, BOLD, "trace " + trace.id()) + " (" + trace.size() + " steps), scorer "
                    + scorer.name());
            for (int i = 0; i < trace.size(); i++) {
                double s = scores.get(i);
                ObjectNode d = details == null ? null : details.get(i);
                JsonNode claims = claims(d);
                String verdict = verdict(d);
                String head = String.format(
                        Locale.ROOT, "step %d  score %.3f%s", i, s, verdict == null ? "" : "  " + verdict);
                out.println(s < threshold ? style(ansi, RED, head) : style(ansi, BOLD, head));
                out.println(indent(highlight(trace.steps().get(i).text(), claims, ansi)));
                if (claims != null) {
                    for (JsonNode c : claims) out.println("    " + claimLine(c, ansi));
                }
            }
            int predicted = scores.firstBelow(threshold);
            String line = "predicted first error: " + (predicted < 0 ? "none (-1)" : "step " + predicted)
                    + " (threshold " + threshold + ")";
            if (found.label() != null) line += "; label: " + found.label();
            out.println(line);
        }
        return 0;
    }

    /**
     * {@return whether stdout is a terminal}: on JDK 22+ {@code Console.isTerminal()} (called
     * reflectively, the code targets Java 21), before that a console exists only on a terminal
     */
    private static boolean isTerminal() {
        java.io.Console c = System.console();
        if (c == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** {@return the claims of a step's details: its own, or those of a composite's component} */
    private static JsonNode claims(ObjectNode d) {
        if (d == null) return null;
        if (d.has("claims")) return d.get("claims");
        JsonNode comps = d.get("components");
        if (comps != null) {
            for (JsonNode c : comps) if (c.has("claims")) return c.get("claims");
        }
        return null;
    }

    private static String verdict(ObjectNode d) {
        if (d == null) return null;
        if (d.has("verdict")) return d.get("verdict").asText();
        JsonNode comps = d.get("components");
        if (comps != null) {
            for (JsonNode c : comps)
                if (c.has("verdict")) return c.get("verdict").asText();
        }
        return null;
    }

    /**
     * The step text with every false claim's right side marked and its right value shown ("should
     * be 1600"), or for a property stated in words the reason ("false: 54 = 9 × 6 + 0").
     */
    private static String highlight(String text, JsonNode claims, boolean ansi) {
        if (claims == null) return text;
        List<int[]> marks = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (JsonNode c : claims) {
            if (!"false".equals(c.path("status").asText())) continue;
            JsonNode span = c.get("right_span");
            int a = span.get(0).asInt();
            int b = span.get(1).asInt();
            if (a < 0 || b > text.length() || a >= b) continue;
            if (!marks.isEmpty() && a < marks.get(marks.size() - 1)[1]) continue;
            marks.add(new int[] {a, b});
            // a property stated in words ("54 is not divisible by 9") has no right value to show
            values.add(
                    "is".equals(c.path("relation").asText())
                            ? c.path("reason").asText()
                            : "should be " + c.path("left_value").asText());
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int k = 0; k < marks.size(); k++) {
            int[] m = marks.get(k);
            out.append(text, at, m[0]);
            String wrong = text.substring(m[0], m[1]);
            if (ansi) {
                out.append(RED)
                        .append(wrong)
                        .append(RESET)
                        .append(GREEN)
                        .append(" [")
                        .append(values.get(k))
                        .append("]")
                        .append(RESET);
            } else {
                out.append(">>")
                        .append(wrong)
                        .append("<< [")
                        .append(values.get(k))
                        .append("]");
            }
            at = m[1];
        }
        out.append(text.substring(at));
        return out.toString();
    }

    private static String claimLine(JsonNode c, boolean ansi) {
        String status = c.path("status").asText();
        String mark =
                switch (status) {
                    case "true" -> "ok ";
                    case "false" -> "XX ";
                    default -> " ? ";
                };
        String line = mark + c.path("left").asText() + " " + c.path("relation").asText() + " "
                + c.path("right").asText() + "   (" + c.path("left_value").asText("?") + " vs "
                + c.path("right_value").asText("?") + "; " + c.path("reason").asText() + ")";
        return switch (status) {
            case "false" -> style(ansi, RED, line);
            case "true" -> style(ansi, GREEN, line);
            default -> style(ansi, DIM, line);
        };
    }

    private static String style(boolean ansi, String code, String s) {
        return ansi ? code + s + RESET : s;
    }

    private static String indent(String s) {
        return "  " + s.replace("\n", "\n  ");
    }

    /**
     * Finds the trace {@code id} (or the first) in a ProcessBench file (JSON array or JSONL with a
     * string {@code problem}) or a Veristep JSONL file (an object {@code problem}).
     */
    static Found find(Path file, String id) {
        List<Found> hit = new ArrayList<>(1);
        if (isProcessBench(file)) {
            ProcessBenchFormat.read(file, "input", c -> {
                if (hit.isEmpty() && (id == null || id.equals(c.id())))
                    hit.add(new Found(c.labeled().trace(), c.label()));
            });
        } else {
            VeristepJsonl.read(file, r -> {
                if (hit.isEmpty() && (id == null || id.equals(r.trace().id()))) {
                    LabeledTrace l = r.labeled();
                    hit.add(new Found(r.trace(), l == null ? null : l.firstError()));
                }
            });
        }
        if (hit.isEmpty()) {
            throw new VeristepException.NonRetriable(
                    file + ": " + (id == null ? "no trace in the file" : "no trace with id '" + id + "'"));
        }
        return hit.get(0);
    }

    /** A trace found in the input, with its first-error label when the file has one. */
    record Found(Trace trace, Integer label) {}

    private static boolean isProcessBench(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int c;
            do {
                c = in.read();
            } while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\uFEFF');
            if (c == '[') return true;
            String first = (char) c + in.readLine();
            JsonNode n = Json.mapper().readTree(first);
            return n.path("problem").isTextual();
        } catch (IOException e) {
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException) return false;
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
