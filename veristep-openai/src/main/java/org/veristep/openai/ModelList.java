package org.veristep.openai;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The response of {@code GET /v1/models}.
 *
 * @param data the served models
 */
public record ModelList(List<Model> data) {
    public ModelList {
        data = data == null ? List.of() : List.copyOf(data);
    }

    /**
     * @param id the name to put in requests' {@code model}
     * @param ownedBy owner as reported
     * @param maxModelLen vLLM: context length in tokens, or null
     */
    public record Model(
            String id,
            @JsonProperty("owned_by") String ownedBy,
            @JsonProperty("max_model_len") Integer maxModelLen) {}

    /** {@return the ids of the served models} */
    public List<String> ids() {
        return data.stream().map(Model::id).toList();
    }
}
