package org.veristep.openai.prm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.veristep.VeristepException;
import org.veristep.openai.ClientConfig;
import org.veristep.openai.CompletionRequest;
import org.veristep.openai.CompletionResponse;
import org.veristep.openai.OpenAiClient;
import org.veristep.score.ScorerOptions;
import org.veristep.score.StepScorer;
import org.veristep.score.StepScorerProvider;
import org.veristep.trace.Trace;

/**
 * PRIME's implicit process reward (Yuan et al. 2024, "Free Process Rewards without Process Labels";
 * Cui et al. 2025, PRIME): with a policy π_φ trained as an implicit PRM and its reference model
 * π_ref, each token's reward is q_t = log π_φ(y_t | y_&lt;t) − log π_ref(y_t | y_&lt;t), and a step's
 * reward is r_i = β · Σ q_t over the step's tokens.
 *
 * <p>Both models score the same text through {@code /v1/completions} with {@code echo: true, logprobs:
 * 0, max_tokens: 1, temperature: 0}: the prompt's tokens come back with their log-probabilities and
 * character offsets. The text is {@code prefix + step_0 + separator + step_1 + ... + step_n-1}, where
 * the prefix is the template with {@code {problem}} filled in (default: the Qwen2.5 chat template,
 * as the PRIME models use). A token belongs to the step in whose span (the step's text and the
 * separator after it) it starts; prefix tokens and the generated token are ignored. The two servers
 * must return the same tokens (same tokenizer), else the trace fails; so does a token whose text is
 * not what the prompt holds at its offset (a character split across tokens shifts the offsets), and
 * a non-empty step in which no token starts (its reward would silently be 0).
 *
 * <p>Mapping into [0, 1] (our rule; PRIME uses r_i unbounded): score_i = σ(r_i) = 1 / (1 + e^(−r_i)),
 * so a step the policy likes exactly as much as the reference scores 0.5, and the order of steps by
 * reward is kept. β defaults to 0.05, PRIME's training value.
 */
public final class ImplicitPrmScorer extends HttpStepScorer {
    public static final String NAME = "implicit";
    public static final String DEFAULT_TEMPLATE = "<|im_start|>system\nPlease reason step by step, and put your final"
            + " answer within \\boxed{}.<|im_end|>\n<|im_start|>user\n{problem}<|im_end|>\n<|im_start|>assistant\n";

    private final OpenAiClient policy;
    private final String policyModel;
    private final OpenAiClient reference;
    private final String referenceModel;
    private final double beta;
    private final String template;
    private final String separator;

    /**
     * @param policy client of the server with the policy (the implicit PRM); owned and closed here
     * @param policyModel its model name
     * @param reference client of the server with the reference model (may be the same server);
     *     owned and closed here
     * @param referenceModel its model name
     * @param beta the β multiplying the log-ratio, &gt; 0
     * @param template the text before the steps, containing {@code {problem}}
     * @param separator the text between two steps
     */
    public ImplicitPrmScorer(
            OpenAiClient policy,
            String policyModel,
            OpenAiClient reference,
            String referenceModel,
            double beta,
            String template,
            String separator) {
        super(NAME, List.of(policy, reference));
        if (!(beta > 0)) throw new IllegalArgumentException("beta must be > 0");
        if (!template.contains("{problem}")) throw new IllegalArgumentException("template must contain {problem}");
        this.policy = policy;
        this.policyModel = policyModel;
        this.reference = reference;
        this.referenceModel = referenceModel;
        this.beta = beta;
        this.template = template;
        this.separator = separator;
    }

    /** The text sent, and where (in code points, as servers count) each step's span begins. */
    record Layout(String text, int[] stepStart, int length) {}

    /** {@return the text sent for {@code trace} and its step spans} */
    Layout layout(Trace trace) {
        int p = template.indexOf("{problem}");
        StringBuilder b = new StringBuilder(template.substring(0, p))
                .append(trace.problem().text())
                .append(template.substring(p + "{problem}".length()));
        List<String> steps = trace.stepTexts();
        int[] start = new int[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            if (i > 0) b.append(separator);
            start[i] = b.codePointCount(0, b.length());
            b.append(steps.get(i));
        }
        return new Layout(b.toString(), start, b.codePointCount(0, b.length()));
    }

    /** {@return the echoed prompt log-probabilities of {@code text} from one server} */
    private CompletionResponse.Logprobs logprobs(OpenAiClient client, String model, String text, Trace trace) {
        CompletionRequest req =
                new CompletionRequest(model, List.of(text), 1, 0.0, null, null, 1, null, null, 0, true, null);
        CompletionResponse r = client.completions(req);
        if (r.choices().size() != 1 || r.choices().get(0).logprobs() == null) {
            throw new VeristepException.NonRetriable("scorer '" + NAME + "': trace '" + trace.id() + "': "
                    + client.config().baseUrl() + " returned no echoed logprobs (does it support echo with logprobs?)");
        }
        CompletionResponse.Logprobs lp = r.choices().get(0).logprobs();
        if (lp.tokens() == null
                || lp.tokenLogprobs() == null
                || lp.textOffset() == null
                || lp.tokens().size() != lp.tokenLogprobs().size()
                || lp.tokens().size() != lp.textOffset().size()) {
            throw new VeristepException.NonRetriable("scorer '" + NAME + "': trace '" + trace.id() + "': "
                    + client.config().baseUrl() + " returned logprobs whose tokens, token_logprobs and text_offset"
                    + " differ in length");
        }
        return lp;
    }

