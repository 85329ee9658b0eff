package org.cristal.publish;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * The service the example plugin of docs/plugins.md posts to, on loopback: {@code POST /pages} with
 * {@code Authorization: Bearer TOKEN} and an HTML body answers 201 Created and a Location;
 * {@code GET /pages} answers 200 (the connection test). A wrong token gets 401, and {@link #failWith}
 * makes every request fail with that status.
 */
public final class PageEndpoint implements AutoCloseable {
    /** One page received. */
    public record Page(String html, Map<String, List<String>> headers) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse("");
        }
    }

    private final HttpServer server;
    private final String token;
    private final List<Page> pages = new CopyOnWriteArrayList<>();
    private volatile int failWith;

    public PageEndpoint(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/pages", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/pages";
    }

    public List<Page> pages() {
        return List.copyOf(pages);
    }

    /** Every request from now on gets {@code status} (0: back to normal). */
    public void failWith(int status) {
        failWith = status;
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        if (failWith != 0) {
            respond(ex, failWith, "Service unavailable, try later");
            return;
        }
        if (!("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            respond(ex, 401, "bad token");
            return;
        }
        if ("GET".equals(ex.getRequestMethod())) {
            respond(ex, 200, "ready");
            return;
        }
        if (!"POST".equals(ex.getRequestMethod())) {
            respond(ex, 405, "method not allowed");
            return;
        }
        pages.add(new Page(new String(body, StandardCharsets.UTF_8), Map.copyOf(ex.getRequestHeaders())));
        ex.getResponseHeaders().add("Location", url() + "/" + pages.size());
        respond(ex, 201, "created");
    }

    private static void respond(HttpExchange ex, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
