package org.veristep.openai;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The response of {@code POST /v1/chat/completions}.
 *
 * @param id server-assigned id
 * @param model the model that answered
 * @param choices one per sample
 * @param usage token counts, or null
 */
public record ChatResponse(String id, String model, List<Choice> choices, Usage usage) implements ReportsUsage {
    public ChatResponse {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /**
     * One sample.
     *
     * @param index sample number
     * @param message the assistant's message
     * @param finishReason {@code stop}, {@code length}, ...
     * @param logprobs per generated token, when asked for
     */
    public record Choice(
            int index,
            ChatMessage message,
            @JsonProperty("finish_reason") String finishReason,
            Logprobs logprobs) {}

    /** @param content one entry per generated token */
    public record Logprobs(List<TokenLogprob> content) {}

    /**
     * @param token the token's text
     * @param logprob its natural-log probability
     * @param topLogprobs the most likely alternatives at this position
     */
    public record TokenLogprob(
            String token,
            double logprob,
            @JsonProperty("top_logprobs") List<TopLogprob> topLogprobs) {}

    /**
     * @param token an alternative token's text
     * @param logprob its natural-log probability
     */
    public record TopLogprob(String token, double logprob) {}
}
