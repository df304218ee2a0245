package org.veristep.openai.prm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.veristep.VeristepException;
import org.veristep.json.Json;
import org.veristep.openai.ChatMessage;
import org.veristep.openai.ChatRequest;
import org.veristep.openai.ChatResponse;
import org.veristep.openai.ClientConfig;
import org.veristep.openai.OpenAiClient;
import org.veristep.openai.Sampling;
import org.veristep.score.ExplainedScores;
import org.veristep.score.ExplainingScorer;
import org.veristep.score.ScorerOptions;
import org.veristep.score.StepScorer;
import org.veristep.score.StepScorerProvider;
import org.veristep.trace.StepScores;
import org.veristep.trace.Trace;

/**
 * A generative critic (GPT-4o, Qwen, o-series, QwQ ...) judged by the ProcessBench critic protocol
 * ({@code QwenLM/ProcessBench}, {@code code/run_eval.py} and {@code templates/critique_template.txt}).
 *
 * <p>The steps are shown as {@code <paragraph_i>\n{step}\n</paragraph_i>} blocks separated by a
 * blank line, inside the reference template, as one user message; the critic is asked for the index
 * of the earliest wrong paragraph, or -1, in {@code \boxed{}}. A sample's vote is the last {@code
 * \boxed{...}} of its text (content up to the first '}', stripped), read as an integer; a sample
 * without one, or with an index outside [-1, steps), casts no vote.
 *
 * <p>With {@code votes = k > 1} the critic is sampled k times in one request ({@code n = k}), or,
 * with {@code requests=per_vote}, in k requests with seeds seed, seed+1, ... (for servers that
 * ignore {@code n}).
 * Per-step scores come from the votes, by the rule {@code vote}:
 *
 * <ul>
 *   <li>{@code majority} (default; the reference's voting): the prediction is the most frequent
 *       boxed answer (ties: the one seen first), as the reference counts them; step i scores 1 when
 *       i is before the predicted first error (every step when it is -1), else 0;
 *   <li>{@code share}: step i scores the share of valid votes that find it correct, i.e. whose first
 *       error is -1 or after i.
 * </ul>
 *
 * With one vote both rules agree. A trace with no valid vote fails (reason: no usable answer), it
 * is never scored as all-correct. Sampling defaults follow the reference: one vote greedy
 * (temperature 0, seed 42, max_tokens 8192); k votes at temperature 1, top_p 0.9, seed 42.
 */
public final class CriticScorer extends HttpStepScorer implements ExplainingScorer {
    public static final String NAME = "critic";

    /** The reference template ({@code critique_template.txt}); {@code {{}}} there is Python's escaped {@code {}}. */
    public static final String TEMPLATE = """
            The following is a math problem and a solution (split into paragraphs, enclosed with tags and \
            indexed from 0):

            [Math Problem]

            {problem}

            [Solution]

            {tagged_response}

            Your task is to review and critique the solution paragraph by paragraph. Once you identify an \
            error in a paragraph, return the index of the paragraph where the earliest error occurs. \
            Otherwise, return the index of -1 (which typically denotes "not found").

            Please put your final answer (i.e., the index) in \\boxed{}.""";

    private static final Pattern BOXED = Pattern.compile("\\\\boxed\\{([^}]*)\\}");

    /** How votes become step scores. */
    public enum Vote {
        MAJORITY,
        SHARE
    }

    private final OpenAiClient client;
    private final String model;
    private final int votes;
    private final Vote rule;
    private final Sampling sampling;
    private final boolean separateRequests;

    /**
     * @param client the chat server's client; owned and closed by this scorer
     * @param model the critic model's name
     * @param votes samples per trace, ≥ 1 (sent as {@code n})
     * @param rule how votes become step scores
     * @param sampling sampling parameters ({@code n} is replaced by {@code votes})
     * @param separateRequests ask for the votes in separate requests ({@code n = 1}, seeds seed,
     *     seed+1, ...) instead of one request with {@code n = votes}, for servers that ignore {@code n}
     */
    public CriticScorer(
            OpenAiClient client, String model, int votes, Vote rule, Sampling sampling, boolean separateRequests) {
        super(NAME, List.of(client));
        if (votes < 1) throw new IllegalArgumentException("votes must be >= 1");
        this.client = client;
        this.model = model;
        this.votes = votes;
        this.rule = rule;
        this.sampling = sampling.withN(votes);
        this.separateRequests = separateRequests;
    }

