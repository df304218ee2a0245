package org.veristep.openai.prm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.veristep.json.Json;
import org.veristep.openai.LoopbackServer;

/** Response bodies as vLLM's OpenAI-compatible server writes them (field for field). */
final class Wire {
    private Wire() {}

    /** {@code /pooling}: one item whose data is {@code rows}. */
    static LoopbackServer.Respond pooling(String model, double[][] rows, int promptTokens) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("id", "pool-8f2c1e0b6a4d4c1f");
        o.put("object", "list");
        o.put("created", 1764400000);
        o.put("model", model);
        ArrayNode data = o.putArray("data");
        ObjectNode item = data.addObject();
        item.put("index", 0);
        item.put("object", "pooling");
        ArrayNode m = item.putArray("data");
        for (double[] row : rows) {
            ArrayNode r = m.addArray();
            for (double v : row) r.add(v);
        }
        ObjectNode usage = o.putObject("usage");
        usage.put("prompt_tokens", promptTokens);
        usage.put("total_tokens", promptTokens);
        usage.put("completion_tokens", 0);
        usage.putNull("prompt_tokens_details");
        return LoopbackServer.json(o.toString());
    }

    /** {@code GET /v1/models} as vLLM lists its served models. */
    static LoopbackServer.Respond models(String... ids) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("object", "list");
        ArrayNode data = o.putArray("data");
        for (String id : ids) {
            ObjectNode m = data.addObject();
            m.put("id", id);
            m.put("object", "model");
            m.put("created", 1764400000);
            m.put("owned_by", "vllm");
            m.put("root", id);
            m.putNull("parent");
            m.put("max_model_len", 4096);
            m.putArray("permission");
        }
        return LoopbackServer.json(o.toString());
    }

    /** {@code /v1/completions} with one generated token per prompt and its top logprobs. */
    static LoopbackServer.Respond completionsTop(String model, List<Map<String, Double>> topPerPrompt) {
        ObjectNode o = completionShell(model);
        ArrayNode choices = o.putArray("choices");
        for (int i = 0; i < topPerPrompt.size(); i++) {
            Map<String, Double> top = topPerPrompt.get(i);
            String best = top.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .orElseThrow()
                    .getKey();
            ObjectNode c = choices.addObject();
            c.put("index", i);
            c.put("text", best);
            ObjectNode lp = c.putObject("logprobs");
            lp.putArray("text_offset").add(0);
            lp.putArray("token_logprobs").add(top.get(best));
            lp.putArray("tokens").add(best);
            ObjectNode t = lp.putArray("top_logprobs").addObject();
            top.forEach(t::put);
            c.put("finish_reason", "length");
            c.putNull("stop_reason");
            c.putNull("prompt_logprobs");
        }
        usage(o, 10 * topPerPrompt.size(), topPerPrompt.size());
        return LoopbackServer.json(o.toString());
    }

    /** {@code /v1/completions} with {@code echo}: the prompt's tokens, their logprobs and offsets. */
    static LoopbackServer.Respond completionsEcho(
            String model, String text, List<String> tokens, List<Double> logprobs, List<Integer> offsets) {
        ObjectNode o = completionShell(model);
        ObjectNode c = o.putArray("choices").addObject();
        c.put("index", 0);
        c.put("text", text);
        ObjectNode lp = c.putObject("logprobs");
        ArrayNode off = lp.putArray("text_offset");
        offsets.forEach(off::add);
        ArrayNode tl = lp.putArray("token_logprobs");
        for (Double d : logprobs) {
            if (d == null) tl.addNull();
            else tl.add(d);
        }
        ArrayNode tk = lp.putArray("tokens");
        tokens.forEach(tk::add);
        ArrayNode top = lp.putArray("top_logprobs");
        for (int i = 0; i < tokens.size(); i++) top.addNull();
        c.put("finish_reason", "length");
        c.putNull("stop_reason");
        c.putNull("prompt_logprobs");
        usage(o, tokens.size() - 1, 1);
        return LoopbackServer.json(o.toString());
    }

    /** {@code /v1/chat/completions} with one choice per content. */
    static LoopbackServer.Respond chat(String model, List<String> contents) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("id", "chatcmpl-3b1f0c9e2d7a4e55");
        o.put("object", "chat.completion");
        o.put("created", 1764400000);
        o.put("model", model);
        ArrayNode choices = o.putArray("choices");
        for (int i = 0; i < contents.size(); i++) {
            ObjectNode c = choices.addObject();
            c.put("index", i);
            ObjectNode m = c.putObject("message");
            m.put("role", "assistant");
            m.putNull("reasoning_content");
            m.put("content", contents.get(i));
            m.putArray("tool_calls");
            c.putNull("logprobs");
            c.put("finish_reason", "stop");
            c.putNull("stop_reason");
        }
        usage(o, 200, 50 * contents.size());
        return LoopbackServer.json(o.toString());
    }

    private static ObjectNode completionShell(String model) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("id", "cmpl-5e0d4b7a91c34f08");
        o.put("object", "text_completion");
        o.put("created", 1764400000);
        o.put("model", model);
        return o;
    }

    private static void usage(ObjectNode o, int prompt, int completion) {
        ObjectNode u = o.putObject("usage");
        u.put("prompt_tokens", prompt);
        u.put("total_tokens", prompt + completion);
        u.put("completion_tokens", completion);
        u.putNull("prompt_tokens_details");
    }
}
