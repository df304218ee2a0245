package org.veristep.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.veristep.VeristepException;
import org.veristep.json.Json;

/**
 * A client for one OpenAI-compatible server (vLLM, SGLang, llama.cpp server, Ollama, hosted APIs) on
 * the JDK {@link HttpClient}, speaking HTTP/1.1.
 *
 * <p>Every call blocks its thread until the exchange ends (call it from virtual threads for
 * concurrency). At most {@link ClientConfig#maxConcurrency()} requests are in flight at once; more
 * callers wait for a permit, which is held only while a request is on the wire (not while backing
 * off). A retriable failure ({@link HttpFailure.Retriable}: 429, 408, 409, 5xx, timeouts, refused or
 * dropped connections) is retried up to {@link ClientConfig#maxRetries()} times: the delay is the
 * server's {@code Retry-After} when it sent one (plus up to 10% jitter, never less), else an
 * exponential backoff {@code base·2^(retry-1)}, capped at {@code backoffMax}, with "equal jitter"
 * (uniform in [d/2, d]) so that many clients do not retry in step. A non-retriable failure (400, 401,
 * 404 ...) is thrown at once with the server's message. Status → exception is decided in {@link
 * ExceptionMapper} only.
 *
 * <p>The bearer token is read once from the environment variable the configuration names; it is
 * sent in the {@code Authorization} header and never appears in messages or logs.
 *
 * <p>Thread-safe. The creator closes it; closing releases the HTTP client's threads and connections.
 */
public final class OpenAiClient implements AutoCloseable {
    private final ClientConfig config;
    private final String bearer;
    private final ExecutorService executor;
    private final HttpClient http;
    private final Semaphore permits;
    private final RetryPolicy<Object> retryPolicy;
    private final ObjectMapper mapper = Json.mapper();
    private final LongAdder attempts = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder promptTokens = new LongAdder();
    private final LongAdder completionTokens = new LongAdder();

    /**
     * @throws VeristepException.NonRetriable when the configuration names an API-key environment
     *     variable that is not set
     */
    public OpenAiClient(ClientConfig config) {
        this.config = config;
        if (config.apiKeyEnv() != null) {
            String key = System.getenv(config.apiKeyEnv());
            if (key == null || key.isBlank()) {
                throw new VeristepException.NonRetriable("environment variable " + config.apiKeyEnv()
                        + " (the API key for " + config.baseUrl() + ") is not set");
            }
            this.bearer = "Bearer " + key.strip();
        } else {
            this.bearer = null;
        }
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .executor(executor)
                .build();
        this.permits = new Semaphore(config.maxConcurrency(), true);
        this.retryPolicy = RetryPolicy.builder()
                .handleIf((result, failure) -> failure instanceof VeristepException.Retriable)
                .abortIf((result, failure) -> Thread.currentThread().isInterrupted())
                .withMaxRetries(config.maxRetries())
                .withDelayFn(ctx -> delayBefore(ctx.getAttemptCount(), ctx.getLastException()))
                .onRetry(e -> retries.increment())
                .build();
    }

    /** {@return the configuration} */
    public ClientConfig config() {
        return config;
    }

    /** {@code POST /v1/completions}. */
    public CompletionResponse completions(CompletionRequest request) {
        return call("POST", "v1/completions", request, CompletionResponse.class);
    }

    /** {@code POST /v1/chat/completions}. */
    public ChatResponse chat(ChatRequest request) {
        return call("POST", "v1/chat/completions", request, ChatResponse.class);
    }

    /** vLLM {@code POST /pooling}. */
    public PoolingResponse pooling(PoolingRequest request) {
        return call("POST", "pooling", request, PoolingResponse.class);
    }

    /** {@code GET /v1/models}. */
    public ModelList models() {
        return call("GET", "v1/models", null, ModelList.class);
    }

    /**
     * {@return counts so far: HTTP attempts made, retries, calls that ended in an exception, and the
     * tokens the server reported}
     */
    public Stats stats() {
        return new Stats(attempts.sum(), retries.sum(), failures.sum(), promptTokens.sum(), completionTokens.sum());
    }