    /** {@return the user message sent for {@code trace}, as the reference builds it} */
    public static String prompt(Trace trace) {
        StringBuilder tagged = new StringBuilder();
        List<String> steps = trace.stepTexts();
        for (int i = 0; i < steps.size(); i++) {
            tagged.append("<paragraph_")
                    .append(i)
                    .append(">\n")
                    .append(steps.get(i))
                    .append("\n</paragraph_")
                    .append(i)
                    .append(">\n\n");
        }
        // The reference strips the joined paragraphs (Python str.strip: whitespace at both ends).
        String taggedResponse = tagged.toString().strip();
        // One pass, like Python's str.format: text inserted for one field is never searched for the other.
        int p = TEMPLATE.indexOf("{problem}");
        int t = TEMPLATE.indexOf("{tagged_response}");
        return TEMPLATE.substring(0, p)
                + trace.problem().text()
                + TEMPLATE.substring(p + "{problem}".length(), t)
                + taggedResponse
                + TEMPLATE.substring(t + "{tagged_response}".length());
    }

    /** {@return the content of the last {@code \boxed{...}} in {@code text}, stripped, or null} */
    public static String extractBoxed(String text) {
        if (text == null) return null;
        Matcher m = BOXED.matcher(text);
        String last = null;
        while (m.find()) last = m.group(1);
        return last == null ? null : last.strip();
    }

    @Override
    List<Map.Entry<OpenAiClient, String>> servedModels() {
        return List.of(Map.entry(client, model));
    }

    @Override
    double[] scoreOne(Trace trace) {
        return judge(trace).scores().toArray();
    }

    @Override
    public List<List<ObjectNode>> explain(List<Trace> traces) {
        return scoreExplained(traces).stream().map(ExplainedScores::details).toList();
    }

    @Override
    public List<ExplainedScores> scoreExplained(List<Trace> traces) {
        return map(traces, this::judge);
    }

