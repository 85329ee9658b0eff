package org.cristal.publish.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.cristal.publish.spi.PublishException;

/**
 * Where the browser brings the user back after consent (RFC 8252 §7.3): {@code http://127.0.0.1:<port>/callback}
 * on a free port, loopback only, so nothing outside the machine can reach it. It takes the one answer that
 * carries this attempt's {@code state}; anything else (another tab, a forged link) is refused and the wait
 * goes on. The wait always ends: with the code, the service's refusal, a timeout or a cancel.
 */
public final class LoopbackReceiver implements AutoCloseable {
    public static final String PATH = "/callback";

    private final HttpServer server;
    private final String state;
    private final Locale locale;
    private final CompletableFuture<String> code = new CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private LoopbackReceiver(HttpServer server, String state, Locale locale) {
        this.server = server;
        this.state = state;
        this.locale = locale;
    }

    /** Starts listening on a free port; {@code locale} is the language of the page the browser shows. */
    public static LoopbackReceiver start(String state, Locale locale) throws IOException {
        return start(state, locale, 0);
    }

    /**
     * Starts listening on {@code port} (0: any free one). A fixed port is for the services that match a
     * registered redirect URI port and all, against RFC 8252 §7.3; it fails when the port is taken.
     */
    public static LoopbackReceiver start(String state, Locale locale, int port) throws IOException {
        if (state == null || state.isBlank()) {
            throw new IllegalArgumentException("a state is needed");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        LoopbackReceiver receiver = new LoopbackReceiver(server, state, locale);
        server.createContext(PATH, receiver::handle);
        // One daemon thread: a receiver left open never keeps Cristal from quitting.
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "oauth-loopback");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return receiver;
    }

    /** The redirect URI to register and send: the IP literal, not "localhost" (RFC 8252 §8.3). */
    public String redirectUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /**
     * Waits for the browser's return. Throws a {@link PublishException}: {@code CANCELLED} after {@link #cancel()}
     * or an interrupt, {@code TRANSIENT} after {@code timeout}, {@code PERMANENT} with the service's reason when
     * it refused (the user clicked "Deny").
     */
    public String await(Duration timeout) throws PublishException {
        try {
            return code.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw PublishException.transientFailure(
                    OAuthText.of("publish.oauth.timeout", Math.max(1, timeout.toMinutes())), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PublishException.cancelled();
        } catch (java.util.concurrent.CancellationException e) {
            throw PublishException.cancelled();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PublishException p) {
                throw p;
            }
            throw PublishException.permanent(OAuthText.of("publish.oauth.denied"));
        } finally {
            close();
        }
    }

    /** Ends a wait from another thread (the user closed the dialog). */
    public void cancel() {
        code.cancel(false);
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
            boolean ours = "GET".equals(exchange.getRequestMethod()) && PATH.equals(exchange.getRequestURI().getPath())
                    && state.equals(q.get("state"));
            if (!ours || code.isDone()) {
                page(exchange, 400, "publish.oauth.page.refused");
                return;
            }
            String error = q.get("error");
            String got = q.get("code");
            if (error != null || got == null || got.isBlank()) {
                // The service's own words, clipped: they come from a URL anyone could have typed.
                String why = q.getOrDefault("error_description", error == null ? "" : error)
                        .replaceAll("[\\p{Cntrl}]+", " ").strip();
                why = why.length() > 200 ? why.substring(0, 199) + "…" : why;
                page(exchange, 200, "publish.oauth.page.denied");
                code.completeExceptionally(PublishException.permanent(why.isEmpty() ? OAuthText.of("publish.oauth.denied")
                        : OAuthText.of("publish.oauth.deniedSaid", why)));
                return;
            }
            page(exchange, 200, "publish.oauth.page.done");
            code.complete(got);
        }
    }

    private void page(HttpExchange exchange, int status, String key) throws IOException {
        String title = OAuthText.of("publish.oauth.page.title").get(locale);
        String text = OAuthText.of(key).get(locale);
        String html = "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<title>" + escape(title) + "</title></head><body><p>" + escape(text) + "</p></body></html>";
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        // No script, nothing cached, nothing for other sites: the page only says where to go back.
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            q.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return q;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
