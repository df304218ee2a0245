package org.veristep.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.veristep.VeristepException;

/**
 * Downloads dataset files from the Hugging Face Hub (or a mirror with the same URL layout: {@code
 * {endpoint}/datasets/{repo}/resolve/{revision}/{path}}), the way {@code huggingface_hub} does:
 * endpoint from {@code HF_ENDPOINT} (default {@code https://huggingface.co}), token from {@code
 * HF_TOKEN} sent as {@code Authorization: Bearer …} to the endpoint's host only (never to the
 * storage host a download redirects to, and never logged).
 *
 * <p>Each file is written to a temporary file beside its target and moved into place when
 * complete, so an interrupted download never leaves a partial file under the real name. A transfer
 * that sends no data for the timeout is cancelled (nothing hangs).
 * Errors: {@link VeristepException.Retriable} when the Hub cannot be reached (offline), times out,
 * or answers 429/5xx; {@link VeristepException.NonRetriable} for 401/403 (token missing or
 * refused), 404 and other 4xx.
 */
public final class HubClient {
    /** The default endpoint. */
    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";

    private static final int MAX_REDIRECTS = 10;

    /** A git commit id: SHA-1 (40 hex digits) or SHA-256 (64). */
    private static final java.util.regex.Pattern COMMIT_ID =
            java.util.regex.Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    private final URI endpoint;
    private final String token;
    private final HttpClient http;
    private final Duration timeout;

