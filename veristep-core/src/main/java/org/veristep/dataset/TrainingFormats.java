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
 * JSONL codecs of the PRM training formats Veristep exports: TRL stepwise supervision ({@link #TRL})
 * and Step-DPO pairs ({@link #STEP_DPO}). Written one {@code json.dumps(row, ensure_ascii=False)}
 * per line ({@link #STYLE}), which {@code datasets.load_dataset("json", ...)} reads.
 */
public final class TrainingFormats {
    private TrainingFormats() {}

    /** The layout Veristep writes training rows in. */
    public static final JsonStyle STYLE = JsonStyle.PYTHON_LINE_UTF8;

    private static final List<String> TRL_ORDER = List.of("prompt", "completions", "labels");
    private static final List<String> DPO_ORDER = List.of(
            "dataset",
            "prompt",
            "initial_reason_steps",
            "chosen",
            "rejected",
            "full_chosen",
            "full_rejected",
            "answer");
    private static final Set<String> DPO_MODELLED = Set.of("prompt", "initial_reason_steps", "chosen", "rejected");

    /** TRL stepwise supervision: {@code {"prompt", "completions": [str], "labels": [bool]}}. */
    public static final RecordCodec<TrlStepwiseRow> TRL = new RecordCodec<>() {
        @Override
        public TrlStepwiseRow parse(JsonNode node, RecordRef at) {
            ObjectNode o = Fields.object(node, at);
            List<String> completions = Fields.strings(o, "completions", at);
            ArrayNode l = Fields.array(o, "labels", "labels", at);
            if (l.size() != completions.size()) {
                throw at.bad("labels", "one bool per completion (" + completions.size() + "), got " + l.size());
            }
            List<Boolean> labels = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                if (!l.get(i).isBoolean()) throw at.bad("labels[" + i + "]", "true or false");
                labels.add(l.get(i).booleanValue());
            }
            return new TrlStepwiseRow(
                    Fields.text(o, "prompt", at), completions, labels, Fields.extras(o, Set.copyOf(TRL_ORDER)));
        }

        @Override
        public ObjectNode toJson(TrlStepwiseRow r) {
            ObjectNode o = Json.mapper().createObjectNode();
            o.put("prompt", r.prompt());
            o.set("completions", Fields.stringArray(r.completions()));
            ArrayNode l = o.putArray("labels");
            r.labels().forEach(l::add);
            return Fields.merge(TRL_ORDER, o, r.extras());
        }
    };

    /** Step-DPO: {@code {"prompt", "initial_reason_steps", "chosen", "rejected", ...}}. */
    public static final RecordCodec<StepDpoPair> STEP_DPO = new RecordCodec<>() {
        @Override
        public StepDpoPair parse(JsonNode node, RecordRef at) {
            ObjectNode o = Fields.object(node, at);
            return new StepDpoPair(
                    Fields.text(o, "prompt", at),
                    Fields.text(o, "initial_reason_steps", at),
                    Fields.text(o, "chosen", at),
                    Fields.text(o, "rejected", at),
                    Fields.extras(o, DPO_MODELLED));
        }

        @Override
        public ObjectNode toJson(StepDpoPair p) {
            ObjectNode o = Json.mapper().createObjectNode();
            o.put("prompt", p.prompt());
            o.put("initial_reason_steps", p.initialReasonSteps());
            o.put("chosen", p.chosen());
            o.put("rejected", p.rejected());
            return Fields.merge(DPO_ORDER, o, p.extras());
        }
    };

    /** Streams TRL rows of one file to {@code sink}; see {@link DatasetFiles#read}. */
    public static long readTrl(Path file, OnBadRecord onBad, Consumer<? super TrlStepwiseRow> sink) {
        return DatasetFiles.read(file, TRL, onBad, sink);
    }

    /** Streams Step-DPO pairs of one file to {@code sink}; see {@link DatasetFiles#read}. */
    public static long readStepDpo(Path file, OnBadRecord onBad, Consumer<? super StepDpoPair> sink) {
        return DatasetFiles.read(file, STEP_DPO, onBad, sink);
    }

    /** {@return a streaming TRL JSONL writer}; the caller closes it */
    public static DatasetFiles.RecordWriter<TrlStepwiseRow> trlWriter(Path file) {
        return DatasetFiles.writer(file, TRL, STYLE);
    }

    /** {@return a streaming Step-DPO JSONL writer}; the caller closes it */
    public static DatasetFiles.RecordWriter<StepDpoPair> stepDpoWriter(Path file) {
        return DatasetFiles.writer(file, STEP_DPO, STYLE);
    }
}
