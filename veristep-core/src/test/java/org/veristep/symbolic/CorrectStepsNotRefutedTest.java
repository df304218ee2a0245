package org.veristep.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.veristep.json.Json;
import org.veristep.trace.Problem;
import org.veristep.trace.Trace;

/**
 * Correct steps written to break the verifier (by a reviewer who tried, after the claims in words
 * were added): hypotheticals, questions, corrections, story quantities next to units ("12 days in
 * March when it rained", "a day-long workshop"), sums of months, other calendars and planets,
 * "quarter" as a fraction, "even" as an adverb, "the sum of 3 and 5 is even", thousands separators,
 * divisors written as products, other bases, comparisons across units or in percent, updated
 * variables and lists of candidates across displays, labels restated with a new value; and steps
 * of PRMBench's original (correct) processes that an earlier version refuted: a cube root outside
 * math delimiters, a subscripted variable before a parenthesis, complex numbers, "lire/x"; and
 * the steps a second reviewer wrote against the checks added next (evaluations at several points
 * read as one derivation, labels that change meaning between steps or name two things, ranges,
 * roots and compound quantities in parentheses, other bases and clocks), by three more against
 * the quotes of the problem and in the style of real model outputs; and MATH's reference solutions
 * that an earlier version refuted. The file {@code
 * correct-steps-not-refuted.jsonl} beside this class holds each step (or, as {@code steps}, a
 * trace of several), the problem when it matters, and what the verifier once wrongly said. None
 * may be refuted.
 */
class CorrectStepsNotRefutedTest {
    @Test
    void noneIsRefuted() throws IOException {
        List<String> refuted = new ArrayList<>();
        int n = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("correct-steps-not-refuted.jsonl"), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                JsonNode row = Json.mapper().readTree(line);
                n++;
                String problem =
                        row.path("problem").isTextual() ? row.get("problem").asText() : "";
                List<String> steps = new ArrayList<>();
                if (row.has("steps")) row.get("steps").forEach(x -> steps.add(x.asText()));
                else steps.add(row.get("step").asText());
                Trace trace = Trace.of("t" + n, new Problem("p" + n, problem, null), steps);
                List<StepCheck> checks = new StepVerifier().verify(trace);
                for (int i = 0; i < checks.size(); i++) {
                    if (checks.get(i).verdict() == Verdict.REFUTED) {
                        refuted.add(steps.get(i) + "  ->  "
                                + checks.get(i).firstFalse().reason());
                    }
                }
            }
        }
        assertTrue(n >= 100, "rows: " + n);
        assertEquals(List.of(), refuted);
    }
}
