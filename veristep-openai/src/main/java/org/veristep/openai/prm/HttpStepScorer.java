package org.veristep.openai.prm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import org.veristep.VeristepException;
import org.veristep.openai.HttpFailure;
import org.veristep.openai.ModelList;
import org.veristep.openai.OpenAiClient;
import org.veristep.score.RemoteScorer;
import org.veristep.score.RequestCounts;
import org.veristep.trace.StepScores;
import org.veristep.trace.Trace;

/**
 * Base of the scorers that call OpenAI-compatible servers: scores the traces of a batch
 * concurrently (one virtual thread per trace; the clients bound what is in flight), and checks that
 * every trace got exactly one score per step, each in [0, 1]: a mismatch fails the trace loudly,
 * it is never padded, truncated or zero-filled.
 */
abstract class HttpStepScorer implements RemoteScorer {
    private final String name;
    private final List<OpenAiClient> clients;

    /** @param clients the clients this scorer owns and closes */
    HttpStepScorer(String name, List<OpenAiClient> clients) {
        this.name = name;
        this.clients = List.copyOf(clients);
    }

    @Override
    public final String name() {
        return name;
    }

    /**
     * Scores one trace.
     *
     * @return one score per step, indexed like the steps
     */
    abstract double[] scoreOne(Trace trace);

    @Override
    public List<StepScores> score(List<Trace> traces) {
        return map(traces, t -> checked(t, scoreOne(t)));
    }

    /** {@return {@code scores} as StepScores after checking their number and range} */
    final StepScores checked(Trace t, double[] scores) {
        if (scores.length != t.size()) {
            throw new VeristepException.NonRetriable("scorer '" + name + "': trace '" + t.id() + "' has " + t.size()
                    + " steps but the server's output gives " + scores.length + " step scores");
        }
        for (int i = 0; i < scores.length; i++) {
            if (!(scores[i] >= 0 && scores[i] <= 1)) {
                throw new VeristepException.NonRetriable("scorer '" + name + "': trace '" + t.id() + "' step " + i
                        + " got score " + scores[i] + ", outside [0, 1]");
            }
        }
        return new StepScores(t.id(), scores);
    }

    /**
     * Applies {@code f} to every trace, concurrently, keeping the order.
     *
     * @throws RuntimeException the first failure (the others are cancelled)
     */
    static <R> List<R> map(List<Trace> traces, Function<Trace, R> f) {
        if (traces.size() == 1) return List.of(f.apply(traces.get(0)));
        return concurrently(
                traces.stream().<Supplier<R>>map(t -> () -> f.apply(t)).toList());
    }

    /**
     * Runs the tasks on virtual threads and returns their results in order.
     *
     * @throws RuntimeException the first failure (the others are cancelled)
     */
    static <R> List<R> concurrently(List<Supplier<R>> tasks) {
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<R>> futures = new ArrayList<>(tasks.size());
            for (Supplier<R> t : tasks) futures.add(ex.submit(t::get));
            List<R> out = new ArrayList<>(tasks.size());
            try {
                for (Future<R> fu : futures) out.add(fu.get());
            } catch (ExecutionException e) {
                futures.forEach(fu -> fu.cancel(true));
                if (e.getCause() instanceof RuntimeException r) throw r;
                if (e.getCause() instanceof Error err) throw err;
                throw new VeristepException.NonRetriable(e.getCause().toString(), e.getCause());
            } catch (InterruptedException e) {
                futures.forEach(fu -> fu.cancel(true));
                Thread.currentThread().interrupt();
                throw new VeristepException.NonRetriable("interrupted", e);
            }
            return out;
        }
    }

    /**
     * {@return each client with the model it must serve, for {@link #preflight()}}
     */
    abstract List<Map.Entry<OpenAiClient, String>> servedModels();

    /**
     * Asks each server for {@code GET /v1/models} and checks that the model is listed. A server
     * without that endpoint (404) is not checked further.
     */
    @Override
    public void preflight() {
        for (Map.Entry<OpenAiClient, String> e : servedModels()) {
            ModelList list;
            try {
                list = e.getKey().models();
            } catch (HttpFailure.NonRetriable f) {
                if (f.status() == 404) continue;
                throw f;
            }
            if (!list.data().isEmpty() && !list.ids().contains(e.getValue())) {
                throw new VeristepException.NonRetriable(
                        "scorer '" + name + "': " + e.getKey().config().baseUrl() + " does not serve model '"
                                + e.getValue() + "'; it serves: " + String.join(", ", list.ids()));
            }
        }
    }

    @Override
    public RequestCounts requestCounts() {
        RequestCounts sum = RequestCounts.NONE;
        for (OpenAiClient c : clients) {
            OpenAiClient.Stats s = c.stats();
            sum = sum.plus(
                    new RequestCounts(s.attempts(), s.retries(), s.failures(), s.promptTokens(), s.completionTokens()));
        }
        return sum;
    }

    @Override
    public void close() {
        for (OpenAiClient c : clients) c.close();
    }

    /** {@return the softmax of {@code row} at {@code index}, computed without overflow} */
    static double softmaxAt(double[] row, int index) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : row) max = Math.max(max, v);
        double sum = 0;
        for (double v : row) sum += Math.exp(v - max);
        return Math.exp(row[index] - max) / sum;
    }
}
