package org.veristep.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.veristep.openai.ClientConfig;
import org.veristep.openai.OpenAiClient;
import org.veristep.openai.PoolingRequest;
import org.veristep.openai.prm.QwenPrmScorer;
import org.veristep.trace.Problem;
import org.veristep.trace.Trace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code veristep bench http}: the HTTP client's overhead and throughput against a zero-latency
 * {@code /pooling} server started in-process on 127.0.0.1 (the JDK's HttpServer; it answers at once
 * with one row per {@code <extra_0>}). For each concurrency it prints requests/s and client-observed
 * p50/p99 latency of {@link OpenAiClient#pooling} and of {@code qwen-prm} scoring one 8-step trace
 * per call. The figures include the loopback server's own cost, so they bound the client's overhead
 * from above.
 */
@Command(
        name = "http",
        mixinStandardHelpOptions = true,
        description = {
            "HTTP client overhead and throughput against a zero-latency loopback /pooling server (127.0.0.1,"
                    + " in-process): requests/s and p50/p99 latency per concurrency."
        })
final class BenchHttpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--requests",
            defaultValue = "20000",
            paramLabel = "N",
            description = "Measured requests per setting, after N/2 warm-up ones (default ${DEFAULT-VALUE}).")
    int requests;

    @Option(
            names = "--concurrency",
            split = ",",
            defaultValue = "1,16,64",
            paramLabel = "C",
            description = "Concurrency levels (default ${DEFAULT-VALUE}).")
    List<Integer> concurrency;

    @Override
    public Integer call() throws Exception {
        if (requests < 1 || concurrency.stream().anyMatch(c -> c < 1)) {
            throw new ParameterException(spec.commandLine(), "--requests and every --concurrency must be >= 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            steps.add("Step " + (i + 1) + ": we compute 12 * " + i + " = " + 12 * i
                    + " and carry it over to the next line of the solution.");
        }
        Trace trace = Trace.of(
                "bench",
                new Problem("bench", "How many apples are left after Ann gives away 12 of her 40 apples?", null),
                steps);
        PoolingRequest request =
                new PoolingRequest("m", QwenPrmScorer.input(QwenPrmScorer.DEFAULT_SYSTEM, trace), "token_classify");
        ExecutorService serverThreads = Executors.newVirtualThreadPerTaskExecutor();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(serverThreads);
        server.createContext("/pooling", BenchHttpCommand::pooling);
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            out.printf(
                    Locale.ROOT,
                    "bench http: %d requests per setting against %s, %d CPUs, java %s%n",
                    requests,
                    url,
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.version());
            for (int c : concurrency) {
                try (OpenAiClient client = new OpenAiClient(ClientConfig.of(url).withMaxConcurrency(c));
                        QwenPrmScorer scorer =
                                new QwenPrmScorer(client, "m", QwenPrmScorer.DEFAULT_SYSTEM, "token_classify", false)) {
                    report(out, "OpenAiClient.pooling", c, measure(c, () -> client.pooling(request)));
                    report(out, "qwen-prm score(1 trace)", c, measure(c, () -> scorer.score(trace)));
                }
            }
        } finally {
            server.stop(0);
            serverThreads.close();
        }
        return 0;
    }

    private static void pooling(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int tags = body.split("<extra_0>", -1).length - 1;
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < tags; i++) rows.append(i == 0 ? "" : ",").append("[0.25,0.75]");
        byte[] b = ("{\"id\":\"pool-1\",\"object\":\"list\",\"data\":[{\"index\":0,\"object\":\"pooling\",\"data\":["
                        + rows + "]}],\"usage\":{\"prompt_tokens\":300,\"total_tokens\":300}}")
                .getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, b.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(b);
        }
    }

    /** Runs requests/2 warm-up calls, then {@link #requests} calls from {@code c} virtual threads. */
    private long[] measure(int c, Runnable call) throws InterruptedException {
        once(c, Math.max(requests / 2, c), call);
        return once(c, requests, call);
    }

    /** {@return the wall time in nanos at index 0, then each call's latency} */
    private static long[] once(int c, int n, Runnable call) throws InterruptedException {
        long[] out = new long[n + 1];
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < c; w++) {
            threads.add(Thread.ofVirtual().start(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    long t0 = System.nanoTime();
                    call.run();
                    out[i + 1] = System.nanoTime() - t0;
                }
            }));
        }
        for (Thread t : threads) t.join();
        out[0] = System.nanoTime() - start;
        return out;
    }

    private void report(PrintWriter out, String what, int c, long[] m) {
        long[] lat = Arrays.copyOfRange(m, 1, m.length);
        Arrays.sort(lat);
        out.printf(
                Locale.ROOT,
                "%-24s concurrency %3d: %8.0f req/s, p50 %8.1f us, p99 %9.1f us%n",
                what,
                c,
                lat.length / (m[0] / 1e9),
                lat[lat.length / 2] / 1e3,
                lat[Math.min(lat.length - 1, (int) (lat.length * 0.99))] / 1e3);
        out.flush();
    }
}