    @Override
    List<Map.Entry<OpenAiClient, String>> servedModels() {
        return List.of(Map.entry(policy, policyModel), Map.entry(reference, referenceModel));
    }

    @Override
    double[] scoreOne(Trace trace) {
        int n = trace.size();
        if (n == 0) return new double[0];
        Layout layout = layout(trace);
        // The policy and the reference are asked at the same time (two servers, or two models on one).
        List<CompletionResponse.Logprobs> lps = concurrently(List.of(
                () -> logprobs(policy, policyModel, layout.text(), trace),
                () -> logprobs(reference, referenceModel, layout.text(), trace)));
        return scores(trace, layout, lps.get(0), lps.get(1));
    }

    /**
     * {@return σ(β Σ_{t in step i} (lp_policy(t) − lp_ref(t))) for each step i}
     *
     * @throws VeristepException.NonRetriable when the two token sequences differ, a step token has no
     *     log-probability, or a non-empty step gets no token
     */
    double[] scores(Trace trace, Layout layout, CompletionResponse.Logprobs pol, CompletionResponse.Logprobs ref) {
        if (!pol.tokens().equals(ref.tokens()) || !pol.textOffset().equals(ref.textOffset())) {
            throw new VeristepException.NonRetriable("scorer '" + NAME + "': trace '" + trace.id()
                    + "': the policy and reference servers tokenised the text differently ("
                    + pol.tokens().size()
                    + " vs " + ref.tokens().size() + " tokens); both models must share one tokenizer");
        }
        int n = trace.size();
        double[] sum = new double[n];
        int[] count = new int[n];
        int[] start = layout.stepStart();
        int[] text = layout.text().codePoints().toArray();
        int step = -1;
        for (int t = 0; t < pol.tokens().size(); t++) {
            int offset = pol.textOffset().get(t);
            if (offset >= layout.length()) break; // the generated token(s)
            if (!spells(text, offset, pol.tokens().get(t))) {
                throw new VeristepException.NonRetriable("scorer '" + NAME + "': trace '" + trace.id() + "': token " + t
                        + " '" + pol.tokens().get(t) + "' at offset " + offset + " does not match the text there"
                        + " (a character split across tokens?); refusing to guess which step it belongs to");
            }
            while (step + 1 < n && offset >= start[step + 1]) step++;
            if (step < 0) continue; // template and problem
            Double a = pol.tokenLogprobs().get(t);
            Double b = ref.tokenLogprobs().get(t);
            if (a == null || b == null) {
                throw new VeristepException.NonRetriable("scorer '" + NAME + "': trace '" + trace.id() + "': token " + t
                        + " of step " + step + " has no log-probability");
            }
            sum[step] += a - b;
            count[step]++;
        }
        double[] out = new double[n];
        List<String> steps = trace.stepTexts();
        for (int i = 0; i < n; i++) {
            if (count[i] == 0 && !steps.get(i).isEmpty()) {
                throw new VeristepException.NonRetriable("scorer '" + NAME + "': trace '" + trace.id() + "': no token"
                        + " starts in step " + i + " (the tokenizer merged it into a neighbour)");
            }
            out[i] = 1.0 / (1.0 + Math.exp(-beta * sum[i]));
        }
        return out;
    }

    /** {@return whether {@code token} is what {@code text} (code points) holds at {@code offset}} */
    private static boolean spells(int[] text, int offset, String token) {
        int i = offset;
        for (int cp : (Iterable<Integer>) token.codePoints()::iterator) {
            if (i < 0 || i >= text.length || text[i] != cp) return false;
            i++;
        }
        return true;
    }

    /** Registers {@link ImplicitPrmScorer} as {@value #NAME}. */
    public static final class Provider implements StepScorerProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "PRIME implicit PRM: sigmoid(beta * sum of log pi_policy - log pi_ref over each step's tokens)";
        }

        @Override
        public Map<String, String> options() {
            Map<String, String> o = new LinkedHashMap<>(ClientConfig.options("", "policy (implicit PRM)"));
            o.putAll(ClientConfig.options("ref_", "reference model"));
            o.put("beta", "beta multiplying the log-ratio (default 0.05, PRIME's)");
            o.put("template", "prompt before the steps, with {problem} (default: Qwen2.5 chat template)");
            o.put("separator", "text between steps (\\n for newline; default \\n\\n)");
            return o;
        }

        @Override
        public StepScorer create(ScorerOptions options) {
            String model = options.require(NAME, "model");
            String refModel = options.require(NAME, "ref_model");
            double beta = options.getDouble(NAME, "beta", 0.05);
            if (!(beta > 0)) throw new VeristepException.NonRetriable("scorer '" + NAME + "': beta must be > 0");
            String template =
                    options.get("template").map(s -> s.replace("\\n", "\n")).orElse(DEFAULT_TEMPLATE);
            if (!template.contains("{problem}")) {
                throw new VeristepException.NonRetriable("scorer '" + NAME + "': template must contain {problem}");
            }
            String separator = options.get("separator").orElse("\\n\\n").replace("\\n", "\n");
            ClientConfig pc = ClientConfig.fromOptions(NAME, options, "");
            ClientConfig rc = ClientConfig.fromOptions(NAME, options, "ref_");
            OpenAiClient p = new OpenAiClient(pc);
            try {
                return new ImplicitPrmScorer(p, model, new OpenAiClient(rc), refModel, beta, template, separator);
            } catch (RuntimeException e) {
                p.close();
                throw e;
            }
        }
    }
}
