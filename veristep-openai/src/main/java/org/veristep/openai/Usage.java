package org.veristep.openai;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Token counts the server reports for one request.
 *
 * @param promptTokens tokens in the prompt(s)
 * @param completionTokens tokens generated (0 for /pooling)
 * @param totalTokens their sum
 */
public record Usage(
        @JsonProperty("prompt_tokens") Integer promptTokens,
        @JsonProperty("completion_tokens") Integer completionTokens,
        @JsonProperty("total_tokens") Integer totalTokens) {}
