package org.veristep.openai.prm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.veristep.VeristepException;
import org.veristep.openai.ClientConfig;
import org.veristep.openai.CompletionRequest;
import org.veristep.openai.CompletionResponse;
import org.veristep.openai.OpenAiClient;
import org.veristep.openai.PoolingRequest;
import org.veristep.openai.PoolingResponse;
import org.veristep.score.ScorerOptions;
import org.veristep.score.StepScorer;
import org.veristep.score.StepScorerProvider;
import org.veristep.trace.Trace;

/**
 * Math-Shepherd-style PRMs (Wang et al. 2024, {@code peiyi9979/math-shepherd-mistral-7b-prm}): every
 * step ends with the tag {@code " ки"} (token 12902) and the model's next-token distribution at the
 * tag, restricted to the candidates {@code +} (648) and {@code -} (387), gives the step reward
 * p(+) = e^lp(+) / (e^lp(+) + e^lp(−)).
 *
 * <p>Input, as in the model card: {@code problem + " " + step_0 + " ки\n" + step_1 + " ки\n" + ... +
 * step_n-1 + " ки"} (the steps joined by a newline, each followed by the tag).
 *
 * <p>Two ways to get the distribution:
 *
 * <ul>
 *   <li>{@code mode=pooling} (default): vLLM {@code /pooling} with the model served with {@code
 *       --pooler-config '{"pooling_type":"STEP","step_tag_id":12902,"returned_token_ids":[648,387]}'}:
 *       one row per tag, {@code [p(+), p(−)]}, so the reward is row entry {@code positive_index}
 *       (default 0);
 *   <li>{@code mode=logprobs}: {@code /v1/completions} with one prompt per step (the input up to and
 *       including that step's tag), {@code max_tokens 1}, {@code temperature 0} and {@code logprobs
 *       k}; the reward comes from the {@code top_logprobs} of the first generated position. Both
 *       candidates must be among the top k (else the trace fails, asking for a larger k): a missing
 *       candidate is never treated as probability 0.
 * </ul>
 */
public final class MathShepherdScorer extends HttpStepScorer {
    public static final String NAME = "math-shepherd";
    public static final String DEFAULT_TAG = " ки";

    /** How the tag distribution is obtained. */
    public enum Mode {
        POOLING,
        LOGPROBS
    }

    private final OpenAiClient client;
    private final String model;
    private final Mode mode;
    private final String tag;
    private final String task;
    private final PoolingRows rows;
    private final String plus;
    private final String minus;
    private final int topLogprobs;

    /**
     * @param client the PRM server's client; owned and closed by this scorer
     * @param model the PRM's model name
     * @param mode pooling or logprobs
     * @param tag the step tag appended to each step (default {@value #DEFAULT_TAG})
     * @param task pooling task sent, or null for none
     * @param positiveIndex pooling: index of p(+) in a row
     * @param logits pooling: whether rows are logits rather than probabilities
     * @param plus logprobs: the positive candidate token as the server spells it in {@code top_logprobs}
     * @param minus logprobs: the negative candidate token
     * @param topLogprobs logprobs: how many alternatives to ask for per position
     */
    public MathShepherdScorer(
            OpenAiClient client,
            String model,
            Mode mode,
            String tag,
            String task,
            int positiveIndex,
            boolean logits,
            String plus,
            String minus,
            int topLogprobs) {
        super(NAME, List.of(client));
        this.client = client;
        this.model = model;
        this.mode = mode;
        this.tag = tag;
        this.task = task;
        this.rows = new PoolingRows(positiveIndex, logits);
        this.plus = plus;
        this.minus = minus;
        this.topLogprobs = topLogprobs;
    }

    /**
     * {@return the prompts for {@code trace}: with {@code prefixes}, one per step (the input up to and
     * including that step's tag); else the single whole input}
     */
    public List<String> inputs(Trace trace, boolean prefixes) {
        return inputs(trace, tag, prefixes);
    }

