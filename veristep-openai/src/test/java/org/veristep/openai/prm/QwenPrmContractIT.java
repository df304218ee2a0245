package org.veristep.openai.prm;

import java.util.Map;
import org.veristep.openai.LoopbackServer.Reply;
import org.veristep.openai.LoopbackServer.Request;
import org.veristep.trace.Trace;

/**
 * {@code qwen-prm} against a server that behaves like vLLM serving Qwen2.5-Math-PRM with STEP
 * pooling: one {@code [p_neg, p_pos]} row per {@code <extra_0>}; this test model gives the k-th tag
 * p_pos = 1/(k+2).
 */
class QwenPrmContractIT extends AbstractHttpScorerContract {
    static final String MODEL = "Qwen/Qwen2.5-Math-PRM-7B";

    @Override
    String scorerName() {
        return "qwen-prm";
    }

    @Override
    Map<String, String> scorerOptions(String url) {
        Map<String, String> o = client("", url);
        o.put("model", MODEL);
        return o;
    }

    private static double[][] rows(Request r, int drop) {
        if (!MODEL.equals(r.json().path("model").asText())
                || !"token_classify".equals(r.json().path("task").asText())
                || !r.path().equals("/pooling")) {
            throw new IllegalStateException("unexpected request " + r.path() + " " + r.body());
        }
        String input = r.json().path("input").asText();
        int tags = input.split("<extra_0>", -1).length - 1;
        double[][] rows = new double[tags - drop][];
        for (int k = 0; k < rows.length; k++) {
            double pos = 1.0 / (k + 2);
            rows[k] = new double[] {1 - pos, pos};
        }
        return rows;
    }

    @Override
    Reply answer(Request r) {
        return Wire.pooling(MODEL, rows(r, 0), 120);
    }

    @Override
    Reply wrongAnswer(Request r) {
        // ALL-style mistake: the server pooled one row fewer than there are tags.
        return Wire.pooling(MODEL, rows(r, 1), 120);
    }

    @Override
    double[] expected(Trace t) {
        double[] e = new double[t.size()];
        for (int k = 0; k < e.length; k++) e[k] = 1.0 / (k + 2);
        return e;
    }
}