    /**
     * Request counts of one client.
     *
     * @param attempts HTTP exchanges started (first tries and retries)
     * @param retries tries after a retriable failure
     * @param failures calls that threw (after their retries)
     * @param promptTokens prompt tokens reported in {@code usage} by successful calls
     * @param completionTokens generated tokens reported in {@code usage} by successful calls
     */
    public record Stats(long attempts, long retries, long failures, long promptTokens, long completionTokens) {}

    /**
     * Sends one request, retrying as the class javadoc says.
     *
     * @param body the request record (serialised without null fields), or null for GET
     * @throws VeristepException.NonRetriable for an unsupported parameter (before sending), a 4xx
     *     other than 408/409/429, or a 2xx body of the wrong shape
     * @throws VeristepException.Retriable when the retries are used up
     */
    <T> T call(String method, String path, Object body, Class<T> type) {
        ObjectNode json = body == null ? null : mapper.valueToTree(body);
        config.flavor().check(path, json);
        byte[] bytes;
        try {
            bytes = json == null ? null : mapper.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new VeristepException.NonRetriable("cannot serialise the request: " + e.getOriginalMessage(), e);
        }
        URI uri = config.resolve(path);
        try {
            return Failsafe.with(retryPolicy).get(() -> once(method, uri, bytes, type));
        } catch (VeristepException e) {
            failures.increment();
            throw e;
        } catch (FailsafeException e) {
            failures.increment();
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new VeristepException.NonRetriable(method + " " + uri + " interrupted", e.getCause());
            }
            throw new VeristepException.NonRetriable(method + " " + uri + ": " + e.getMessage(), e);
        }
    }

    private <T> T once(String method, URI uri, byte[] body, Class<T> type) throws InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .header("Accept", "application/json")
                .header("User-Agent", "veristep");
        if (bearer != null) b.header("Authorization", bearer);
        if (body != null) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            b.GET();
        }
        HttpRequest request = b.build();
        HttpResponse<byte[]> response;
        permits.acquire();
        try {
            attempts.increment();
            CompletableFuture<HttpResponse<byte[]>> f =
                    http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
            try {
                // The request timeout only bounds the wait for the headers; this bounds the whole body too.
                response = f.get(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                f.cancel(true);
                throw ExceptionMapper.fromTransport(
                        method,
                        uri,
                        new java.net.http.HttpTimeoutException("no complete response within "
                                + config.requestTimeout().toMillis() + " ms"));
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof IOException io) throw ExceptionMapper.fromTransport(method, uri, io);
                throw ExceptionMapper.fromTransport(method, uri, new IOException(c));
            } catch (InterruptedException e) {
                f.cancel(true);
                throw e;
            }
        } finally {
            permits.release();
        }
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            throw ExceptionMapper.fromStatus(
                    method, uri, status, response.headers(), new String(response.body(), StandardCharsets.UTF_8));
        }
        try {
            T value = mapper.readValue(response.body(), type);
            if (value == null) throw ExceptionMapper.malformed(method, uri, "empty body", null);
            if (value instanceof ReportsUsage r && r.usage() != null) {
                if (r.usage().promptTokens() != null) promptTokens.add(r.usage().promptTokens());
                if (r.usage().completionTokens() != null)
                    completionTokens.add(r.usage().completionTokens());
            }
            return value;
        } catch (IOException e) {
            throw ExceptionMapper.malformed(method, uri, e.getMessage(), e);
        }
    }

    /** {@return the delay before retry number {@code attempt} (1-based), as the class javadoc says} */
    private Duration delayBefore(int attempt, Throwable failure) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        if (failure instanceof HttpFailure.Retriable h && h.retryAfter().isPresent()) {
            long ms = h.retryAfter().get().toMillis();
            return Duration.ofMillis(ms + (ms > 0 ? r.nextLong(ms / 10 + 1) : 0));
        }
        long base = config.backoffBase().toMillis();
        long cap = config.backoffMax().toMillis();
        long d = Math.min(cap, base << Math.min(Math.max(attempt - 1, 0), 30));
        return Duration.ofMillis(d / 2 + (d > 0 ? r.nextLong(d - d / 2 + 1) : 0));
    }

    @Override
    public void close() {
        http.close();
        executor.close();
    }
}
