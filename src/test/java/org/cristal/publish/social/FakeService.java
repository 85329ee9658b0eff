package org.cristal.publish.social;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The common part of the loopback services the social plugins are tested against: a real HTTP server on
 * a free port, the requests it received, and faults to inject on the n-th call of an endpoint.
 */
public abstract class FakeService implements AutoCloseable {
    protected static final ObjectMapper JSON = new ObjectMapper();

    /** What to do instead of answering normally. */
    public enum Fault {
        /** Do the work (create the post), then cut the connection without answering. */
        DROP_AFTER_WORK,
        /** Cut the connection before doing anything. */
        DROP,
        SERVER_ERROR,
        /** 429 with Retry-After: 7. */
        RATE_LIMITED,
        UNAUTHORIZED,
        /** Never answer (until the server closes). */
        HANG
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, Integer> calls = new ConcurrentHashMap<>();
    /** Method and path of every request received, in order. */
    public final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    /** Every Authorization header received. */
    public final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

    protected FakeService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Injects {@code fault} on the {@code nth} (from 1) call of {@code endpoint} ("POST /api/v1/statuses"). */
    public void fault(String endpoint, int nth, Fault fault) {
        faults.put(endpoint + "#" + nth, fault);
    }

    /** How many calls {@code endpoint} received. */
    public int calls(String endpoint) {
        return calls.getOrDefault(endpoint, 0);
    }

    private void dispatch(HttpExchange ex) throws IOException {
        try {
            String endpoint = ex.getRequestMethod() + " " + ex.getRequestURI().getPath();
            requests.add(endpoint);
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth != null) {
                authorizations.add(auth);
            }
            int nth = calls.merge(endpoint, 1, Integer::sum);
            byte[] body = ex.getRequestBody().readAllBytes();
            Fault fault = faults.get(endpoint + "#" + nth);
            if (fault == Fault.DROP) {
                return;
            }
            if (fault == Fault.HANG) {
                closing.await();
                return;
            }
            if (fault == Fault.SERVER_ERROR) {
                send(ex, 500, "{\"error\":\"Internal Server Error\"}");
                return;
            }
            if (fault == Fault.RATE_LIMITED) {
                ex.getResponseHeaders().add("Retry-After", "7");
                send(ex, 429, rateLimitBody());
                return;
            }
            if (fault == Fault.UNAUTHORIZED) {
                send(ex, 401, unauthorizedBody());
                return;
            }
            Answer answer = handle(ex, endpoint, body);
            if (fault == Fault.DROP_AFTER_WORK) {
                return;
            }
            send(ex, answer.status(), answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            send(ex, 500, "{\"error\":\"test server: " + e.getClass().getSimpleName() + "\"}");
        } finally {
            ex.close();
        }
    }

    /** An answer: status and JSON body. */
    public record Answer(int status, String body) {
        public static Answer json(int status, Object value) {
            try {
                return new Answer(status, JSON.writeValueAsString(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Serves one request as the real service documents it. */
    protected abstract Answer handle(HttpExchange ex, String endpoint, byte[] body) throws IOException;

    /** The 401 body as the service words it. */
    protected abstract String unauthorizedBody();

    protected String rateLimitBody() {
        return "{\"error\":\"Too many requests\"}";
    }

    protected static JsonNode json(byte[] body) throws IOException {
        return JSON.readTree(body);
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        ex.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
