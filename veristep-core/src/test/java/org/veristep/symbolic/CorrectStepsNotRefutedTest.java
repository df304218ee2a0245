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
 * math delimiters, a subscripted variable before a parenthesis, complex numbers, "lire/x". The file
 * {@code correct-steps-not-refuted.jsonl} beside this class holds each step, the problem when it
 * matters, and what the verifier once wrongly said. None may be refuted.
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
                Trace trace = Trace.of(
                        "t" + n,
                        new Problem("p" + n, problem, null),
                        List.of(row.get("step").asText()));
                StepCheck check = new StepVerifier().verify(trace).get(0);
                if (check.verdict() == Verdict.REFUTED) {
                    refuted.add(row.get("step").asText() + "  ->  "
                            + check.firstFalse().reason());
                }
            }
        }
        assertTrue(n >= 100, "rows: " + n);
        assertEquals(List.of(), refuted);
    }
}
