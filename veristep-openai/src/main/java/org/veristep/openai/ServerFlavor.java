package org.veristep.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.veristep.VeristepException;

/**
 * What kind of OpenAI-compatible server is on the other end, and so which request fields it
 * accepts. A request carrying a field the server does not support is rejected before it is sent,
 * with a message listing the supported fields (it is never silently dropped).
 */
public enum ServerFlavor {
    /** vLLM's OpenAI-compatible server: the OpenAI fields plus {@code top_k}, {@code prompt_logprobs}, {@code /pooling}. */
    VLLM(Map.of(
            "v1/completions",
                    Set.of(
                            "model",
                            "prompt",
                            "n",
                            "temperature",
                            "top_p",
                            "top_k",
                            "max_tokens",
                            "stop",
                            "seed",
                            "logprobs",
                            "echo",
                            "prompt_logprobs"),
            "v1/chat/completions",
                    Set.of(
                            "model",
                            "messages",
                            "n",
                            "temperature",
                            "top_p",
                            "top_k",
                            "max_tokens",
                            "stop",
                            "seed",
                            "logprobs",
                            "top_logprobs"),
            "pooling", Set.of("model", "input", "task"),
            "v1/models", Set.of())),
    /** A hosted OpenAI-style API: no {@code top_k}, no {@code prompt_logprobs}, no {@code /pooling}. */
    OPENAI(Map.of(
            "v1/completions",
                    Set.of(
                            "model",
                            "prompt",
                            "n",
                            "temperature",
                            "top_p",
                            "max_tokens",
                            "stop",
                            "seed",
                            "logprobs",
                            "echo"),
            "v1/chat/completions",
                    Set.of(
                            "model",
                            "messages",
                            "n",
                            "temperature",
                            "top_p",
                            "max_tokens",
                            "stop",
                            "seed",
                            "logprobs",
                            "top_logprobs"),
            "v1/models", Set.of()));

    private final Map<String, Set<String>> fieldsByPath;

    ServerFlavor(Map<String, Set<String>> fieldsByPath) {
        this.fieldsByPath = fieldsByPath;
    }

    /**
     * {@return the flavour named {@code name} ({@code vllm} or {@code openai}, any case)}
     *
     * @throws VeristepException.NonRetriable for any other name, listing the known ones
     */
    public static ServerFlavor parse(String name) {
        for (ServerFlavor f : values()) {
            if (f.name().equalsIgnoreCase(name)) return f;
        }
        throw new VeristepException.NonRetriable("unknown server flavour '" + name + "'; supported: vllm, openai");
    }

    /**
     * Checks that the server supports {@code path} and every field set in {@code body}.
     *
     * @param path the endpoint path without leading slash, e.g. {@code v1/completions}
     * @param body the request body as it will be sent (null fields already left out)
     * @throws VeristepException.NonRetriable naming the unsupported endpoint or fields and listing the
     *     supported ones
     */
    public void check(String path, ObjectNode body) {
        Set<String> supported = fieldsByPath.get(path);
        if (supported == null) {
            throw new VeristepException.NonRetriable("a " + label() + " server has no /" + path
                    + " endpoint; it supports: /" + String.join(", /", new TreeSet<>(fieldsByPath.keySet())));
        }
        if (body == null) return;
        List<String> unsupported = new ArrayList<>();
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!supported.contains(f)) unsupported.add(f);
        }
        if (!unsupported.isEmpty()) {
            throw new VeristepException.NonRetriable("/" + path + " on a " + label()
                    + " server does not support " + String.join(", ", unsupported) + "; supported parameters: "
                    + String.join(", ", new TreeSet<>(supported)));
        }
    }

    private String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
