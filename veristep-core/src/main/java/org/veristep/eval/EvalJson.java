package org.veristep.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.veristep.json.Json;

/** JSON shapes shared by evaluation outputs. */
public final class EvalJson {
    private EvalJson() {}

    /** {@return a bootstrap interval as JSON: low, high, level, resamples, seed} */
    public static ObjectNode interval(Bootstrap.Interval ci) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("low", ci.low());
        o.put("high", ci.high());
        o.put("level", ci.level());
        o.put("resamples", ci.resamples());
        o.put("seed", ci.seed());
        return o;
    }
}
