package org.veristep.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.veristep.json.Json;

/**
 * OmegaPRM MATH-APS files (OpenR {@code data/omegaPRM_v2}; samples in {@code
 * preprocess/tests/samples_math-aps*.jsonl}): JSONL of {@code {"question", "final_answer",
 * "reasoning_steps", "question_id"}} where {@code reasoning_steps} is a flat list {@code
 * [{"solution_prefix", "mc_value"}]} ({@link #FLAT}) or a tree {@code {"text", "mc_value",
 * "children": [...]}} ({@link #TREE}). A step is labelled "+" when {@code mc_value > 0.5}. Written by
 * {@code json.dumps}; {@link #FILE_STYLE} writes lines back byte for byte.
 */
public final class OmegaPrmFormat {
    private OmegaPrmFormat() {}

    /** MC estimates above this are labelled "+" (OpenR {@code label_from_mc_value}). */
    public static final double LABEL_THRESHOLD = 0.5;

    /** The layout of the published samples ({@code json.dumps} defaults, non-ASCII escaped). */
    public static final JsonStyle FILE_STYLE = JsonStyle.PYTHON_LINE_ASCII;

    /** Deepest tree accepted; bounds the recursion on malformed input. */
    public static final int MAX_DEPTH = 1000;

    private static final List<String> ORDER = List.of("question", "final_answer", "reasoning_steps", "question_id");
    private static final Set<String> MODELLED = Set.copyOf(ORDER);

    /** The codec of the flat form. */
    public static final RecordCodec<MathApsItem> FLAT = new RecordCodec<>() {
        @Override
        public MathApsItem parse(JsonNode node, RecordRef at) {
            ObjectNode o = Fields.object(node, at);
            ArrayNode rs = Fields.array(o, "reasoning_steps", "reasoning_steps", at);
            List<MathApsItem.State> states = new ArrayList<>(rs.size());
            for (int i = 0; i < rs.size(); i++) {
                String p = "reasoning_steps[" + i + "]";
                JsonNode s = rs.get(i);
                if (!s.isObject()) throw at.bad(p, "an object {solution_prefix, mc_value}");
                states.add(new MathApsItem.State(
                        Fields.text(s, "solution_prefix", p + ".solution_prefix", at), mc(s, p + ".mc_value", at)));
            }
            return new MathApsItem(
                    Fields.text(o, "question", at),
                    Fields.text(o, "final_answer", at),
                    states,
                    questionId(o, at),
                    Fields.extras(o, MODELLED));
        }

        @Override
        public ObjectNode toJson(MathApsItem m) {
            ObjectNode o = Json.mapper().createObjectNode();
            o.put("question", m.question());
            o.put("final_answer", m.finalAnswer());
            ArrayNode rs = o.putArray("reasoning_steps");
            for (MathApsItem.State s : m.reasoningSteps()) {
                rs.addObject().put("solution_prefix", s.solutionPrefix()).put("mc_value", s.mcValue());
            }
            if (m.questionId() != null) o.put("question_id", m.questionId());
            return Fields.merge(ORDER, o, m.extras());
        }
    };

    /** The codec of the tree form. */
    public static final RecordCodec<MathApsTree> TREE = new RecordCodec<>() {
        @Override
        public MathApsTree parse(JsonNode node, RecordRef at) {
            ObjectNode o = Fields.object(node, at);
            JsonNode rs = o.get("reasoning_steps");
            if (rs == null || !rs.isObject()) throw at.bad("reasoning_steps", "a tree node {text, mc_value, children}");
            return new MathApsTree(
                    Fields.text(o, "question", at),
                    Fields.text(o, "final_answer", at),
                    node(rs, "reasoning_steps", 0, at),
                    questionId(o, at),
                    Fields.extras(o, MODELLED));
        }

        @Override
        public ObjectNode toJson(MathApsTree m) {
            ObjectNode o = Json.mapper().createObjectNode();
            o.put("question", m.question());
            o.put("final_answer", m.finalAnswer());
            o.set("reasoning_steps", nodeJson(m.root()));
            if (m.questionId() != null) o.put("question_id", m.questionId());
            return Fields.merge(ORDER, o, m.extras());
        }
    };

    private static MathApsTree.Node node(JsonNode n, String path, int depth, RecordRef at) {
        if (depth > MAX_DEPTH) throw at.bad(path, "a tree at most " + MAX_DEPTH + " levels deep");
        if (!n.isObject()) throw at.bad(path, "a tree node {text, mc_value, children}");
        ArrayNode cs = Fields.array(n, "children", path + ".children", at);
        List<MathApsTree.Node> children = new ArrayList<>(cs.size());
        for (int i = 0; i < cs.size(); i++) children.add(node(cs.get(i), path + ".children[" + i + "]", depth + 1, at));
        return new MathApsTree.Node(
                Fields.text(n, "text", path + ".text", at), mc(n, path + ".mc_value", at), children);
    }

    private static ObjectNode nodeJson(MathApsTree.Node n) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("text", n.text());
        o.put("mc_value", n.mcValue());
        ArrayNode cs = o.putArray("children");
        n.children().forEach(c -> cs.add(nodeJson(c)));
        return o;
    }

    private static double mc(JsonNode o, String path, RecordRef at) {
        JsonNode v = o.get("mc_value");
        double d = Fields.number(v, path, at);
        if (!(d >= 0 && d <= 1)) throw at.bad(path, "an MC estimate in [0, 1], got " + d);
        return d;
    }

    private static Integer questionId(JsonNode o, RecordRef at) {
        JsonNode q = o.get("question_id");
        if (q == null || q.isNull()) return null;
        if (!q.isIntegralNumber() || !q.canConvertToInt()) throw at.bad("question_id", "an integer");
        return q.intValue();
    }

    /** Streams the flat items of one file to {@code sink}; see {@link DatasetFiles#read}. */
    public static long readFlat(Path file, OnBadRecord onBad, Consumer<? super MathApsItem> sink) {
        return DatasetFiles.read(file, FLAT, onBad, sink);
    }

    /** Streams the trees of one file to {@code sink}; see {@link DatasetFiles#read}. */
    public static long readTree(Path file, OnBadRecord onBad, Consumer<? super MathApsTree> sink) {
        return DatasetFiles.read(file, TREE, onBad, sink);
    }
}