    /**
     * {@return the prompts for {@code trace} with step tag {@code tag}}; see {@link #inputs(Trace, boolean)}
     *
     * @throws VeristepException.NonRetriable when a step already contains the tag
     */
    public static List<String> inputs(Trace trace, String tag, boolean prefixes) {
        List<String> steps = trace.stepTexts();
        StringBuilder b = new StringBuilder(trace.problem().text()).append(' ');
        List<String> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i);
            if (step.contains(tag)) {
                throw new VeristepException.NonRetriable("scorer '" + NAME + "': trace '" + trace.id() + "' step " + i
                        + " contains the step tag '" + tag + "', which would shift every score");
            }
            if (i > 0) b.append('\n');
            b.append(step).append(tag);
            if (prefixes) out.add(b.toString());
        }
        if (!prefixes) out.add(b.toString());
        return out;
    }

    @Override
    List<Map.Entry<OpenAiClient, String>> servedModels() {
        return List.of(Map.entry(client, model));
    }

    @Override
    double[] scoreOne(Trace trace) {
        return mode == Mode.POOLING ? viaPooling(trace) : viaLogprobs(trace);
    }

    private double[] viaPooling(Trace trace) {
        PoolingResponse r =
                client.pooling(new PoolingRequest(model, inputs(trace, false).get(0), task));
        if (r.data().size() != 1) {
            throw new VeristepException.NonRetriable("scorer '" + NAME + "': /pooling returned "
                    + r.data().size() + " items for one input (trace '" + trace.id() + "')");
        }
        double[][] m;
        try {
            m = r.data().get(0).rows();
        } catch (IllegalArgumentException e) {
            throw new VeristepException.NonRetriable(
                    "scorer '" + NAME + "': trace '" + trace.id() + "': /pooling " + e.getMessage(), e);
        }
        return rows.scores(NAME, trace.id(), m, trace.size());
    }

    private double[] viaLogprobs(Trace trace) {
        if (trace.size() == 0) return new double[0];
        List<String> prompts = inputs(trace, true);
        CompletionRequest req =
                new CompletionRequest(model, prompts, 1, 0.0, null, null, 1, null, null, topLogprobs, null, null);
        CompletionResponse r = client.completions(req);
        List<CompletionResponse.Choice> choices = new ArrayList<>(r.choices());
        if (choices.size() != prompts.size()) {
            throw new VeristepException.NonRetriable("scorer '" + NAME + "': trace '" + trace.id() + "' has "
                    + trace.size() + " steps (one prompt each) but /v1/completions returned " + choices.size()
                    + " choices");
        }
        choices.sort(Comparator.comparingInt(CompletionResponse.Choice::index));
        double[] out = new double[prompts.size()];
        for (int i = 0; i < out.length; i++) {
            CompletionResponse.Choice c = choices.get(i);
            if (c.index() != i) {
                throw new VeristepException.NonRetriable("scorer '" + NAME + "': trace '" + trace.id()
                        + "': choice indices are not 0.." + (out.length - 1));
            }
            if (c.logprobs() == null
                    || c.logprobs().topLogprobs() == null
                    || c.logprobs().topLogprobs().isEmpty()
                    || c.logprobs().topLogprobs().get(0) == null) {
                throw new VeristepException.NonRetriable("scorer '" + NAME + "': trace '" + trace.id() + "' step " + i
                        + ": the response has no top_logprobs for the position after the tag");
            }
            Map<String, Double> top = c.logprobs().topLogprobs().get(0);
            double lpPlus = candidate(top, plus, trace, i);
            double lpMinus = candidate(top, minus, trace, i);
            // e^a / (e^a + e^b) = 1 / (1 + e^(b - a)), which neither overflows nor loses precision.
            out[i] = 1.0 / (1.0 + Math.exp(lpMinus - lpPlus));
        }
        return out;
    }

    /**
     * {@return the log-probability of the candidate token}: the key equal to {@code candidate}, else
     * the one key equal to it after removing a leading space or SentencePiece's "▁"
     */
    private double candidate(Map<String, Double> top, String candidate, Trace trace, int step) {
        Double exact = top.get(candidate);
        if (exact != null) return exact;
        Double found = null;
        String foundKey = null;
        for (Map.Entry<String, Double> e : top.entrySet()) {
            String k = e.getKey();
            String bare = k.startsWith("▁") ? k.substring(1) : k.startsWith(" ") ? k.substring(1) : null;
            if (candidate.equals(bare)) {
                if (found != null) {
                    throw new VeristepException.NonRetriable("scorer '" + NAME + "': trace '" + trace.id() + "' step "
                            + step + ": both '" + foundKey + "' and '" + k + "' match candidate '" + candidate
                            + "'; set the exact token with -O plus_token/minus_token");
                }
                found = e.getValue();
                foundKey = k;
            }
        }
        if (found == null) {
            throw new VeristepException.NonRetriable("scorer '" + NAME + "': trace '" + trace.id() + "' step " + step
                    + ": candidate '" + candidate + "' is not among the " + top.size()
                    + " top logprobs after the tag " + top.keySet() + "; raise -O top_logprobs or check the token");
        }
        return found;
    }

    /** Registers {@link MathShepherdScorer} as {@value #NAME}. */
    public static final class Provider implements StepScorerProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "Math-Shepherd-style PRM (steps tagged ' ки'): p(+) at each tag via /pooling or completion logprobs";
        }

        @Override
        public Map<String, String> options() {
            Map<String, String> o = new LinkedHashMap<>(ClientConfig.options("", "PRM"));
            o.put("mode", "pooling | logprobs (default pooling)");
            o.put("tag", "step tag appended to every step (default ' ки')");
            o.put("task", "pooling: task sent with each request (default token_classify; 'none' for older vLLM)");
            o.put("rows", "pooling: probabilities | logits (default probabilities)");
            o.put("positive_index", "pooling: index of p(+) in each row (default 0, for returned_token_ids [648,387])");
            o.put("plus_token", "logprobs: the '+' candidate as spelled in top_logprobs (default '+')");
            o.put("minus_token", "logprobs: the '-' candidate (default '-')");
            o.put("top_logprobs", "logprobs: alternatives asked for per position (default 20)");
            return o;
        }

        @Override
        public StepScorer create(ScorerOptions options) {
            String model = options.require(NAME, "model");
            Mode mode;
            String m = options.get("mode").orElse("pooling");
            try {
                mode = Mode.valueOf(m.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new VeristepException.NonRetriable(
                        "scorer '" + NAME + "': mode must be pooling or logprobs, got '" + m + "'");
            }
            String task = options.get("task").orElse("token_classify");
            boolean logits = PoolingRows.parseLogits(NAME, options.get("rows").orElse("probabilities"));
            int positive = options.getInt(NAME, "positive_index", 0);
            int k = options.getInt(NAME, "top_logprobs", 20);
            if (positive < 0 || k < 2) {
                throw new VeristepException.NonRetriable(
                        "scorer '" + NAME + "': positive_index must be >= 0 and top_logprobs >= 2");
            }
            ClientConfig config = ClientConfig.fromOptions(NAME, options, "");
            return new MathShepherdScorer(
                    new OpenAiClient(config),
                    model,
                    mode,
                    options.get("tag").orElse(DEFAULT_TAG),
                    task.equals("none") ? null : task,
                    positive,
                    logits,
                    options.get("plus_token").orElse("+"),
                    options.get("minus_token").orElse("-"),
                    k);
        }
    }
}
