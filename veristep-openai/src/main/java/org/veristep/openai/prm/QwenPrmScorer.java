package org.veristep.openai.prm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.veristep.VeristepException;
import org.veristep.openai.ClientConfig;
import org.veristep.openai.OpenAiClient;
import org.veristep.openai.PoolingRequest;
import org.veristep.openai.PoolingResponse;
import org.veristep.score.ScorerOptions;
import org.veristep.score.StepScorer;
import org.veristep.score.StepScorerProvider;
import org.veristep.trace.Trace;

/**
 * Qwen2.5-Math-PRM-7B/72B (and Qwen2.5-Math-7B-PRM800K) served by vLLM, through {@code /pooling}.
 *
 * <p>Input (the model card's format, Qwen2.5 chat template with {@code add_generation_prompt=False}):
 *
 * <pre>
 * &lt;|im_start|&gt;system\n{system}&lt;|im_end|&gt;\n&lt;|im_start|&gt;user\n{problem}&lt;|im_end|&gt;\n
 * &lt;|im_start|&gt;assistant\n{step_0}&lt;extra_0&gt;{step_1}&lt;extra_0&gt;...{step_n-1}&lt;extra_0&gt;&lt;|im_end|&gt;\n
 * </pre>
 *
 * (the steps joined with {@code <extra_0>} plus a trailing {@code <extra_0>}, token id 151651; the
 * default system prompt is "Please reason step by step, and put your final answer within
 * \boxed{}."). The server returns one row per {@code <extra_0>} (STEP pooling), each {@code [p_neg,
 * p_pos]}; the step reward is {@code p_pos} (the softmax of the two logits at index 1). A trace whose
 * step text already contains the tag, or a response with a different number of rows than steps,
 * fails loudly.
 */
public final class QwenPrmScorer extends HttpStepScorer {
    public static final String NAME = "qwen-prm";
    public static final String DEFAULT_SYSTEM =
            "Please reason step by step, and put your final answer within \\boxed{}.";
    public static final String STEP_TAG = "<extra_0>";

    private final OpenAiClient client;
    private final String model;
    private final String system;
    private final String task;
    private final PoolingRows rows;

    /**
     * @param client the PRM server's client; owned and closed by this scorer
     * @param model the PRM's model name
     * @param system the system prompt of the template
     * @param task the pooling task sent ({@code token_classify}), or null to send none (older vLLM)
     * @param logits whether the returned rows are logits (softmax applied here) rather than probabilities
     */
    public QwenPrmScorer(OpenAiClient client, String model, String system, String task, boolean logits) {
        super(NAME, List.of(client));
        this.client = client;
        this.model = model;
        this.system = system;
        this.task = task;
        this.rows = new PoolingRows(1, logits);
    }

    /** {@return the exact text sent to the server for {@code trace}} */
    public String input(Trace trace) {
        return input(system, trace);
    }

    /**
     * {@return the model card's input for {@code trace} with system prompt {@code system}}
     *
     * @throws VeristepException.NonRetriable when a step contains the step tag
     */
    public static String input(String system, Trace trace) {
        StringBuilder b = new StringBuilder();
        b.append("<|im_start|>system\n").append(system).append("<|im_end|>\n");
        b.append("<|im_start|>user\n").append(trace.problem().text()).append("<|im_end|>\n");
        b.append("<|im_start|>assistant\n");
        for (String step : trace.stepTexts()) {
            if (step.contains(STEP_TAG)) {
                throw new VeristepException.NonRetriable("scorer '" + NAME + "': trace '" + trace.id()
                        + "' has a step containing the step tag " + STEP_TAG + ", which would shift every score");
            }
            b.append(step).append(STEP_TAG);
        }
        return b.append("<|im_end|>\n").toString();
    }

    @Override
    List<Map.Entry<OpenAiClient, String>> servedModels() {
        return List.of(Map.entry(client, model));
    }

    @Override
    double[] scoreOne(Trace trace) {
        PoolingResponse r = client.pooling(new PoolingRequest(model, input(trace), task));
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

    /** Registers {@link QwenPrmScorer} as {@value #NAME}. */
    public static final class Provider implements StepScorerProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "Qwen2.5-Math-PRM through vLLM /pooling: p(positive) at each <extra_0>";
        }

        @Override
        public Map<String, String> options() {
            Map<String, String> o = new LinkedHashMap<>(ClientConfig.options("", "PRM"));
            o.put("system", "system prompt (default: the model card's \"Please reason step by step, ...\")");
            o.put("task", "pooling task sent with each request (default token_classify; 'none' for older vLLM)");
            o.put("rows", "probabilities | logits: what the returned rows hold (default probabilities)");
            return o;
        }

        @Override
        public StepScorer create(ScorerOptions options) {
            String task = options.get("task").orElse("token_classify");
            String model = options.require(NAME, "model");
            boolean logits = PoolingRows.parseLogits(NAME, options.get("rows").orElse("probabilities"));
            ClientConfig config = ClientConfig.fromOptions(NAME, options, "");
            return new QwenPrmScorer(
                    new OpenAiClient(config),
                    model,
                    options.get("system").orElse(DEFAULT_SYSTEM),
                    task.equals("none") ? null : task,
                    logits);
        }
    }
}
