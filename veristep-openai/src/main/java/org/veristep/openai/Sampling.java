package org.veristep.openai;

import java.util.List;
import org.veristep.VeristepException;
import org.veristep.score.ScorerOptions;

/**
 * Sampling parameters shared by completions and chat requests; a null field leaves the server's
 * default.
 *
 * @param n samples per prompt, ≥ 1
 * @param temperature ≥ 0 (0 = greedy)
 * @param topP in (0, 1]
 * @param topK vLLM only; -1 or ≥ 1
 * @param maxTokens ≥ 1
 * @param stop stop strings
 * @param seed sampling seed
 */
public record Sampling(
        Integer n, Double temperature, Double topP, Integer topK, Integer maxTokens, List<String> stop, Long seed) {
    public Sampling {
        if (n != null && n < 1) throw new IllegalArgumentException("n must be >= 1, got " + n);
        if (temperature != null && !(temperature >= 0))
            throw new IllegalArgumentException("temperature must be >= 0, got " + temperature);
        if (topP != null && !(topP > 0 && topP <= 1))
            throw new IllegalArgumentException("top_p must be in (0, 1], got " + topP);
        if (topK != null && topK != -1 && topK < 1)
            throw new IllegalArgumentException("top_k must be -1 or >= 1, got " + topK);
        if (maxTokens != null && maxTokens < 1)
            throw new IllegalArgumentException("max_tokens must be >= 1, got " + maxTokens);
        if (stop != null) stop = List.copyOf(stop);
    }

    /** The option names {@link #fromOptions} reads, with their meaning. */
    public static final List<String> OPTION_NAMES =
            List.of("temperature", "top_p", "top_k", "max_tokens", "stop", "seed");

    /** {@return no field set: every value is the server's default} */
    public static Sampling serverDefaults() {
        return new Sampling(null, null, null, null, null, null, null);
    }

    /**
     * Reads {@code temperature, top_p, top_k, max_tokens, stop, seed} from scorer options; {@code stop}
     * is one stop string in which {@code \n} stands for a newline.
     *
     * @param defaults values used where an option is absent
     * @throws VeristepException.NonRetriable when a value is not a number or out of range
     */
    public static Sampling fromOptions(String scorer, ScorerOptions o, Sampling defaults) {
        try {
            String stop = o.get("stop").orElse(null);
            return new Sampling(
                    defaults.n(),
                    o.get("temperature").isPresent()
                            ? Double.valueOf(o.getDouble(scorer, "temperature", 0))
                            : defaults.temperature(),
                    o.get("top_p").isPresent() ? Double.valueOf(o.getDouble(scorer, "top_p", 1)) : defaults.topP(),
                    o.get("top_k").isPresent() ? Integer.valueOf(o.getInt(scorer, "top_k", -1)) : defaults.topK(),
                    o.get("max_tokens").isPresent()
                            ? Integer.valueOf(o.getInt(scorer, "max_tokens", 1))
                            : defaults.maxTokens(),
                    stop != null ? List.of(stop.replace("\\n", "\n")) : defaults.stop(),
                    o.get("seed").isPresent()
                            ? Long.valueOf(seed(scorer, o.get("seed").get()))
                            : defaults.seed());
        } catch (IllegalArgumentException e) {
            throw new VeristepException.NonRetriable("scorer '" + scorer + "': " + e.getMessage(), e);
        }
    }

    private static long seed(String scorer, String v) {
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new VeristepException.NonRetriable(
                    "scorer '" + scorer + "': option 'seed' must be an integer, got '" + v + "'");
        }
    }

    /** {@return these parameters with {@code n} samples} */
    public Sampling withN(int samples) {
        return new Sampling(samples, temperature, topP, topK, maxTokens, stop, seed);
    }
}
