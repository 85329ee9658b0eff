package org.cristal.publish.webpost;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on loopback for a fake service: it records every request, and before the service
 * answers it applies the faults queued for it (drop the connection, answer 500, 429 with Retry-After,
 * 401, stall past the client's timeout).
 */
public class LoopbackServer implements AutoCloseable {
    /** A request as the server received it. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers,
            byte[] body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse("");
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** An answer. */
    public record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {
        public static Answer json(int status, String json) {
            return new Answer(status, "application/json; charset=UTF-8", json.getBytes(StandardCharsets.UTF_8),
                    Map.of());
        }
    }

    /** The service behind the server. */
    public interface Service {
        Answer handle(Received request) throws IOException;
    }

    /** What to do instead of answering. */
    public sealed interface Fault {
    }

    public record Drop() implements Fault {
    }

    public record Respond(Answer answer) implements Fault {
    }

    public record Stall() implements Fault {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Received> received = new ArrayList<>();
    private final Deque<Fault> faults = new ConcurrentLinkedDeque<>();
    private final List<Targeted> targeted = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    public LoopbackServer(Service service) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> handle(exchange, service));
        server.setExecutor(executor);
        server.start();
    }

    /** http://127.0.0.1:port */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next request gets {@code fault} instead of the service's answer. */
    public LoopbackServer fault(Fault fault) {
        faults.add(fault);
        return this;
    }

    /** The next request with this method and path gets {@code fault}; others are served as usual. */
    public LoopbackServer faultOn(String method, String path, Fault fault) {
        targeted.add(new Targeted(method, path, fault));
        return this;
    }

    private record Targeted(String method, String path, Fault fault) {
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Requests with this method whose path is {@code path}. */
    public synchronized List<Received> received(String method, String path) {
        return received.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange, Service service) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Received r = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body);
            synchronized (this) {
                received.add(r);
            }
            Fault fault = null;
            for (Targeted t : targeted) {
                if (t.method().equals(r.method()) && t.path().equals(r.path()) && targeted.remove(t)) {
                    fault = t.fault();
                    break;
                }
            }
            if (fault == null) {
                fault = faults.poll();
            }
            if (fault instanceof Drop) {
                // Closing the exchange before any response closes the connection: the client sees it drop.
                return;
            }
            if (fault instanceof Stall) {
                closing.await(10, TimeUnit.SECONDS);
                return;
            }
            Answer answer = fault instanceof Respond respond ? respond.answer() : service.handle(r);
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
