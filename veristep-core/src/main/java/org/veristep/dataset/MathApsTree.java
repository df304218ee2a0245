package org.veristep.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.veristep.trace.LabeledTrace;
import org.veristep.trace.Problem;
import org.veristep.trace.StepLabel;
import org.veristep.trace.StepScores;
import org.veristep.trace.Trace;

/**
 * One question of OmegaPRM's MATH-APS output in the tree form (OpenR {@code data/omegaPRM_v2}): the
 * search tree, the root holding the question and every other node one step.
 *
 * @param question the question
 * @param finalAnswer the gold answer
 * @param root the root node ({@code reasoning_steps}); its text is the question
 * @param questionId the question's number, or null when absent
 * @param extras other fields, in file order
 */
public record MathApsTree(String question, String finalAnswer, Node root, Integer questionId, ObjectNode extras) {
    public MathApsTree {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(finalAnswer, "finalAnswer");
        Objects.requireNonNull(root, "root");
        extras = Fields.copy(extras);
    }

    /**
     * One node of the search tree.
     *
     * @param text the step's text (the question at the root)
     * @param mcValue the MC estimate of the prefix ending with this step, in [0, 1]
     * @param children the next steps tried, in file order
     */
    public record Node(String text, double mcValue, List<Node> children) {
        public Node {
            Objects.requireNonNull(text, "text");
            if (!(mcValue >= 0 && mcValue <= 1))
                throw new IllegalArgumentException("mc_value " + mcValue + " not in [0, 1]");
            children = List.copyOf(children);
        }

        /** {@return the number of nodes in this subtree, this one included} */
        public int size() {
            int n = 1;
            for (Node c : children) n += c.size();
            return n;
        }
    }

    /**
     * {@return one trace per leaf}: the steps on the path from the root's child to the leaf (the root
     * is the question, not a step), each labelled correct when its {@code mc_value > 0.5} else
     * incorrect (OpenR's {@code recover_rollouts_from_tree_node}), scored with its {@code mc_value};
     * the first error is the first incorrect step. Ids are {@code <id>/<c1>.<c2>…}, the 0-based child
     * index at each level. A root without children gives no trace.
     */
    public List<TraceRecord> rollouts(String id) {
        List<TraceRecord> out = new ArrayList<>();
        Problem problem = new Problem(id, question, finalAnswer);
        for (int c = 0; c < root.children().size(); c++) {
            walk(root.children().get(c), id + "/" + c, new ArrayList<>(), problem, out);
        }
        return out;
    }

    private static void walk(Node n, String path, List<Node> above, Problem problem, List<TraceRecord> out) {
        above.add(n);
        if (n.children().isEmpty()) {
            Trace t = Trace.of(path, problem, above.stream().map(Node::text).toList());
            List<StepLabel> labels = above.stream()
                    .map(x -> x.mcValue() > OmegaPrmFormat.LABEL_THRESHOLD ? StepLabel.CORRECT : StepLabel.INCORRECT)
                    .toList();
            double[] mc = above.stream().mapToDouble(Node::mcValue).toArray();
            out.add(new TraceRecord(
                    t,
                    new LabeledTrace(t, labels, labels.indexOf(StepLabel.INCORRECT)),
                    new StepScores(path, mc),
                    null,
                    null));
        } else {
            for (int c = 0; c < n.children().size(); c++) {
                walk(n.children().get(c), path + "." + c, above, problem, out);
            }
        }
        above.removeLast();
    }
}
