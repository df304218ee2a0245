package org.veristep.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veristep.VeristepException;
import org.veristep.dataset.HubClient;

/**
 * {@code veristep datasets pull} against loopback HTTP servers on 127.0.0.1 that serve the Hub's
 * file layout ({@code /datasets/{repo}/resolve/{revision}/{path}}) with the real ProcessBench files:
 * gsm8k.json through a 302 redirect to a second server (a "storage host"), the others directly, and
 * a 404 when asked. No test touches the internet.
 */
class DatasetsPullIT {
    private static final String COMMIT = "3bdcd53c0ffee00000000000000000000000000a";
    private HttpServer hub;
    private HttpServer storage;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<String> hubAuth = new CopyOnWriteArrayList<>();
    private final List<String> storageAuth = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile boolean missingOmnimath;
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @TempDir
    Path dataDir;

    @BeforeEach
    void start() throws IOException {
        for (String s : List.of("gsm8k", "math", "olympiadbench", "omnimath")) {
            files.put(
                    s + ".json",
                    Files.readAllBytes(DatasetsCommandTest.dataDir().resolve("processbench/" + s + ".json")));
        }
        storage = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        storage.createContext("/blobs/", ex -> {
            storageAuth.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            String name = ex.getRequestURI().getPath().substring("/blobs/".length());
            respond(ex, 200, files.get(name));
        });
        storage.start();
        hub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hub.setExecutor(pool);
        hub.createContext("/datasets/stall/", ex -> {
            // promises 1000 bytes, sends 10, then stops sending until the test ends
            ex.sendResponseHeaders(200, 1000);
            OutputStream o = ex.getResponseBody();
            o.write(new byte[10]);
            o.flush();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        hub.createContext("/datasets/", ex -> {
            requests.add(ex.getRequestURI().getPath());
            hubAuth.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            String prefix = "/datasets/Qwen/ProcessBench/resolve/main/";
            String path = ex.getRequestURI().getPath();
            String name = path.startsWith(prefix) ? path.substring(prefix.length()) : "";
            ex.getResponseHeaders().add("X-Repo-Commit", COMMIT);
            if (name.equals("gsm8k.json")) {
                ex.getResponseHeaders()
                        .add(
                                "Location",
                                "http://127.0.0.1:" + storage.getAddress().getPort() + "/blobs/gsm8k.json");
                respond(ex, 302, new byte[0]);
            } else if (files.containsKey(name) && !(missingOmnimath && name.equals("omnimath.json"))) {
                respond(ex, 200, files.get(name));
            } else {
                ex.getResponseHeaders().add("X-Error-Message", "Entry not found");
                respond(ex, 404, "Entry not found".getBytes());
            }
        });
        hub.start();
    }

    private static void respond(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        }
        ex.close();
    }

    @AfterEach
    void stop() {
        release.countDown();
        hub.stop(0);
        storage.stop(0);
        pool.shutdownNow();
    }

    private static String sha256(byte[] b) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private String endpoint() {
        return "http://127.0.0.1:" + hub.getAddress().getPort();
    }

    private List<Path> partFiles() throws IOException {
        try (Stream<Path> s = Files.walk(dataDir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
        }
    }

    @Test
    void pullsAllSubsetsIntoTheLayoutFollowingARedirect() throws IOException {
        CliRun r = CliRun.of(
                "datasets", "pull", "processbench", "--data-dir", dataDir.toString(), "--endpoint", endpoint());
        assertEquals(0, r.exitCode(), r.err());
        for (String s : List.of("gsm8k", "math", "olympiadbench", "omnimath")) {
            Path f = dataDir.resolve("processbench/" + s + ".json");
            assertArrayEquals(files.get(s + ".json"), Files.readAllBytes(f), s);
        }
        assertTrue(
                r.out()
                        .contains("pulled   processbench/gsm8k.json (560.9 KiB, 400 records) from " + endpoint()
                                + "/datasets/Qwen/ProcessBench/resolve/main/gsm8k.json"),
                r.out());
        assertTrue(r.out().contains("4 file(s) downloaded"), r.out());
        // provenance beside each file: revision, resolved commit, URL, size, SHA-256
        var prov = org.veristep.json.Json.mapper()
                .readTree(dataDir.resolve("processbench/gsm8k.json.provenance").toFile());
        assertEquals("Qwen/ProcessBench", prov.get("repo").asText());
        assertEquals("main", prov.get("revision").asText());
        assertEquals(COMMIT, prov.get("commit").asText());
        assertEquals(files.get("gsm8k.json").length, prov.get("bytes").asLong());
        assertEquals(sha256(files.get("gsm8k.json")), prov.get("sha256").asText());
        assertEquals(List.of(), partFiles());
        // the pulled data directory lists as present
        CliRun list = CliRun.of("datasets", "list", "--data-dir", dataDir.toString());
        assertTrue(list.out().replaceAll(" +", " ").contains("processbench present 4 3400 "), list.out());
        // a second pull skips present files unless --force
        requests.clear();
        CliRun again = CliRun.of(
                "datasets", "pull", "processbench", "--data-dir", dataDir.toString(), "--endpoint", endpoint());
        assertEquals(0, again.exitCode());
        assertTrue(again.out().contains("0 file(s) downloaded"), again.out());
        assertEquals(List.of(), requests);
    }

    @Test
    void notFoundFailsCleanlyWithoutAPartialFile() throws IOException {
        missingOmnimath = true;
        CliRun r = CliRun.of(
                "datasets", "pull", "processbench", "--data-dir", dataDir.toString(), "--endpoint", endpoint());
        assertEquals(1, r.exitCode());
        assertTrue(
                r.err()
                        .contains("HTTP 404 for " + endpoint()
                                + "/datasets/Qwen/ProcessBench/resolve/main/omnimath.json"),
                r.err());
        assertTrue(Files.exists(dataDir.resolve("processbench/olympiadbench.json")));
        assertFalse(Files.exists(dataDir.resolve("processbench/omnimath.json")));
        assertEquals(List.of(), partFiles());
    }

    @Test
    void tokenGoesToTheHubOnlyAndIsNeverInMessages() throws IOException {
        HubClient client = new HubClient(endpoint(), "hf_secret123", Duration.ofSeconds(10));
        List<long[]> progress = new CopyOnWriteArrayList<>();
        HubClient.Download got = client.download(
                "Qwen/ProcessBench",
                "main",
                "gsm8k.json",
                dataDir.resolve("g.json"),
                (b, t) -> progress.add(new long[] {b, t}));
        long n = got.bytes();
        assertEquals(files.get("gsm8k.json").length, n);
        assertEquals(COMMIT, got.commit());
        assertEquals(sha256(files.get("gsm8k.json")), got.sha256());
        assertArrayEquals(new long[] {n, n}, progress.getLast());
        assertEquals(List.of("Bearer hf_secret123"), hubAuth);
        assertEquals(List.of("null"), storageAuth, "the storage host of a redirect must not get the token");
        VeristepException e = assertThrows(
                VeristepException.class,
                () -> client.download("Qwen/ProcessBench", "main", "nope.json", dataDir.resolve("n.json")));
        assertFalse(e.retriable());
        assertFalse(e.getMessage().contains("hf_secret123"), e.getMessage());
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
    }

    @Test
    void aStalledTransferIsCancelledAndLeavesNoFile() throws IOException {
        HubClient client = new HubClient(endpoint(), null, Duration.ofSeconds(2));
        long start = System.nanoTime();
        VeristepException e = assertThrows(
                VeristepException.class,
                () -> client.download("stall/x", "main", "big.json", dataDir.resolve("big.json")));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(e.retriable());
        assertTrue(e.getMessage().contains("stalled: no data for 2 s after 10 bytes"), e.getMessage());
        assertTrue(seconds < 30, "gave up after " + seconds + " s");
        assertFalse(Files.exists(dataDir.resolve("big.json")));
        assertEquals(List.of(), partFiles());
    }

    @Test
    void offlineSwitchFollowsHuggingfaceHub() {
        assertTrue(HubClient.offlineMode(Map.of("HF_HUB_OFFLINE", "1")));
        assertTrue(HubClient.offlineMode(Map.of("HF_HUB_OFFLINE", " TRUE ")));
        assertFalse(HubClient.offlineMode(Map.of("HF_HUB_OFFLINE", "0")));
        assertFalse(HubClient.offlineMode(Map.of()));
    }

    @Test
    void offlineIsAClearRetriableError() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        String dead = "http://127.0.0.1:" + closedPort;
        HubClient client = new HubClient(dead, "hf_secret123", Duration.ofSeconds(5));
        VeristepException e = assertThrows(
                VeristepException.class,
                () -> client.download("Qwen/ProcessBench", "main", "gsm8k.json", dataDir.resolve("g.json")));
        assertTrue(e.retriable());
        assertTrue(e.getMessage().startsWith("cannot reach " + dead + " (offline?)"), e.getMessage());
        assertFalse(e.getMessage().contains("hf_secret123"));
        CliRun r = CliRun.of("datasets", "pull", "processbench", "--data-dir", dataDir.toString(), "--endpoint", dead);
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("(offline?)"), r.err());
        assertEquals(List.of(), partFiles());
    }
}
