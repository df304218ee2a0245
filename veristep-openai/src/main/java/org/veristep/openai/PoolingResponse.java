package org.veristep.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The response of vLLM's {@code POST /pooling}: {@code {"id", "object": "list", "data": [{"index",
 * "object": "pooling", "data": [[...], ...]}], "usage"}}.
 *
 * @param id server-assigned id
 * @param data one entry per input
 * @param usage token counts, or null
 */
public record PoolingResponse(String id, List<Item> data, Usage usage) implements ReportsUsage {
    public PoolingResponse {
        data = data == null ? List.of() : List.copyOf(data);
    }

    /**
     * The pooled output of one input.
     *
     * @param index the input's position
     * @param data a matrix: one row per pooled position (per step tag with STEP pooling, per token
     *     with ALL pooling), each row the model's per-label values
     */
    public record Item(int index, JsonNode data) {

        /**
         * {@return the rows as numbers, indexed [row][label]}
         *
         * @throws IllegalArgumentException when {@code data} is not an array of arrays of numbers
         */
        public double[][] rows() {
            if (data == null || !data.isArray()) throw new IllegalArgumentException("'data' is not an array");
            double[][] rows = new double[data.size()][];
            for (int r = 0; r < rows.length; r++) {
                JsonNode row = data.get(r);
                if (!row.isArray()) {
                    throw new IllegalArgumentException("'data[" + r + "]' is " + row.getNodeType()
                            + ", expected an array of per-label values (one row per step tag)");
                }
                rows[r] = new double[row.size()];
                for (int c = 0; c < row.size(); c++) {
                    if (!row.get(c).isNumber())
                        throw new IllegalArgumentException("'data[" + r + "][" + c + "]' is not a number");
                    rows[r][c] = row.get(c).doubleValue();
                }
            }
            return rows;
        }
    }
}
