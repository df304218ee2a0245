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
    /** name -> body served with 200 instead of the real file (an HTML page, a truncated file ...) */
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    /** when false, the Hub sends no X-Repo-Commit header */
    private volatile boolean sendCommit = true;
    /** name -> a different X-Repo-Commit for that file (a branch that moved during the pull) */
    private final Map<String, String> commitOf = new ConcurrentHashMap<>();

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
            // the Hub's layout at the branch and at the commit it points to
            String path = ex.getRequestURI().getPath();
            String name = "";
            for (String rev : List.of("main", COMMIT)) {
                String prefix = "/datasets/Qwen/ProcessBench/resolve/" + rev + "/";
                if (path.startsWith(prefix)) name = path.substring(prefix.length());
            }
            if (sendCommit) ex.getResponseHeaders().add("X-Repo-Commit", commitOf.getOrDefault(name, COMMIT));
            if (served.containsKey(name)) {
                ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                respond(ex, 200, served.get(name));
            } else if (name.equals("gsm8k.json")) {
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
        // the served files are the ../shared/data copies, so each has the registered record count and
        // the bytes of the known copy (the PROVENANCE.md SHA-256s)
        assertTrue(
                r.out()
                        .contains("pulled   processbench/gsm8k.json (560.9 KiB, 400 records as expected, same bytes as"
                                + " the known copy) from " + endpoint()
                                + "/datasets/Qwen/ProcessBench/resolve/main/gsm8k.json"),
                r.out());
        // the first answer named the commit; the other files were fetched at that commit
        assertTrue(
                r.out()
                        .contains("pulled   processbench/omnimath.json (2.7 MiB, 1000 records as expected, same bytes"
                                + " as the known copy) from " + endpoint()
                                + "/datasets/Qwen/ProcessBench/resolve/" + COMMIT + "/omnimath.json"),
                r.out());
        assertEquals(
                List.of(
                        "/datasets/Qwen/ProcessBench/resolve/main/gsm8k.json",
                        "/datasets/Qwen/ProcessBench/resolve/" + COMMIT + "/math.json",
                        "/datasets/Qwen/ProcessBench/resolve/" + COMMIT + "/olympiadbench.json",
                        "/datasets/Qwen/ProcessBench/resolve/" + COMMIT + "/omnimath.json"),
                requests);
        assertTrue(
                r.out()
                        .contains("4 file(s) downloaded, checked and moved into " + dataDir.resolve("processbench")
                                + " (Qwen/ProcessBench revision main, commit " + COMMIT + ")"),
                r.out());
        // provenance beside each file: revision asked for, the commit served, URL, size, SHA-256, records
        var prov = org.veristep.json.Json.mapper()
                .readTree(dataDir.resolve("processbench/gsm8k.json.provenance").toFile());
        assertEquals("Qwen/ProcessBench", prov.get("repo").asText());
        assertEquals("main", prov.get("revision").asText());
        assertEquals(COMMIT, prov.get("commit").asText());
        assertEquals(files.get("gsm8k.json").length, prov.get("bytes").asLong());
        assertEquals(sha256(files.get("gsm8k.json")), prov.get("sha256").asText());
        assertEquals(400, prov.get("records").asLong());
        assertTrue(prov.get("known_copy").get("same_bytes").asBoolean());
        var provMath = org.veristep.json.Json.mapper()
                .readTree(dataDir.resolve("processbench/math.json.provenance").toFile());
        assertEquals(COMMIT, provMath.get("commit").asText());
        assertEquals(
                endpoint() + "/datasets/Qwen/ProcessBench/resolve/" + COMMIT + "/math.json",
                provMath.get("url").asText());
        assertEquals(List.of(), partFiles());
        assertEquals(List.of("processbench"), entries(dataDir), "no temporary directory left");
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
                        .contains("HTTP 404 for " + endpoint() + "/datasets/Qwen/ProcessBench/resolve/" + COMMIT
                                + "/omnimath.json"),
                r.err());
        // all or nothing: the three files that did download are not installed, no dataset directory
        assertEquals(List.of(), entries(dataDir));
        CliRun list = CliRun.of("datasets", "list", "--data-dir", dataDir.toString());
        assertTrue(list.out().replaceAll(" +", " ").contains("processbench missing 0 - - "), list.out());
    }

    private static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static final String HTML_PAGE = "<!DOCTYPE html>\n<html><head><title>Sign in</title></head>"
            + "<body>Please sign in to continue</body></html>\n";

    @Test
    void anHtmlPageServedAs200FailsNamingTheFileAndLeavesNoDatasetDirectory() throws IOException {
        served.put("math.json", HTML_PAGE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CliRun r = CliRun.of(
                "datasets",
                "pull",
                "processbench",
                "--quiet",
                "--data-dir",
                dataDir.toString(),
                "--endpoint",
                endpoint());
        assertEquals(1, r.exitCode(), r.out());
        assertTrue(
                r.err()
                        .contains("processbench/math.json downloaded from " + endpoint()
                                + "/datasets/Qwen/ProcessBench/resolve/" + COMMIT
                                + "/math.json is not a valid file of processbench: line 1: expected"
                                + " ProcessBenchFormat records (a JSON array or JSONL), got an HTML/XML page"
                                + " (<!DOCTYPE html>): an error or login page served as the file?; nothing was"
                                + " changed under " + dataDir),
                r.err());
        assertEquals(List.of(), entries(dataDir));
    }

    @Test
    void aTruncatedJsonArrayFailsNamingTheFileAndLeavesNoDatasetDirectory() throws IOException {
        byte[] whole = files.get("olympiadbench.json");
        served.put("olympiadbench.json", java.util.Arrays.copyOf(whole, whole.length / 2));
        CliRun r = CliRun.of(
                "datasets",
                "pull",
                "processbench",
                "--quiet",
                "--data-dir",
                dataDir.toString(),
                "--endpoint",
                endpoint());
        assertEquals(1, r.exitCode(), r.out());
        String err = r.err();
        assertTrue(
                err.contains("processbench/olympiadbench.json downloaded from " + endpoint()
                        + "/datasets/Qwen/ProcessBench/resolve/" + COMMIT
                        + "/olympiadbench.json is not a valid file of processbench: line "),
                err);
        assertTrue(err.contains("malformed JSON: Unexpected end-of-input"), err);
        assertTrue(err.contains("(the file ends early: truncated?)"), err);
        assertEquals(List.of(), entries(dataDir));
    }

    @Test
    void aFileWithTheWrongRecordCountOrSchemaFails() throws IOException {
        // a well-formed JSON array of 399 real cases: only the registered count can tell
        var cases = (com.fasterxml.jackson.databind.node.ArrayNode)
                org.veristep.json.Json.mapper().readTree(files.get("gsm8k.json"));
        cases.remove(399);
        served.put("gsm8k.json", org.veristep.json.Json.mapper().writeValueAsBytes(cases));
        CliRun r = CliRun.of(
                "datasets",
                "pull",
                "processbench",
                "--quiet",
                "--data-dir",
                dataDir.toString(),
                "--endpoint",
                endpoint());
        assertEquals(1, r.exitCode(), r.out());
        assertTrue(
                r.err()
                        .contains("processbench/gsm8k.json downloaded from " + endpoint()
                                + "/datasets/Qwen/ProcessBench/resolve/main/gsm8k.json is not a valid file of"
                                + " processbench: expected 400 records (as in QwenLM/ProcessBench@2f2fd8a (GitHub,"
                                + " 2024-12-10)), got 399"),
                r.err());
        assertEquals(List.of(), entries(dataDir));
        // JSON objects of another schema: the ProcessBench reader names the missing field
        served.put("gsm8k.json", "{\"question\": \"1+1?\", \"answer\": \"2\"}\n".getBytes());
        CliRun schema = CliRun.of(
                "datasets",
                "pull",
                "processbench",
                "--quiet",
                "--data-dir",
                dataDir.toString(),
                "--endpoint",
                endpoint());
        assertEquals(1, schema.exitCode(), schema.out());
        assertTrue(
                schema.err().contains("/gsm8k.json is not a valid file of processbench: line 1: field 'id': record 1:"),
                schema.err());
        assertEquals(List.of(), entries(dataDir));
    }

    @Test
    void withoutXRepoCommitTheProvenanceSaysUnknownAndTheBranchIsKept() throws IOException {
        sendCommit = false;
        CliRun r = CliRun.of(
                "datasets",
                "pull",
                "processbench",
                "--quiet",
                "--data-dir",
                dataDir.toString(),
                "--endpoint",
                endpoint());
        assertEquals(0, r.exitCode(), r.err());
        var prov = org.veristep.json.Json.mapper()
                .readTree(
                        dataDir.resolve("processbench/omnimath.json.provenance").toFile());
        assertEquals("main", prov.get("revision").asText());
        assertEquals("unknown", prov.get("commit").asText());
        assertTrue(requests.stream().allMatch(p -> p.contains("/resolve/main/")), requests.toString());
        assertTrue(r.out().contains("(Qwen/ProcessBench revision main, commit unknown: the Hub did not say)"), r.out());
    }

    @Test
    void filesFromTwoCommitsAreRefused() throws IOException {
        commitOf.put("olympiadbench.json", "0123456789abcdef0123456789abcdef01234567");
        CliRun r = CliRun.of(
                "datasets",
                "pull",
                "processbench",
                "--quiet",
                "--data-dir",
                dataDir.toString(),
                "--endpoint",
                endpoint());
        assertEquals(1, r.exitCode(), r.out());
        assertTrue(
                r.err()
                        .contains("the Hub served olympiadbench.json from commit"
                                + " 0123456789abcdef0123456789abcdef01234567 but an earlier file from " + COMMIT),
                r.err());
        assertEquals(List.of(), entries(dataDir));
    }

    @Test
    void aPreviouslyGoodCopySurvivesAFailedRePull() throws IOException {
        CliRun first = CliRun.of(
                "datasets",
                "pull",
                "processbench",
                "--quiet",
                "--data-dir",
                dataDir.toString(),
                "--endpoint",
                endpoint());
        assertEquals(0, first.exitCode(), first.err());
        Map<String, byte[]> before = new java.util.TreeMap<>();
        for (String f : entries(dataDir.resolve("processbench"))) {
            before.put(f, Files.readAllBytes(dataDir.resolve("processbench").resolve(f)));
        }
        assertEquals(8, before.size(), before.keySet().toString()); // 4 files + 4 provenance files
        served.put("omnimath.json", HTML_PAGE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CliRun again = CliRun.of(
                "datasets",
                "pull",
                "processbench",
                "--force",
                "--quiet",
                "--data-dir",
                dataDir.toString(),
                "--endpoint",
                endpoint());
        assertEquals(1, again.exitCode(), again.out());
        assertTrue(again.err().contains("processbench/omnimath.json downloaded from"), again.err());
        assertEquals(List.of("processbench"), entries(dataDir), "no temporary directory left");
        assertEquals(List.copyOf(before.keySet()), entries(dataDir.resolve("processbench")));
        for (var e : before.entrySet()) {
            assertArrayEquals(
                    e.getValue(),
                    Files.readAllBytes(dataDir.resolve("processbench").resolve(e.getKey())),
                    e.getKey());
        }
    }

    @Test
    void aPresentFileThatFailsItsCheckIsDownloadedAgain() throws IOException {
        // what an earlier Veristep left behind: an HTML page saved under the real name
        Path bad = dataDir.resolve("processbench/gsm8k.json");
        Files.createDirectories(bad.getParent());
        Files.writeString(bad, HTML_PAGE);
        CliRun r = CliRun.of(
                "datasets",
                "pull",
                "processbench",
                "--quiet",
                "--data-dir",
                dataDir.toString(),
                "--endpoint",
                endpoint());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(
                r.out().contains("invalid  processbench/gsm8k.json: " + bad + ":1: expected ProcessBenchFormat"),
                r.out());
        assertTrue(r.out().contains("4 file(s) downloaded, checked and moved into"), r.out());
        for (String s : List.of("gsm8k", "math", "olympiadbench", "omnimath")) {
            assertArrayEquals(
                    files.get(s + ".json"), Files.readAllBytes(dataDir.resolve("processbench/" + s + ".json")), s);
        }
        assertEquals(List.of("processbench"), entries(dataDir));
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
