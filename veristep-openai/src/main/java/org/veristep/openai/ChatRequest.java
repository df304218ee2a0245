package org.veristep.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * A {@code POST /v1/chat/completions} request. Null fields are left out (server default).
 *
 * @param model model name
 * @param messages the conversation, oldest first
 * @param n samples, ≥ 1
 * @param temperature sampling temperature, ≥ 0
 * @param topP nucleus mass in (0, 1]
 * @param topK vLLM only: keep the k most likely tokens
 * @param maxTokens tokens to generate per sample
 * @param stop stop strings
 * @param seed sampling seed
 * @param logprobs return the log-probability of each generated token
 * @param topLogprobs with {@code logprobs}, this many alternatives per position (0..20)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatRequest(
        String model,
        List<ChatMessage> messages,
        Integer n,
        Double temperature,
        @JsonProperty("top_p") Double topP,
        @JsonProperty("top_k") Integer topK,
        @JsonProperty("max_tokens") Integer maxTokens,
        List<String> stop,
        Long seed,
        Boolean logprobs,
        @JsonProperty("top_logprobs") Integer topLogprobs) {
    public ChatRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) throw new IllegalArgumentException("a chat request needs at least one message");
        if (n != null && n < 1) throw new IllegalArgumentException("n must be >= 1, got " + n);
        if (stop != null) stop = List.copyOf(stop);
    }

    /** {@return a request with the given messages, sampled as {@code s} says} */
    public static ChatRequest of(String model, List<ChatMessage> messages, Sampling s) {
        return new ChatRequest(
                model,
                messages,
                s.n(),
                s.temperature(),
                s.topP(),
                s.topK(),
                s.maxTokens(),
                s.stop(),
                s.seed(),
                null,
                null);
    }
}
