package org.veristep.openai.prm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.veristep.openai.LoopbackServer.Reply;
import org.veristep.openai.LoopbackServer.Request;
import org.veristep.trace.Trace;

/**
 * {@code implicit} against one completions server serving two models (policy and reference) with
 * echo + logprobs. The test tokenizer makes a token of every run of non-space characters with the
 * spaces before it; the policy gives every token log-probability −0.5 except those containing "54"
 * (−3.0); the reference gives −0.75. With β = 0.5 a step's reward is 0.5 · Σ (lp_pol − lp_ref) over
 * the tokens starting in it, and its score σ(reward).
 */
class ImplicitContractIT extends AbstractHttpScorerContract {
    static final String POLICY = "PRIME-RL/Eurus-2-7B-PRIME";
    static final String REF = "PRIME-RL/Eurus-2-7B-SFT";
    static final Pattern TOKEN = Pattern.compile("\\s*\\S+|\\s+");

    @Override
    String scorerName() {
        return "implicit";
    }

    @Override
    int requestsPerTrace() {
        return 2;
    }

    @Override
    int endpoints() {
        return 2;
    }

    @Override
    Map<String, String> scorerOptions(String url) {
        Map<String, String> o = client("", url);
        o.putAll(client("ref_", url));
        o.put("model", POLICY);
        o.put("ref_model", REF);
        o.put("beta", "0.5");
        return o;
    }

    record Tokens(List<String> tokens, List<Integer> offsets) {}

    /** The test tokenizer; offsets in code points, as Python counts them. */
    static Tokens tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
            offsets.add(text.codePointCount(0, m.start()));
        }
        return new Tokens(tokens, offsets);
    }

    static double lp(String model, String token) {
        if (model.equals(REF)) return -0.75;
        return token.contains("54") ? -3.0 : -0.5;
    }

    private static Reply reply(Request r, int drop) {
        JsonNode j = r.json();
        if (!r.path().equals("/v1/completions")
                || !j.path("echo").asBoolean()
                || j.path("logprobs").asInt(-1) != 0
                || j.path("max_tokens").asInt() != 1) {
            throw new IllegalStateException("unexpected request " + r.body());
        }
        String model = j.path("model").asText();
        String prompt = j.path("prompt").get(0).asText();
        Tokens t = tokenize(prompt);
        List<String> tokens =
                new ArrayList<>(t.tokens().subList(drop, t.tokens().size()));
        List<Integer> offsets =
                new ArrayList<>(t.offsets().subList(drop, t.offsets().size()));
        List<Double> lps = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) lps.add(i == 0 ? null : lp(model, tokens.get(i)));
        tokens.add("<|im_end|>");
        offsets.add(prompt.codePointCount(0, prompt.length()));
        lps.add(-0.01);
        return Wire.completionsEcho(model, prompt + "<|im_end|>", tokens, lps, offsets);
    }

    @Override
    Reply answer(Request r) {
        return reply(r, 0);
    }

    @Override
    Reply wrongAnswer(Request r) {
        // The policy server tokenises differently from the reference (drops its first token).
        return reply(r, r.json().path("model").asText().equals(POLICY) ? 1 : 0);
    }

    @Override
    double[] expected(Trace t) {
        // Independent of the scorer's layout code: find each step in the text by searching for it.
        String prefix = ImplicitPrmScorer.DEFAULT_TEMPLATE.replace(
                "{problem}", t.problem().text());
        String text = prefix + String.join("\n\n", t.stepTexts());
        int[] start = new int[t.size()];
        int from = prefix.length();
        for (int i = 0; i < t.size(); i++) {
            start[i] = text.indexOf(t.stepTexts().get(i), from);
            from = start[i] + t.stepTexts().get(i).length();
        }
        double[] sum = new double[t.size()];
        Tokens tokens = tokenize(text);
        for (int k = 0; k < tokens.tokens().size(); k++) {
            int off = tokens.offsets().get(k);
            int step = -1;
            for (int i = 0; i < t.size(); i++) if (off >= start[i]) step = i;
            if (step < 0) continue;
            String tok = tokens.tokens().get(k);
            sum[step] += lp(POLICY, tok) - lp(REF, tok);
        }
        double[] e = new double[t.size()];
        for (int i = 0; i < e.length; i++) e[i] = 1 / (1 + Math.exp(-0.5 * sum[i]));
        return e;
    }
}
