package org.veristep.openai;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The response of {@code POST /v1/completions}.
 *
 * @param id server-assigned id
 * @param model the model that answered
 * @param choices one per (prompt, sample), see {@link CompletionRequest#prompt()}
 * @param usage token counts, or null when the server gives none
 */
public record CompletionResponse(String id, String model, List<Choice> choices, Usage usage) implements ReportsUsage {
    public CompletionResponse {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /**
     * One generated sample.
     *
     * @param index position in {@code choices} order as numbered by the server
     * @param text the generated text (with {@code echo}, the prompt followed by it)
     * @param finishReason {@code stop}, {@code length}, ...
     * @param logprobs per-token log-probabilities when asked for, else null
     * @param promptLogprobs vLLM {@code prompt_logprobs}: per prompt token (the first is null), the
     *     map token id → {@link PromptLogprob}; null unless asked for
     */
    public record Choice(
            int index,
            String text,
            @JsonProperty("finish_reason") String finishReason,
            Logprobs logprobs,
            @JsonProperty("prompt_logprobs") List<Map<String, PromptLogprob>> promptLogprobs) {}

    /**
     * Legacy completions log-probabilities; the four lists are indexed by token position.
     *
     * @param tokens the token strings
     * @param tokenLogprobs natural-log probability of each token (null for the first echoed prompt
     *     token, which has no context)
     * @param topLogprobs per position, the most likely tokens → their log-probabilities (null where
     *     the server gives none)
     * @param textOffset character offset of each token in {@link Choice#text()}
     */
    public record Logprobs(
            List<String> tokens,
            @JsonProperty("token_logprobs") List<Double> tokenLogprobs,
            @JsonProperty("top_logprobs") List<Map<String, Double>> topLogprobs,
            @JsonProperty("text_offset") List<Integer> textOffset) {}

    /**
     * One entry of vLLM's {@code prompt_logprobs}.
     *
     * @param logprob natural-log probability
     * @param rank rank among the vocabulary (1 = most likely)
     * @param decodedToken the token's text
     */
    public record PromptLogprob(
            double logprob,
            Integer rank,
            @JsonProperty("decoded_token") String decodedToken) {}
}