    /**
     * @param endpoint base URL of the Hub, e.g. {@code https://huggingface.co}; a trailing slash is
     *     ignored
     * @param token the access token, or null/blank for anonymous access
     * @param timeout limit on connecting and on waiting for each response's headers
     */
    public HubClient(String endpoint, String token, Duration timeout) {
        String e = Objects.requireNonNull(endpoint, "endpoint").strip();
        while (e.endsWith("/")) e = e.substring(0, e.length() - 1);
        this.endpoint = URI.create(e);
        if (this.endpoint.getScheme() == null || this.endpoint.getHost() == null) {
            throw new VeristepException.NonRetriable("Hub endpoint " + endpoint + " is not an absolute http(s) URL");
        }
        this.token = token == null || token.isBlank() ? null : token.strip();
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * {@return a client configured like {@code huggingface_hub}}: {@code endpointFlag}, else {@code
     * HF_ENDPOINT}, else {@link #DEFAULT_ENDPOINT}; token from {@code HF_TOKEN}
     */
    public static HubClient fromEnvironment(String endpointFlag) {
        String env = System.getenv("HF_ENDPOINT");
        String endpoint = endpointFlag != null ? endpointFlag : env != null && !env.isBlank() ? env : DEFAULT_ENDPOINT;
        return new HubClient(endpoint, System.getenv("HF_TOKEN"), Duration.ofSeconds(30));
    }

    /**
     * {@return whether {@code huggingface_hub}'s offline switch is on in {@code env}}: {@code
     * HF_HUB_OFFLINE} set to 1, true, yes or on (any case)
     */
    public static boolean offlineMode(java.util.Map<String, String> env) {
        String v = env.get("HF_HUB_OFFLINE");
        return v != null
                && java.util.Set.of("1", "true", "yes", "on").contains(v.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /** {@return the endpoint} */
    public URI endpoint() {
        return endpoint;
    }

    /** {@return the download URL of one file of a dataset repository} */
    public URI fileUrl(String repo, String revision, String path) {
        StringBuilder b = new StringBuilder(endpoint.toString())
                .append("/datasets/")
                .append(repo)
                .append("/resolve/");
        b.append(URLEncoder.encode(revision, StandardCharsets.UTF_8));
        for (String seg : path.split("/")) {
            b.append('/').append(URLEncoder.encode(seg, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return URI.create(b.toString());
    }

    /** Receives download progress, about five times a second while data arrives. */
    @FunctionalInterface
    public interface Listener {
        /** Ignores progress. */
        Listener NONE = (bytes, totalBytes) -> {};

        /**
         * @param bytes bytes received so far
         * @param totalBytes the file's size from {@code Content-Length}, or -1 when not announced
         */
        void progress(long bytes, long totalBytes);
    }

    /**
     * What a download fetched, for the provenance of the file.
     *
     * @param url the file's URL on the Hub (before redirects)
     * @param bytes the file's size
     * @param sha256 the SHA-256 of the file, lower-case hex
     * @param commit the repository commit the revision resolved to, from the Hub's {@code
     *     X-Repo-Commit} response header (a 40- or 64-digit hex id, lower case), or null when the
     *     Hub did not send one (or sent something that is not a commit id)
     */
    public record Download(URI url, long bytes, String sha256, String commit) {}

    /** Downloads one file without progress reports; see {@link #download(String, String, String, Path, Listener)}. */
    public Download download(String repo, String revision, String path, Path target) {
        return download(repo, revision, path, target, Listener.NONE);
    }

    /**
     * Downloads one file of a dataset repository to {@code target}, atomically.
     *
     * @param listener told how many bytes have arrived while the download runs
     * @return the URL, size, SHA-256 and resolved commit of the file written
     * @throws VeristepException.Retriable when offline, on timeouts, 429 and 5xx
     * @throws VeristepException.NonRetriable on 401/403/404 and other 4xx, and too many redirects
     * @throws UncheckedIOException when the target cannot be written
     */
    public Download download(String repo, String revision, String path, Path target, Listener listener) {
        URI url = fileUrl(repo, revision, path);
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // default permissions (the umask's), not createTempFile's owner-only ones
            Path tmp = DatasetPull.createUnique(dir, "." + target.getFileName() + ".", ".part", false);
            try {
                String[] commit = {null};
                long n = fetch(url, tmp, listener, commit);
                String sha = sha256(tmp);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return new Download(url, n, sha, commit[0]);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(Path file) {
        return DatasetCheck.sha256(file);
    }

    private long fetch(URI url, Path tmp, Listener listener, String[] commit) throws IOException {
        URI current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder rb =
                    HttpRequest.newBuilder(current).timeout(timeout).GET();
            if (token != null && sameOrigin(current)) rb.header("Authorization", "Bearer " + token);
            AtomicLong length = new AtomicLong(-1);
            HttpResponse<Path> resp = await(
                    http.sendAsync(rb.build(), info -> {
                        if (info.statusCode() != 200) return HttpResponse.BodySubscribers.replacing((Path) null);
                        length.set(info.headers()
                                .firstValueAsLong("Content-Length")
                                .orElse(-1));
                        return HttpResponse.BodySubscribers.ofFile(tmp);
                    }),
                    current,
                    url,
                    tmp,
                    size -> listener.progress(size, length.get()));
            int status = resp.statusCode();
            // the commit the revision resolved to, as huggingface_hub reads it (X-Repo-Commit), from the
            // Hub itself only: a storage host a download redirects to does not know the repository
            if (sameOrigin(current)) {
                resp.headers()
                        .firstValue("X-Repo-Commit")
                        .map(c -> c.strip().toLowerCase(java.util.Locale.ROOT))
                        .filter(c -> COMMIT_ID.matcher(c).matches())
                        .ifPresent(c -> commit[0] = c);
            }
            if (status >= 300 && status < 400 && status != 304) {
                String loc = resp.headers()
                        .firstValue("Location")
                        .orElseThrow(() -> new VeristepException.NonRetriable(
                                "HTTP " + status + " without a Location header from " + url));
                current = current.resolve(loc);
                continue;
            }
            if (status == 200) {
                long size = Files.size(tmp);
                listener.progress(size, size);
                return size;
            }
            // the Hub explains refusals (gated repositories, missing entries) in X-Error-Message
            String what = "HTTP " + status + " for " + url
                    + resp.headers()
                            .firstValue("X-Error-Message")
                            .map(m -> " (" + m + ")")
                            .orElse("");
            if (status == 401 || status == 403) {
                throw new VeristepException.NonRetriable(what + ": the repository needs an access token"
                        + (token == null ? " (set HF_TOKEN)" : " (the HF_TOKEN given was refused)"));
            }
            if (status == 404)
                throw new VeristepException.NonRetriable(what + ": no such file, revision or repository");
            if (status == 429 || status >= 500) throw new VeristepException.Retriable(what + ": try again later");
            throw new VeristepException.NonRetriable(what);
        }
        throw new VeristepException.NonRetriable("more than " + MAX_REDIRECTS + " redirects for " + url);
    }

    /**
     * Waits for a response whose body is being written to {@code tmp}; cancels it when the file has
     * not grown for {@code timeout} (a stalled transfer), so no download hangs.
     */
    private <T> HttpResponse<T> await(
            CompletableFuture<HttpResponse<T>> f, URI current, URI url, Path tmp, LongConsumer sizes)
            throws IOException {
        long lastSize = -1;
        long lastChange = System.nanoTime();
        while (true) {
            try {
                return f.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                long size = Files.exists(tmp) ? Files.size(tmp) : 0;
                long now = System.nanoTime();
                sizes.accept(size);
                if (size != lastSize) {
                    lastSize = size;
                    lastChange = now;
                } else if (now - lastChange > timeout.toNanos()) {
                    f.cancel(true);
                    throw new VeristepException.Retriable("download of " + url + " stalled: no data for "
                            + timeout.toSeconds() + " s after " + size + " bytes");
                }
            } catch (InterruptedException e) {
                f.cancel(true);
                Thread.currentThread().interrupt();
                throw new VeristepException.Retriable("download of " + url + " interrupted", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof HttpConnectTimeoutException
                        || c instanceof ConnectException
                        || c instanceof UnresolvedAddressException
                        || c.getCause() instanceof ConnectException
                        || c.getCause() instanceof UnresolvedAddressException) {
                    throw new VeristepException.Retriable(
                            "cannot reach " + current.getScheme() + "://"
                                    + current.getAuthority() + " (offline?): " + describe(c) + ". Set HF_ENDPOINT to a"
                                    + " reachable mirror, or copy the files into the data directory by hand",
                            c);
                }
                if (c instanceof HttpTimeoutException) {
                    throw new VeristepException.Retriable(
                            "no answer from " + current.getAuthority() + " within " + timeout.toSeconds() + " s", c);
                }
                throw new VeristepException.Retriable("download of " + url + " failed: " + describe(c), c);
            }
        }
    }

    private boolean sameOrigin(URI u) {
        return Objects.equals(u.getScheme(), endpoint.getScheme())
                && Objects.equals(u.getHost(), endpoint.getHost())
                && u.getPort() == endpoint.getPort();
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
