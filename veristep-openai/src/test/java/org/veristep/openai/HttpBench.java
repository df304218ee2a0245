package org.veristep.openai;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.veristep.dataset.TraceFiles;
import org.veristep.dataset.TraceRecord;
import org.veristep.json.Json;
import org.veristep.openai.prm.QwenPrmScorer;
import org.veristep.score.ScoringJob;
import org.veristep.trace.Problem;
import org.veristep.trace.Provenance;
import org.veristep.trace.Trace;

/**
 * Client overhead and throughput against a zero-latency loopback server (the test's raw HTTP/1.1
 * {@link LoopbackServer} answering a fixed 8-row {@code /pooling} body at once). Prints, for
 * concurrency 1, 16 and 64: requests/s and client-observed p50/p99 latency of
 *
 * <ol>
 *   <li>a minimal hand-written keep-alive HTTP/1.1 client (one socket per worker): the floor set by
 *       the server and the loopback;
 *   <li>{@link OpenAiClient#pooling} (JDK HttpClient, Jackson, Failsafe, the concurrency semaphore);
 *   <li>{@link QwenPrmScorer} scoring one 8-step trace per call (template, request, rows → scores).
 * </ol>
 *
 * Client overhead per request = (2) − (1) at concurrency 1. Then a whole {@link ScoringJob} over the
 * 1,000 ProcessBench MATH traces at concurrency 1, 16 and 64 (traces/s, output written to disk). Run: {@code java -cp ... org.veristep.openai.HttpBench [requests]}.
 */
