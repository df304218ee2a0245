package org.veristep.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * A {@code POST /v1/completions} request (OpenAI legacy completions, as served by vLLM). Null fields
 * are left out of the JSON, so the server's default applies. vLLM-only fields ({@code top_k}, {@code
 * prompt_logprobs}) are rejected by {@link OpenAiClient} when the server flavour is {@link
 * ServerFlavor#OPENAI}.
 *
 * @param model model name as listed by {@code /v1/models}
 * @param prompt one or more prompts; with {@code n} samples each, choice {@code i*n + j} is sample
 *     {@code j} of prompt {@code i}
 * @param n samples per prompt, ≥ 1
 * @param temperature sampling temperature, ≥ 0 (0 = greedy)
 * @param topP nucleus mass in (0, 1]
 * @param topK vLLM: keep the k most likely tokens (-1 = all)
 * @param maxTokens tokens to generate per sample, ≥ 0
 * @param stop stop strings
 * @param seed sampling seed
 * @param logprobs return the log-probability of each token and of the {@code logprobs} most likely
 *     alternatives at each position (0 = the chosen token only)
 * @param echo return the prompt's tokens (and, with {@code logprobs}, their log-probabilities) before
 *     the generated ones
 * @param promptLogprobs vLLM: return the log-probabilities of the prompt tokens and this many
 *     alternatives
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompletionRequest(
        String model,
        List<String> prompt,
        Integer n,
        Double temperature,
        @JsonProperty("top_p") Double topP,
        @JsonProperty("top_k") Integer topK,
        @JsonProperty("max_tokens") Integer maxTokens,
        List<String> stop,
        Long seed,
        Integer logprobs,
        Boolean echo,
        @JsonProperty("prompt_logprobs") Integer promptLogprobs) {
    public CompletionRequest {
        Objects.requireNonNull(model, "model");
        prompt = List.copyOf(prompt);
        if (prompt.isEmpty()) throw new IllegalArgumentException("a completion request needs at least one prompt");
        if (n != null && n < 1) throw new IllegalArgumentException("n must be >= 1, got " + n);
        if (maxTokens != null && maxTokens < 0)
            throw new IllegalArgumentException("max_tokens must be >= 0, got " + maxTokens);
        if (stop != null) stop = List.copyOf(stop);
    }

    /** {@return a request for the given prompts with every other field left to the server} */
    public static CompletionRequest of(String model, List<String> prompts) {
        return new CompletionRequest(model, prompts, null, null, null, null, null, null, null, null, null, null);
    }

    /** {@return this request with the sampling fields of {@code s} (null fields of s keep this request's)} */
    public CompletionRequest withSampling(Sampling s) {
        return new CompletionRequest(
                model,
                prompt,
                s.n() != null ? s.n() : n,
                s.temperature() != null ? s.temperature() : temperature,
                s.topP() != null ? s.topP() : topP,
                s.topK() != null ? s.topK() : topK,
                s.maxTokens() != null ? s.maxTokens() : maxTokens,
                s.stop() != null ? s.stop() : stop,
                s.seed() != null ? s.seed() : seed,
                logprobs,
                echo,
                promptLogprobs);
    }

    /** {@return this request asking for {@code k} top log-probabilities per token, and echo as given} */
    public CompletionRequest withLogprobs(Integer k, Boolean echoPrompt, Integer maxTokensToGenerate) {
        return new CompletionRequest(
                model,
                prompt,
                n,
                temperature,
                topP,
                topK,
                maxTokensToGenerate,
                stop,
                seed,
                k,
                echoPrompt,
                promptLogprobs);
    }
}
