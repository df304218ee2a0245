package org.veristep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.veristep.json.Json;

/**
 * A vLLM-like {@code /pooling} server for Qwen2.5-Math-PRM on 127.0.0.1 (JDK HttpServer): one
 * {@code [p_neg, p_pos]} row per {@code <extra_0>}, p_pos = 1/(k+2) at the k-th tag; answers each
 * request after {@code delayMs}; answers 503 to inputs {@code failing} accepts. Records every input.
 */
final class FakeVllm implements AutoCloseable {
    final HttpServer server;
    final Queue<String> inputs = new ConcurrentLinkedQueue<>();
    volatile long delayMs;
    volatile Predicate<String> failing = s -> false;

    FakeVllm(long delayMs) {
        this.delayMs = delayMs;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/pooling", this::pooling);
        server.createContext(
                "/v1/models",
                ex -> send(
                        ex,
                        200,
                        "{\"object\":\"list\",\"data\":[{\"id\":\"m\",\"object\":\"model\",\"owned_by\":\"vllm\"},"
                                + "{\"id\":\"Qwen/Qwen2.5-Math-PRM-7B\",\"object\":\"model\",\"owned_by\":\"vllm\"}]}"));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void pooling(HttpExchange ex) throws IOException {
        JsonNode req = Json.mapper().readTree(ex.getRequestBody());
        String input = req.path("input").asText();
        inputs.add(input);
        try {
            Thread.sleep(delayMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failing.test(input)) {
            send(
                    ex,
                    503,
                    "{\"object\":\"error\",\"message\":\"overloaded\",\"type\":\"ServiceUnavailable\",\"code\":503}");
            return;
        }
        int tags = input.split("<extra_0>", -1).length - 1;
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("id", "pool-1");
        o.put("object", "list");
        ObjectNode item = o.putArray("data").addObject();
        item.put("index", 0);
        item.put("object", "pooling");
        ArrayNode rows = item.putArray("data");
        for (int k = 0; k < tags; k++) rows.addArray().add(1 - 1.0 / (k + 2)).add(1.0 / (k + 2));
        o.putObject("usage").put("prompt_tokens", 100).put("total_tokens", 100);
        send(ex, 200, o.toString());
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    /** The real ProcessBench gsm8k file (400 cases). Serves models {@code m} and {@code Qwen/Qwen2.5-Math-PRM-7B}. */
    static Path gsm8k() {
        Path p = Path.of(System.getProperty("veristep.testData", "../../shared/data"), "processbench", "gsm8k.json");
        if (!p.toFile().exists()) throw new AssertionError("test data missing: " + p);
        return p;
    }

    static List<String> readLines(Path p) {
        try {
            return java.nio.file.Files.readAllLines(p, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