public final class HttpBench {
    private HttpBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            steps.add("Step " + (i + 1) + ": we compute 12 * " + i + " = " + 12 * i
                    + " and carry it over to the next line of the solution.");
        }
        Trace trace = Trace.of(
                "bench",
                new Problem(
                        "bench",
                        "A problem statement of about a hundred characters, "
                                + "as in GSM8K: how many apples are left?",
                        null),
                steps);
        String input = QwenPrmScorer.input(QwenPrmScorer.DEFAULT_SYSTEM, trace);
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 8; i++) rows.append(i == 0 ? "" : ",").append("[0.125,0.875]");
        String body =
                "{\"id\":\"pool-1\",\"object\":\"list\",\"created\":1764400000,\"model\":\"m\",\"data\":[{\"index\":0,"
                        + "\"object\":\"pooling\",\"data\":[" + rows
                        + "]}],\"usage\":{\"prompt_tokens\":300,\"total_tokens\":300,"
                        + "\"completion_tokens\":0,\"prompt_tokens_details\":null}}";
        byte[] requestBody = Json.mapper().writeValueAsBytes(new PoolingRequest("m", input, "token_classify"));
        System.out.printf(
                Locale.ROOT,
                "HttpBench: %d requests per setting, request %d B, response %d B, %d CPUs, java %s%n",
                n,
                requestBody.length,
                body.length(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        try (LoopbackServer server = LoopbackServer.start(r -> LoopbackServer.json(body))) {
            URI uri = URI.create(server.url());
            for (int c : new int[] {1, 16, 64}) {
                report("raw socket client", c, n, run(c, n, () -> rawClient(uri, requestBody)));
                try (OpenAiClient client =
                        new OpenAiClient(ClientConfig.of(server.url()).withMaxConcurrency(c))) {
                    PoolingRequest req = new PoolingRequest("m", input, "token_classify");
                    report("OpenAiClient.pooling", c, n, run(c, n, () -> () -> client.pooling(req)));
                    QwenPrmScorer scorer =
                            new QwenPrmScorer(client, "m", QwenPrmScorer.DEFAULT_SYSTEM, "token_classify", false);
                    report("qwen-prm score(1 trace)", c, n, run(c, n, () -> () -> scorer.score(trace)));
                }
            }
        }
        jobs();
    }

    /**
     * {@link ScoringJob} with {@code qwen-prm} over the 1,000 real ProcessBench MATH traces (output to
     * a temporary file), against a zero-latency server that answers one row per {@code <extra_0>}.
     */
    static void jobs() throws Exception {
        String data = System.getProperty("veristep.testData", "../shared/data");
        List<TraceRecord> traces = TraceFiles.read(Path.of(data, "processbench", "math.json"));
        try (LoopbackServer server = LoopbackServer.start(r -> {
            if (r.path().equals("/v1/models")) return LoopbackServer.json("{\"data\":[{\"id\":\"m\"}]}");
            int tags = r.body().split("<extra_0>", -1).length - 1;
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < tags; i++) rows.append(i == 0 ? "" : ",").append("[0.25,0.75]");
            return LoopbackServer.json("{\"id\":\"pool-1\",\"object\":\"list\",\"data\":[{\"index\":0,"
                    + "\"object\":\"pooling\",\"data\":[" + rows + "]}],\"usage\":{\"prompt_tokens\":300}}");
        })) {
            for (int c : new int[] {1, 16, 64}) {
                for (int round = 0; round < 2; round++) { // round 0 warms up
                    Path out = Files.createTempFile("veristep-bench", ".jsonl");
                    Files.delete(out);
                    try (OpenAiClient client = new OpenAiClient(ClientConfig.of(server.url()));
                            QwenPrmScorer scorer = new QwenPrmScorer(
                                    client, "m", QwenPrmScorer.DEFAULT_SYSTEM, "token_classify", false)) {
                        long t0 = System.nanoTime();
                        ScoringJob.Result r = ScoringJob.builder(scorer, out)
                                .concurrency(c)
                                .provenance(
                                        new Provenance("bench", "qwen-prm", "m", null, Map.of(), null, Instant.now()))
                                .build()
                                .run(traces);
                        double s = (System.nanoTime() - t0) / 1e9;
                        if (round == 1) {
                            System.out.printf(
                                    Locale.ROOT,
                                    "ScoringJob qwen-prm, %d MATH traces, concurrency %3d: %7.0f traces/s (%d scored, %d failed, %.2f s)%n",
                                    traces.size(),
                                    c,
                                    traces.size() / s,
                                    r.progress().scored(),
                                    r.progress().failed(),
                                    s);
                        }
                    } finally {
                        Files.deleteIfExists(out);
                        Files.deleteIfExists(ScoringJob.failedFile(out));
                    }
                }
            }
        }
    }

    /** A unit of work that a worker repeats. */
    interface Call {
        void call() throws Exception;
    }

    /** Makes one worker's call (so a worker can own a socket). */
    interface CallFactory {
        Call open() throws Exception;
    }

    record Figures(double seconds, long[] latencyNanos) {}

    /** Runs n/2 warm-up calls, then n calls from c virtual threads. */
    static Figures run(int c, int n, CallFactory factory) throws Exception {
        once(c, Math.max(n / 2, c), factory);
        return once(c, n, factory);
    }

    private static Figures once(int c, int n, CallFactory factory) throws Exception {
        long[] lat = new long[n];
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < c; w++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    Call call = factory.open();
                    int i;
                    while ((i = next.getAndIncrement()) < n) {
                        long t0 = System.nanoTime();
                        call.call();
                        lat[i] = System.nanoTime() - t0;
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }));
        }
        for (Thread t : threads) t.join();
        long end = System.nanoTime();
        if (!errors.isEmpty()) throw new IllegalStateException(errors.get(0));
        return new Figures((end - start) / 1e9, lat);
    }

    private static void report(String what, int c, int n, Figures f) {
        long[] l = f.latencyNanos().clone();
        Arrays.sort(l);
        System.out.printf(
                Locale.ROOT,
                "%-26s concurrency %3d: %8.0f req/s, p50 %7.1f us, p99 %8.1f us%n",
                what,
                c,
                n / f.seconds(),
                l[l.length / 2] / 1e3,
                l[(int) (l.length * 0.99)] / 1e3);
    }

    /** A hand-written keep-alive HTTP/1.1 client on one socket: the least a client can do. */
    private static Call rawClient(URI uri, byte[] body) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), uri.getPort());
        s.setTcpNoDelay(true);
        OutputStream out = s.getOutputStream();
        InputStream in = new BufferedInputStream(s.getInputStream());
        byte[] head = ("POST /pooling HTTP/1.1\r\nHost: 127.0.0.1:" + uri.getPort()
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        return () -> {
            out.write(head);
            out.write(body);
            out.flush();
            int length = -1;
            String line;
            if (!(line = line(in)).startsWith("HTTP/1.1 200")) throw new IOException(line);
            while (!(line = line(in)).isEmpty()) {
                if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            byte[] b = in.readNBytes(length);
            if (b.length != length) throw new IOException("short body");
        };
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        int c;
        while ((c = in.read()) != '\n') {
            if (c == -1) throw new IOException("eof");
            if (c != '\r') b.write(c);
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }
}
