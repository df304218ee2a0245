package org.veristep.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A vLLM {@code POST /pooling} request for a reward model.
 *
 * @param model model name
 * @param input the fully templated text (chat template already applied)
 * @param task the pooling task, e.g. {@code token_classify}; null for servers that predate tasks
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PoolingRequest(String model, String input, String task) {
    public PoolingRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(input, "input");
    }
}
