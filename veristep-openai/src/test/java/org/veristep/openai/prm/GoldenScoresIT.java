package org.veristep.openai.prm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.veristep.VeristepException;
import org.veristep.openai.LoopbackServer;
import org.veristep.score.ExplainedScores;
import org.veristep.score.ExplainingScorer;
import org.veristep.score.ScorerOptions;
import org.veristep.score.StepScorer;
import org.veristep.score.StepScorers;
import org.veristep.trace.Problem;
import org.veristep.trace.Trace;

/**
 * Golden tests: given the pooling rows or logprobs a server returns, the step scores equal values
 * worked out by hand (the arithmetic is in each test), and the request sent is exactly the
 * documented input format.
 */
class GoldenScoresIT {

    private static StepScorer create(String name, LoopbackServer server, Map<String, String> extra) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("endpoint", server.url());
        o.put("max_retries", "0");
        o.putAll(extra);
        return StepScorers.create(name, new ScorerOptions(o));
    }

    private static final Trace ONE_PLUS_ONE =
            Trace.of("g1", new Problem("g1", "What is 1+1?", "2"), List.of("1+1=2", "The answer is 2"));

    @Test
    void qwenPrmSendsTheModelCardTemplateAndReadsPPositive() {
        double[][] rows = {{0.2, 0.8}, {0.7, 0.3}};
        try (LoopbackServer server = LoopbackServer.start(r -> Wire.pooling("m", rows, 40));
                StepScorer s = create("qwen-prm", server, Map.of("model", "Qwen/Qwen2.5-Math-PRM-7B"))) {
            // rows are [p_neg, p_pos]: the step rewards are the second entries, 0.8 and 0.3.
            assertArrayEquals(new double[] {0.8, 0.3}, s.score(ONE_PLUS_ONE).toArray(), 0);
            JsonNode req = server.requests().get(0).json();
            assertEquals("/pooling", server.requests().get(0).path());
            assertEquals("Qwen/Qwen2.5-Math-PRM-7B", req.get("model").asText());
            assertEquals("token_classify", req.get("task").asText());
            assertEquals(
                    "<|im_start|>system\nPlease reason step by step, and put your final answer within \\boxed{}."
                            + "<|im_end|>\n<|im_start|>user\nWhat is 1+1?<|im_end|>\n<|im_start|>assistant\n"
                            + "1+1=2<extra_0>The answer is 2<extra_0><|im_end|>\n",
                    req.get("input").asText());
        }
    }

    @Test
    void qwenPrmAppliesSoftmaxToLogitRows() {
        // Row 0: logits [0, ln 4] -> softmax = [1/5, 4/5] -> 0.8.
        // Row 1: logits [2, 0] -> p_pos = e^0 / (e^2 + e^0) = 1 / (1 + e^2) = 0.11920292202211755.
        double[][] rows = {{0.0, Math.log(4)}, {2.0, 0.0}};
        try (LoopbackServer server = LoopbackServer.start(r -> Wire.pooling("m", rows, 40));
                StepScorer s = create("qwen-prm", server, Map.of("model", "m", "rows", "logits"))) {
            assertArrayEquals(
                    new double[] {0.8, 0.11920292202211755},
                    s.score(ONE_PLUS_ONE).toArray(),
                    1e-15);
        }
    }

    @Test
    void qwenPrmRejectsRowsThatAreNotProbabilities() {
        double[][] rows = {{0.0, Math.log(4)}, {2.0, 0.0}};
        try (LoopbackServer server = LoopbackServer.start(r -> Wire.pooling("m", rows, 40));
                StepScorer s = create("qwen-prm", server, Map.of("model", "m"))) {
            VeristepException e = assertThrows(VeristepException.class, () -> s.score(ONE_PLUS_ONE));
            assertTrue(e.getMessage().contains("rows=logits"), e.getMessage());
        }
    }

    @Test
    void qwenPrmRefusesAStepContainingTheTag() {
        Trace t = Trace.of("g2", new Problem("g2", "x", null), List.of("a<extra_0>b", "c"));
        try (LoopbackServer server = LoopbackServer.start(r -> Wire.pooling("m", new double[0][], 1));
                StepScorer s = create("qwen-prm", server, Map.of("model", "m"))) {
            assertThrows(VeristepException.class, () -> s.score(t));
            assertEquals(0, server.requests().size());
        }
    }

    @Test
    void mathShepherdPoolingTagsEveryStepAndReadsPPlus() {
        double[][] rows = {{0.95, 0.05}, {0.25, 0.75}};
        try (LoopbackServer server = LoopbackServer.start(r -> Wire.pooling("m", rows, 40));
                StepScorer s = create("math-shepherd", server, Map.of("model", "m"))) {
            // returned_token_ids [648 '+', 387 '-']: rows are [p(+), p(-)], so the rewards are 0.95 and 0.25.
            assertArrayEquals(new double[] {0.95, 0.25}, s.score(ONE_PLUS_ONE).toArray(), 0);
            assertEquals(
                    "What is 1+1? 1+1=2 ки\nThe answer is 2 ки",
                    server.requests().get(0).json().get("input").asText());
        }
    }

    @Test
    void mathShepherdLogprobsIsTheTwoWaySoftmaxOfTheCandidates() {
        List<Map<String, Double>> tops = new ArrayList<>();
        // Step 0: lp(+) = ln 0.8, lp(-) = ln 0.2 -> 0.8 / (0.8 + 0.2) = 0.8.
        tops.add(Map.of("+", Math.log(0.8), "-", Math.log(0.2)));
        // Step 1, SentencePiece spelling: p(+) = 0.3, p(-) = 0.6 (0.1 elsewhere) -> 0.3 / 0.9 = 1/3.
        tops.add(Map.of("▁+", Math.log(0.3), "▁-", Math.log(0.6), "\n", Math.log(0.1)));
        try (LoopbackServer server = LoopbackServer.start(r -> Wire.completionsTop("m", tops));
                StepScorer s = create("math-shepherd", server, Map.of("model", "m", "mode", "logprobs"))) {
            assertArrayEquals(new double[] {0.8, 1.0 / 3}, s.score(ONE_PLUS_ONE).toArray(), 1e-15);
            JsonNode req = server.requests().get(0).json();
            assertEquals("/v1/completions", server.requests().get(0).path());
            assertEquals(
                    List.of("What is 1+1? 1+1=2 ки", "What is 1+1? 1+1=2 ки\nThe answer is 2 ки"),
                    Arrays.asList(Json2.strings(req.get("prompt"))));
            assertEquals(1, req.get("max_tokens").asInt());
            assertEquals(20, req.get("logprobs").asInt());
            assertEquals(0.0, req.get("temperature").asDouble());
        }
    }

    @Test
    void mathShepherdLogprobsFailsWhenACandidateIsMissing() {
        List<Map<String, Double>> tops =
                List.of(Map.of("+", Math.log(0.8), "-", Math.log(0.2)), Map.of("+", Math.log(0.9), "\n", -3.0));
        try (LoopbackServer server = LoopbackServer.start(r -> Wire.completionsTop("m", tops));
                StepScorer s = create("math-shepherd", server, Map.of("model", "m", "mode", "logprobs"))) {
            VeristepException e = assertThrows(VeristepException.class, () -> s.score(ONE_PLUS_ONE));
            assertTrue(e.getMessage().contains("'-' is not among"), e.getMessage());
        }
    }

    private static final Trace THREE_STEPS = Trace.of(
            "g3", new Problem("g3", "Find x if 2x = 6.", "3"), List.of("Divide by 2.", "x = 6/2 = 4.", "So x = 4."));

    private static final String THREE_STEPS_PROMPT = """
            The following is a math problem and a solution (split into paragraphs, enclosed with tags and indexed from 0):

            [Math Problem]

            Find x if 2x = 6.

            [Solution]

            <paragraph_0>
            Divide by 2.
            </paragraph_0>

            <paragraph_1>
            x = 6/2 = 4.
            </paragraph_1>

            <paragraph_2>
            So x = 4.
            </paragraph_2>

            Your task is to review and critique the solution paragraph by paragraph. Once you identify an error in a \
            paragraph, return the index of the paragraph where the earliest error occurs. Otherwise, return the index \
            of -1 (which typically denotes "not found").

            Please put your final answer (i.e., the index) in \\boxed{}.""";

    private static LoopbackServer critic(List<String> contents) {
        return LoopbackServer.start(r -> Wire.chat("m", contents));
    }

    @Test
    void criticMajorityVoteIsTheReferencesMostCommonAnswer() {
        // Boxed answers 1, 1, -1, 2 and one without \boxed: the most common is "1", so steps 0 | 1, 2
        // are correct | wrong: scores [1, 0, 0].
        List<String> votes =
                List.of("\\boxed{1}", "so \\boxed{ 1 }", "\\boxed{-1}", "\\boxed{0} no, \\boxed{2}", "none");
        try (LoopbackServer server = critic(votes);
                StepScorer s = create("critic", server, Map.of("model", "m", "votes", "5"))) {
            ExplainedScores e =
                    ((ExplainingScorer) s).scoreExplained(List.of(THREE_STEPS)).get(0);
            assertArrayEquals(new double[] {1, 0, 0}, e.scores().toArray(), 0);
            assertEquals(1, e.details().get(0).get("prediction").asInt());
            assertEquals("first_error", e.details().get(1).get("verdict").asText());
            JsonNode req = server.requests().get(0).json();
            assertEquals(5, req.get("n").asInt());
            assertEquals(1.0, req.get("temperature").asDouble());
            assertEquals(0.9, req.get("top_p").asDouble());
            assertEquals(42, req.get("seed").asInt());
            assertEquals(8192, req.get("max_tokens").asInt());
            assertEquals("user", req.get("messages").get(0).get("role").asText());
            assertEquals(
                    THREE_STEPS_PROMPT,
                    req.get("messages").get(0).get("content").asText());
        }
    }

    @Test
    void criticShareVoteGivesEachStepTheShareOfVotesFindingItCorrect() {
        // Valid votes 1, 1, -1, 2 (the fifth has none). Step i is correct for a vote v when v = -1 or v > i:
        // step 0: all four -> 4/4 = 1; step 1: -1 and 2 -> 2/4 = 0.5; step 2: only -1 -> 1/4 = 0.25.
        List<String> votes = List.of("\\boxed{1}", "\\boxed{1}", "\\boxed{-1}", "\\boxed{2}", "none");
        try (LoopbackServer server = critic(votes);
                StepScorer s = create("critic", server, Map.of("model", "m", "votes", "5", "vote", "share"))) {
            assertArrayEquals(new double[] {1, 0.5, 0.25}, s.score(THREE_STEPS).toArray(), 0);
        }
    }

    @Test
    void criticMajorityTieGoesToTheAnswerSeenFirst() {
        List<String> votes = List.of("\\boxed{2}", "\\boxed{1}", "\\boxed{1}", "\\boxed{2}");
        try (LoopbackServer server = critic(votes);
                StepScorer s = create("critic", server, Map.of("model", "m", "votes", "4"))) {
            // "2" and "1" both twice; Counter.most_common keeps first-seen order, so 2: scores [1, 1, 0].
            assertArrayEquals(new double[] {1, 1, 0}, s.score(THREE_STEPS).toArray(), 0);
        }
    }

    @Test
    void criticCanAskForEachVoteSeparatelyWithConsecutiveSeeds() {
        List<String> answers = List.of("\\boxed{1}", "\\boxed{-1}", "\\boxed{1}");
        try (LoopbackServer server = LoopbackServer.start(r -> {
                    int seed = r.json().get("seed").asInt();
                    return Wire.chat("m", List.of(answers.get(seed - 42)));
                });
                StepScorer s = create(
                        "critic", server, Map.of("model", "m", "votes", "3", "requests", "per_vote", "seed", "42"))) {
            // Votes 1, -1, 1 (seeds 42, 43, 44): majority "1" -> scores [1, 0, 0].
            assertArrayEquals(new double[] {1, 0, 0}, s.score(THREE_STEPS).toArray(), 0);
            assertEquals(3, server.requests().size());
            Set<Integer> seeds = new HashSet<>();
            for (LoopbackServer.Request r : server.requests()) {
                assertEquals(1, r.json().get("n").asInt());
                seeds.add(r.json().get("seed").asInt());
            }
            assertEquals(Set.of(42, 43, 44), seeds);
        }
    }

    @Test
    void criticGreedyDefaultsAndNoUsableAnswerFails() {
        try (LoopbackServer server = critic(List.of("I think paragraph 1 is wrong."));
                StepScorer s = create("critic", server, Map.of("model", "m"))) {
            VeristepException e = assertThrows(VeristepException.class, () -> s.score(THREE_STEPS));
            assertTrue(e.getMessage().contains("no usable"), e.getMessage());
            JsonNode req = server.requests().get(0).json();
            assertEquals(1, req.get("n").asInt());
            assertEquals(0.0, req.get("temperature").asDouble());
            assertEquals(42, req.get("seed").asInt());
        }
    }

    /**
     * Template "Q: {problem}\nA: ", separator "\n", problem "𝑥=1?" (𝑥 is outside the BMP: one code
     * point, two Java chars), steps "x=2" and "so 2". Text "Q: 𝑥=1?\nA: x=2\nso 2": in code points the
     * prefix is 0..10, step 0 ("x=2" and its "\n") 11..14, step 1 ("so 2") 15..18, length 19.
     */
    @Test
    void implicitSumsTheLogRatioOverEachStepsTokens() {
        List<String> tokens = List.of("Q", ":", " 𝑥=1?", "\n", "A", ":", " ", "x", "=2", "\n", "so", " 2", "!");
        List<Integer> offsets = List.of(0, 1, 2, 7, 8, 9, 10, 11, 12, 14, 15, 17, 19);
        List<Double> pol = Arrays.asList(null, -1.0, -2.0, -0.5, -0.3, -0.2, -0.1, -1.2, -0.4, -0.05, -2.5, -0.6, -3.0);
        List<Double> ref = Arrays.asList(null, -1.1, -2.5, -0.4, -0.3, -0.2, -0.1, -1.0, -0.9, -0.15, -1.5, -0.7, -3.0);
        String text = "Q: 𝑥=1?\nA: x=2\nso 2";
        try (LoopbackServer server = LoopbackServer.start(r -> Wire.completionsEcho(
                        r.json().get("model").asText(),
                        text + "!",
                        tokens,
                        r.json().get("model").asText().equals("pol") ? pol : ref,
                        offsets));
                StepScorer s = create(
                        "implicit",
                        server,
                        Map.of(
                                "model", "pol",
                                "ref_endpoint", server.url(),
                                "ref_model", "ref",
                                "template", "Q: {problem}\\nA: ",
                                "separator", "\\n"))) {
            Trace t = Trace.of("g4", new Problem("g4", "𝑥=1?", null), List.of("x=2", "so 2"));
            // Step 0 = tokens "x", "=2", "\n": (-1.2 + 1.0) + (-0.4 + 0.9) + (-0.05 + 0.15) = -0.2 + 0.5 + 0.1 = 0.4
            // Step 1 = tokens "so", " 2": (-2.5 + 1.5) + (-0.6 + 0.7) = -1.0 + 0.1 = -0.9
            // ("!" at offset 19 is the generated token; " " at 10 is in the prefix.)
            // beta 0.05: r = 0.02 and -0.045; sigma(0.02) = 0.5049998333..., sigma(-0.045) = 0.4887519...
            double[] got = s.score(t).toArray();
            assertArrayEquals(new double[] {1 / (1 + Math.exp(-0.02)), 1 / (1 + Math.exp(0.045))}, got, 1e-12);
            assertEquals(0.50499983, got[0], 1e-8);
            assertEquals(0.48875190, got[1], 1e-8);
            assertEquals(2, server.requests().size());
            for (LoopbackServer.Request r : server.requests()) {
                JsonNode req = r.json();
                assertEquals(text, req.get("prompt").get(0).asText());
                assertTrue(req.get("echo").asBoolean());
                assertEquals(0, req.get("logprobs").asInt());
                assertEquals(1, req.get("max_tokens").asInt());
            }
        }
    }

    @Test
    void implicitRefusesOffsetsThatDoNotSpellTheText() {
        // A byte-level tokenizer split "𝑥" in two; the server decoded each half as U+FFFD, so the
        // offsets after it no longer point at the characters the tokens claim.
        List<String> tokens = List.of("Q:", " ", "\uFFFD", "\uFFFD", "=1?", "\nA: ", "x=2");
        List<Integer> offsets = List.of(0, 2, 3, 4, 5, 8, 12);
        List<Double> lps = Arrays.asList(null, -1.0, -1.0, -1.0, -1.0, -1.0, -1.0);
        try (LoopbackServer server = LoopbackServer.start(
                        r -> Wire.completionsEcho(r.json().get("model").asText(), "x", tokens, lps, offsets));
                StepScorer s = create(
                        "implicit",
                        server,
                        Map.of(
                                "model", "pol",
                                "ref_endpoint", server.url(),
                                "ref_model", "ref",
                                "template", "Q: {problem}\\nA: ",
                                "separator", "\\n"))) {
            Trace t = Trace.of("g5", new Problem("g5", "𝑥=1?", null), List.of("x=2"));
            VeristepException e = assertThrows(VeristepException.class, () -> s.score(t));
            assertTrue(e.getMessage().contains("does not match the text"), e.getMessage());
        }
    }

    /** Reads a JSON array of strings. */
    static final class Json2 {
        static String[] strings(JsonNode a) {
            String[] out = new String[a.size()];
            for (int i = 0; i < out.length; i++) out[i] = a.get(i).asText();
            return out;
        }
    }
}
