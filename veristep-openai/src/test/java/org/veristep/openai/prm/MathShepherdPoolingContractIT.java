package org.veristep.openai.prm;

import java.util.Map;
import org.veristep.openai.LoopbackServer.Reply;
import org.veristep.openai.LoopbackServer.Request;
import org.veristep.trace.Trace;

/**
 * {@code math-shepherd} in pooling mode against a server like vLLM with {@code
 * --pooler-config '{"pooling_type":"STEP","step_tag_id":12902,"returned_token_ids":[648,387]}'}:
 * one {@code [p(+), p(−)]} row per {@code " ки"}; this test model gives the k-th tag p(+) = 0.9 − 0.2k.
 */
class MathShepherdPoolingContractIT extends AbstractHttpScorerContract {
    static final String MODEL = "peiyi9979/math-shepherd-mistral-7b-prm";

    @Override
    String scorerName() {
        return "math-shepherd";
    }

    @Override
    Map<String, String> scorerOptions(String url) {
        Map<String, String> o = client("", url);
        o.put("model", MODEL);
        return o;
    }

    private static double[][] rows(Request r, int extra) {
        if (!r.path().equals("/pooling")) throw new IllegalStateException("unexpected " + r.path());
        String input = r.json().path("input").asText();
        int tags = input.split(" ки", -1).length - 1;
        double[][] rows = new double[tags + extra][];
        for (int k = 0; k < rows.length; k++) {
            double plus = 0.9 - 0.2 * k;
            rows[k] = new double[] {plus, 1 - plus};
        }
        return rows;
    }

    @Override
    Reply answer(Request r) {
        return Wire.pooling(MODEL, rows(r, 0), 80);
    }

    @Override
    Reply wrongAnswer(Request r) {
        // One row too many: what a server pooling an extra position would send.
        return Wire.pooling(MODEL, rows(r, 1), 80);
    }

    @Override
    double[] expected(Trace t) {
        double[] e = new double[t.size()];
        for (int k = 0; k < e.length; k++) e[k] = 0.9 - 0.2 * k;
        return e;
    }
}
