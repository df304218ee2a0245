package org.veristep.openai.prm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.veristep.openai.LoopbackServer.Reply;
import org.veristep.openai.LoopbackServer.Request;
import org.veristep.trace.Trace;

/**
 * {@code math-shepherd} in logprobs mode against a {@code /v1/completions} server: one prompt per
 * step, each ending with that step's tag; this test model puts lp(+) = ln 0.5 and lp(−) = ln(0.1(k+1))
 * after the k-th tag, so p(+) = 0.5 / (0.5 + 0.1(k+1)).
 */
class MathShepherdLogprobsContractIT extends AbstractHttpScorerContract {
    static final String MODEL = "peiyi9979/math-shepherd-mistral-7b-prm";

    @Override
    String scorerName() {
        return "math-shepherd";
    }

    @Override
    Map<String, String> scorerOptions(String url) {
        Map<String, String> o = client("", url);
        o.put("model", MODEL);
        o.put("mode", "logprobs");
        o.put("top_logprobs", "5");
        return o;
    }

    private static List<Map<String, Double>> tops(Request r, int drop) {
        JsonNode j = r.json();
        if (!r.path().equals("/v1/completions")
                || j.path("max_tokens").asInt() != 1
                || j.path("logprobs").asInt() != 5
                || j.path("temperature").asDouble(-1) != 0) {
            throw new IllegalStateException("unexpected request " + r.body());
        }
        List<Map<String, Double>> out = new ArrayList<>();
        for (int k = 0; k < j.path("prompt").size() - drop; k++) {
            if (!j.path("prompt").get(k).asText().endsWith(" ки"))
                throw new IllegalStateException("prompt without tag");
            Map<String, Double> top = new LinkedHashMap<>();
            top.put("+", Math.log(0.5));
            top.put("-", Math.log(0.1 * (k + 1)));
            top.put("\n", Math.log(0.01));
            out.add(top);
        }
        return out;
    }

    @Override
    Reply answer(Request r) {
        return Wire.completionsTop(MODEL, tops(r, 0));
    }

    @Override
    Reply wrongAnswer(Request r) {
        return Wire.completionsTop(MODEL, tops(r, 1));
    }

    @Override
    double[] expected(Trace t) {
        double[] e = new double[t.size()];
        for (int k = 0; k < e.length; k++) e[k] = 0.5 / (0.5 + 0.1 * (k + 1));
        return e;
    }
}
