package org.cristal.publish;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cristal.publish.webhook.Signature;

/**
 * A webhook receiver on loopback that behaves as a careful real one does: it checks the signature, refuses
 * a bad one with 401, and treats a second request with an Idempotency-Key it has seen as the first (same
 * answer, nothing stored twice). Faults are scripted per request.
 */
public final class WebhookReceiver implements AutoCloseable {
    /** What the receiver does with one request. */
    public enum Fault {
        /** Store it, answer 200. */
        OK,
        /** Store it, then drop the connection without answering (the sender cannot know it arrived). */
        DROP_AFTER_STORE,
        /** Answer 500 without storing. */
        ERROR_500,
        /** Answer 429 with Retry-After: 120. */
        TOO_MANY_429,
        /** Answer 401 (as if the secret were wrong). */
        UNAUTHORIZED_401,
        /** Answer 422 with the receiver's own explanation, storing nothing. */
        INVALID_422,
        /** Answer 503 with Retry-After as an HTTP date ten minutes after the receiver's clock. */
        UNAVAILABLE_503_DATE,
        /** Store it, then hold the answer until {@link #release()} (a sender's time limit, a kill mid-send). */
        STORE_AND_HOLD
    }

    /** One request as it arrived. */
    public record Received(String idempotencyKey, String event, String body, boolean signatureValid) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final String secret;
    private final Clock clock;
    private final Deque<Fault> script = new ConcurrentLinkedDeque<>();
    private final List<Received> requests = new ArrayList<>();
    private final Map<String, Received> stored = new ConcurrentHashMap<>();
    private final Map<String, Integer> ids = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    public WebhookReceiver(String secret, Clock clock) throws IOException {
        this.secret = secret;
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hooks/cristal", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/cristal";
    }

    /** The next requests' faults, in order; requests past the script are {@link Fault#OK}. */
    public WebhookReceiver then(Fault... faults) {
        script.addAll(List.of(faults));
        return this;
    }

    /** Every request that arrived, faults included. */
    public synchronized List<Received> requests() {
        return List.copyOf(requests);
    }

    /** The stories the receiver keeps: one per idempotency key. */
    public Map<String, Received> stored() {
        return Map.copyOf(stored);
    }

    /** Waits until a request is being held. */
    public boolean awaitHolding(long seconds) throws InterruptedException {
        return holding.await(seconds, TimeUnit.SECONDS);
    }

    public void release() {
        released.countDown();
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
        boolean valid = Signature.verify(secret, ex.getRequestHeaders().getFirst("X-Cristal-Timestamp"),
                ex.getRequestHeaders().getFirst("X-Cristal-Signature"), body, clock.instant().getEpochSecond());
        Received r = new Received(key, ex.getRequestHeaders().getFirst("X-Cristal-Event"), body, valid);
        synchronized (this) {
            requests.add(r);
        }
        Fault fault = script.poll();
        if (fault == null) {
            fault = Fault.OK;
        }
        if (!valid || fault == Fault.UNAUTHORIZED_401) {
            answer(ex, 401, "{\"error\":\"bad signature\"}");
            return;
        }
        if ("ping".equals(r.event()) && fault == Fault.OK) {
            // A connection test: acknowledged, and no story to keep.
            answer(ex, 200, "{\"ok\":true}");
            return;
        }
        switch (fault) {
            case INVALID_422 -> answer(ex, 422, "{\"error\":\"title is longer than 70 characters\"}");
            case UNAVAILABLE_503_DATE -> {
                ex.getResponseHeaders().add("Retry-After", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                        .format(clock.instant().plusSeconds(600).atZone(java.time.ZoneOffset.UTC)));
                answer(ex, 503, "");
            }
            case ERROR_500 -> answer(ex, 500, "{\"error\":\"database unavailable\"}");
            case TOO_MANY_429 -> {
                ex.getResponseHeaders().add("Retry-After", "120");
                answer(ex, 429, "{\"error\":\"slow down\"}");
            }
            case DROP_AFTER_STORE -> {
                store(key, r);
                ex.close();
            }
            case STORE_AND_HOLD -> {
                int id = store(key, r);
                holding.countDown();
                try {
                    released.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answer(ex, 200, "{\"id\":\"post-" + id + "\"}");
            }
            default -> answer(ex, 200, "{\"id\":\"post-" + store(key, r) + "\",\"url\":\"https://receiver.example/p/"
                    + ids.get(key == null ? "" : key) + "\"}");
        }
    }

    private int store(String key, Received r) {
        String k = key == null ? "" : key;
        stored.putIfAbsent(k, r);
        return ids.computeIfAbsent(k, x -> nextId.getAndIncrement());
    }

    private static void answer(HttpExchange ex, int code, String json) {
        try (ex) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(code, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // The sender is gone (killed, timed out): nothing to answer.
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
