package org.veristep.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.veristep.json.Json;

/**
 * A real HTTP/1.1 server on 127.0.0.1 for tests, on a raw {@link ServerSocket} so that it can do
 * what well-behaved frameworks will not: answer with chunked bodies, stall, drop the connection
 * before or in the middle of a response. Keep-alive connections, one virtual thread each; every
 * request is recorded.
 */
public final class LoopbackServer implements AutoCloseable {

    /** A received request; header names are lower case. */
    public record Request(String method, String path, Map<String, String> headers, String body, long receivedNanos) {
        /** {@return the body as JSON} */
        public JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** What to do with a request. */
    public sealed interface Reply permits Respond, Drop, DropMidBody {}

    /**
     * Send a response.
     *
     * @param delayMs wait this long before sending anything
     * @param chunked send the body with {@code Transfer-Encoding: chunked}, in chunks of 1 to 16 bytes
     */
    public record Respond(int status, Map<String, String> headers, String body, boolean chunked, long delayMs)
            implements Reply {
        public Respond withChunked() {
            return new Respond(status, headers, body, true, delayMs);
        }

        public Respond withDelay(long ms) {
            return new Respond(status, headers, body, chunked, ms);
        }

        public Respond withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Respond(status, h, body, chunked, delayMs);
        }
    }

    /** Close the connection without sending a byte. */
    public record Drop() implements Reply {}

    /** Send the status line, headers with the full Content-Length, half the body, then close. */
    public record DropMidBody(String body) implements Reply {}

    /** Answers requests. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(Request request) throws Exception;
    }

    /** {@return a 200 JSON response} */
    public static Respond json(String body) {
        return new Respond(200, Map.of("Content-Type", "application/json"), body, false, 0);
    }

    /** {@return a JSON response with this status} */
    public static Respond status(int status, String body) {
        return new Respond(status, Map.of("Content-Type", "application/json"), body, false, 0);
    }

    /** vLLM's error body ({@code ErrorResponse}). */
    public static String vllmError(int code, String type, String message) {
        return "{\"object\":\"error\",\"message\":" + quote(message) + ",\"type\":\"" + type
                + "\",\"param\":null,\"code\":" + code + "}";
    }

    /** OpenAI's error body. */
    public static String openAiError(String type, String code, String message) {
        return "{\"error\":{\"message\":" + quote(message) + ",\"type\":\"" + type + "\",\"param\":null,\"code\":\""
                + code + "\"}}";
    }

    static String quote(String s) {
        try {
            return Json.mapper().writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final ServerSocket socket;
    private final Handler handler;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final Thread acceptor;

    private LoopbackServer(Handler handler) throws IOException {
        this.handler = handler;
        this.socket = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofPlatform().daemon().name("loopback-accept").start(this::acceptLoop);
    }

    /** {@return a started server answering with {@code handler}} */
    public static LoopbackServer start(Handler handler) {
        try {
            return new LoopbackServer(handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the base URL, {@code http://127.0.0.1:PORT}} */
    public String url() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    /** {@return every request received so far, in arrival order} */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** {@return the most requests that were being handled at one time} */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                open.add(s);
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (true) {
                Request req = read(in);
                if (req == null) return;
                requests.add(req);
                int now = inFlight.incrementAndGet();
                maxInFlight.accumulateAndGet(now, Math::max);
                try {
                    Reply reply;
                    try {
                        reply = handler.handle(req);
                    } catch (Exception e) {
                        reply = status(500, vllmError(500, "InternalServerError", "test handler failed: " + e));
                    }
                    switch (reply) {
                        case Drop ignored -> {
                            return;
                        }
                        case DropMidBody d -> {
                            byte[] body = d.body().getBytes(StandardCharsets.UTF_8);
                            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                            + body.length + "\r\n\r\n")
                                    .getBytes(StandardCharsets.ISO_8859_1));
                            out.write(body, 0, body.length / 2);
                            out.flush();
                            return;
                        }
                        case Respond r -> {
                            if (r.delayMs() > 0) Thread.sleep(r.delayMs());
                            write(out, r);
                        }
                    }
                } finally {
                    inFlight.decrementAndGet();
                }
                if ("close".equalsIgnoreCase(req.headers().get("connection"))) return;
            }
        } catch (IOException | InterruptedException e) {
            // client went away or server closed
        } finally {
            open.remove(s);
        }
    }

    private static void write(OutputStream out, Respond r) throws IOException {
        byte[] body = r.body() == null ? new byte[0] : r.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder h = new StringBuilder("HTTP/1.1 ")
                .append(r.status())
                .append(' ')
                .append(reason(r.status()))
                .append("\r\n");
        r.headers().forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
        h.append("Server: veristep-loopback\r\n");
        if (r.chunked()) h.append("Transfer-Encoding: chunked\r\n");
        else h.append("Content-Length: ").append(body.length).append("\r\n");
        h.append("\r\n");
        out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (r.chunked()) {
            int pos = 0;
            int size = 1;
            while (pos < body.length) {
                int n = Math.min(size, body.length - pos);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body, pos, n);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                pos += n;
                size = size % 16 + 1;
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        } else {
            out.write(body);
        }
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    /** {@return the next request, or null at the end of the stream} */
    private static Request read(InputStream in) throws IOException {
        String line = line(in);
        if (line == null) return null;
        while (line.isEmpty()) { // tolerate stray CRLF between requests
            line = line(in);
            if (line == null) return null;
        }
        String[] parts = line.split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        String h;
        while ((h = line(in)) != null && !h.isEmpty()) {
            int c = h.indexOf(':');
            headers.put(
                    h.substring(0, c).strip().toLowerCase(Locale.ROOT),
                    h.substring(c + 1).strip());
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            while (true) {
                int n = Integer.parseInt(line(in).split(";")[0].strip(), 16);
                if (n == 0) {
                    while (!line(in).isEmpty()) {}
                    break;
                }
                b.write(in.readNBytes(n));
                line(in);
            }
            body = b.toByteArray();
        } else {
            int n = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            body = in.readNBytes(n);
        }
        return new Request(parts[0], parts[1], headers, new String(body, StandardCharsets.UTF_8), System.nanoTime());
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : new ArrayList<>(open)) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        try {
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