    /** Asks the critic about one trace and turns its votes into scores and per-step reasons. */
    ExplainedScores judge(Trace trace) {
        int n = trace.size();
        List<ChatMessage> messages = List.of(ChatMessage.user(prompt(trace)));
        List<ChatResponse.Choice> choices = new ArrayList<>();
        if (separateRequests && votes > 1) {
            // One request per vote, seeds seed, seed+1, ... so the votes differ yet replay exactly.
            List<java.util.function.Supplier<ChatResponse>> calls = new ArrayList<>();
            for (int k = 0; k < votes; k++) {
                Long seed = sampling.seed() == null ? null : sampling.seed() + k;
                Sampling one = new Sampling(
                        1,
                        sampling.temperature(),
                        sampling.topP(),
                        sampling.topK(),
                        sampling.maxTokens(),
                        sampling.stop(),
                        seed);
                calls.add(() -> client.chat(ChatRequest.of(model, messages, one)));
            }
            for (ChatResponse r : concurrently(calls)) {
                if (r.choices().size() != 1)
                    throw wrongCount(trace, 1, r.choices().size());
                choices.add(r.choices().get(0));
            }
        } else {
            ChatResponse r = client.chat(ChatRequest.of(model, messages, sampling));
            if (r.choices().size() != votes)
                throw wrongCount(trace, votes, r.choices().size());
            choices.addAll(r.choices());
        }
        List<String> texts = new ArrayList<>();
        List<String> boxed = new ArrayList<>();
        List<Integer> valid = new ArrayList<>();
        for (ChatResponse.Choice c : choices) {
            String text = c.message() == null ? null : c.message().content();
            texts.add(text);
            String b = extractBoxed(text);
            boxed.add(b);
            Integer v = parseIndex(b, n);
            if (v != null) valid.add(v);
        }
        double[] scores = new double[n];
        Integer prediction = null;
        if (rule == Vote.MAJORITY) {
            String mode = mostCommon(boxed);
            prediction = parseIndex(mode, n);
            if (prediction == null) throw noAnswer(trace, boxed);
            for (int i = 0; i < n; i++) scores[i] = prediction == -1 || i < prediction ? 1.0 : 0.0;
        } else {
            if (valid.isEmpty()) throw noAnswer(trace, boxed);
            for (int i = 0; i < n; i++) {
                int correct = 0;
                for (int v : valid) if (v == -1 || v > i) correct++;
                scores[i] = (double) correct / valid.size();
            }
        }
        StepScores s = checked(trace, scores);
        List<ObjectNode> details = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ObjectNode d = Json.mapper().createObjectNode();
            int correct = 0;
            for (int v : valid) if (v == -1 || v > i) correct++;
            d.put("votes_correct", correct);
            d.put("votes_valid", valid.size());
            if (prediction != null) {
                d.put(
                        "verdict",
                        prediction == -1 || i < prediction
                                ? "correct"
                                : i == prediction ? "first_error" : "after_error");
            }
            if (i == 0) {
                ArrayNode a = d.putArray("boxed");
                boxed.forEach(a::add);
                ArrayNode t = d.putArray("critiques");
                texts.forEach(t::add);
                if (prediction != null) d.put("prediction", prediction);
            }
            details.add(d);
        }
        return new ExplainedScores(s, details);
    }

    private static VeristepException wrongCount(Trace trace, int asked, int got) {
        return new VeristepException.NonRetriable("scorer '" + NAME + "': asked for " + asked
                + " samples but the server returned " + got + " (trace '" + trace.id()
                + "'); for a server that ignores n, set -O requests=per_vote");
    }

    private static VeristepException noAnswer(Trace trace, List<String> boxed) {
        return new VeristepException.NonRetriable("scorer '" + NAME + "': trace '" + trace.id()
                + "': the critic gave no usable \\boxed{index} in [-1, steps) (boxed answers: " + boxed + ")");
    }

    /** {@return the integer in {@code s} when it is a step index or -1, else null} */
    static Integer parseIndex(String s, int steps) {
        if (s == null) return null;
        try {
            int v = Integer.parseInt(s);
            return v >= -1 && v < steps ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@return the most frequent non-null string; ties go to the one seen first (Python's Counter.most_common)} */
    static String mostCommon(List<String> values) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String v : values) if (v != null) counts.merge(v, 1, Integer::sum);
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    /** Registers {@link CriticScorer} as {@value #NAME}. */
    public static final class Provider implements StepScorerProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "LLM critic through chat, ProcessBench protocol (first wrong paragraph in \\boxed{}), optional voting";
        }

        @Override
        public Map<String, String> options() {
            Map<String, String> o = new LinkedHashMap<>(ClientConfig.options("", "critic"));
            o.put("votes", "samples per trace (default 1; the reference votes over 8)");
            o.put("vote", "majority | share: how votes become step scores (default majority)");
            o.put("requests", "one | per_vote: all votes in one request (n = votes, default) or one request per vote");
            o.put("temperature", "default 0 with one vote, 1 with several");
            o.put("top_p", "default server's with one vote, 0.9 with several");
            o.put("top_k", "vLLM only; default server's");
            o.put("max_tokens", "default 8192");
            o.put("stop", "a stop string (\\n for newline); default none");
            o.put("seed", "sampling seed (default 42)");
            return o;
        }

        @Override
        public StepScorer create(ScorerOptions options) {
            String model = options.require(NAME, "model");
            int votes = options.getInt(NAME, "votes", 1);
            if (votes < 1) throw new VeristepException.NonRetriable("scorer '" + NAME + "': votes must be >= 1");
            Vote rule;
            String v = options.get("vote").orElse("majority");
            try {
                rule = Vote.valueOf(v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new VeristepException.NonRetriable(
                        "scorer '" + NAME + "': vote must be majority or share, got '" + v + "'");
            }
            Sampling defaults = votes == 1
                    ? new Sampling(null, 0.0, null, null, 8192, null, 42L)
                    : new Sampling(null, 1.0, 0.9, null, 8192, null, 42L);
            Sampling sampling = Sampling.fromOptions(NAME, options, defaults);
            String requests = options.get("requests").orElse("one");
            if (!requests.equals("one") && !requests.equals("per_vote")) {
                throw new VeristepException.NonRetriable(
                        "scorer '" + NAME + "': requests must be one or per_vote, got '" + requests + "'");
            }
            ClientConfig config = ClientConfig.fromOptions(NAME, options, "");
            return new CriticScorer(
                    new OpenAiClient(config), model, votes, rule, sampling, requests.equals("per_vote"));
        }
    }
}
