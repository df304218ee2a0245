package org.veristep.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.veristep.TestData;
import org.veristep.json.Json;

/**
 * Every gold answer of the math test sets and GSM8K grades as equivalent to itself (minerva's grader
 * fails 6% of these). Where each file keeps its gold is listed in {@code math/PROVENANCE.md}; the
 * boxed answers are cut out here by an independent balanced-brace scan, not by the grader's
 * extractor.
 */
class ReflexivityTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "math/math500.jsonl, answer, 500",
        "math/aime24.jsonl, answer, 30",
        "math/aime25.jsonl, answer, 30",
        "math/amc23.jsonl, answer, 40",
        "math/math_full5000.jsonl, boxed, 5000",
        "math/minerva_math.jsonl, boxed, 272",
        "math/olympiadbench.jsonl, final_answer, 675",
        "math/gsm8k.jsonl, ####, 1319",
        "gsm8k/test.jsonl, ####, 1319",
    })
    void everyGoldEqualsItself(String file, String where, int records) throws IOException {
        List<String> golds = new ArrayList<>();
        for (String line : Files.readAllLines(TestData.file(file))) {
            if (line.isBlank()) continue;
            JsonNode n = Json.mapper().readTree(line);
            golds.add(
                    switch (where) {
                        case "boxed" -> lastBoxed(n.get("solution").asText());
                        case "####" -> {
                            String a = n.get("answer").asText();
                            yield a.substring(a.lastIndexOf("####") + 4).strip();
                        }
                        case "final_answer" -> {
                            JsonNode f = n.get("final_answer");
                            List<String> items = new ArrayList<>();
                            if (f.isArray()) f.forEach(x -> items.add(x.asText()));
                            else items.addAll(pythonList(f.asText()));
                            yield String.join(", ", items);
                        }
                        default -> n.get(where).asText();
                    });
        }
        assertEquals(records, golds.size(), file + " records");
        List<String> failures = new ArrayList<>();
        for (String g : golds) {
            Grade grade = AnswerGrader.grade(g, g);
            if (!grade.isEquivalent()) failures.add(g + "  ->  " + grade.outcome() + ": " + grade.reason());
        }
        System.out.printf(
                "%s: %d of %d gold answers equal themselves%n", file, golds.size() - failures.size(), golds.size());
        assertTrue(
                failures.isEmpty(),
                () -> failures.size() + " failures in " + file + ":\n"
                        + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    /** The content of the last \boxed{...} (balanced braces), found independently of the grader. */
    static String lastBoxed(String s) {
        int at = s.lastIndexOf("\\boxed");
        if (at < 0) at = s.lastIndexOf("\\fbox");
        if (at < 0) throw new AssertionError("no box in " + s);
        int open = s.indexOf('{', at);
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '{') depth++;
            else if (s.charAt(i) == '}' && --depth == 0) return s.substring(open + 1, i);
        }
        throw new AssertionError("unbalanced box in " + s);
    }

    /** Items of a Python list literal of strings such as {@code ['2', '$x$']}. */
    static List<String> pythonList(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char q = s.charAt(i);
            if (q == '\'' || q == '"') {
                StringBuilder b = new StringBuilder();
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != q) {
                    if (s.charAt(j) == '\\' && j + 1 < s.length()) {
                        char e = s.charAt(j + 1);
                        b.append(e == '\\' ? "\\" : e == 'n' ? "\n" : e == '\'' ? "'" : "\\" + e);
                        j += 2;
                        continue;
                    }
                    b.append(s.charAt(j++));
                }
                out.add(b.toString());
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }
}
