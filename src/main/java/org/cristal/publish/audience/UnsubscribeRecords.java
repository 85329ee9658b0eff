package org.cristal.publish.audience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cristal.library.audience.ConsentEvent;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.Feedback;
import org.cristal.publish.UnsubscribeTokens;

/**
 * The records of the user's own unsubscribe receiver (the page behind the {@code https:} link of
 * {@code List-Unsubscribe}): JSON lines, one a request, as docs/unsubscribes.md describes —
 * <pre>{"token":"1234.email-marketing.k3j5…","at":"2026-03-14T10:02:11Z","ip":"203.0.113.7","method":"POST"}</pre>
 * Only a POST unsubscribes (RFC 8058 One-Click, or the page's button); a GET is what link scanners and
 * previews do, so it is read and ignored. A POST carrying a double opt-in confirmation token confirms.
 * Read from a file, or from an {@code https:} address (plain {@code http:} only on this machine).
 */
final class UnsubscribeRecords {
    static final int MAX_BYTES = 50 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private UnsubscribeRecords() {
    }

    static void read(String where, UnsubscribeTokens tokens, Feedback feedback, Instant now, SyncReport report)
            throws SyncException {
        String source = "records " + shown(where);
        String text = remote(where) ? fetch(where) : file(where);
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode r;
            try {
                r = JSON.readTree(line);
            } catch (IOException e) {
                report.ignore();
                continue;
            }
            String token = r.path("token").asText("");
            String method = r.path("method").asText("").strip().toUpperCase(Locale.ROOT);
            String when = r.path("at").asText("");
            if (!"POST".equals(method)) {
                report.ignore();
                continue;
            }
            Instant at = UnsubscribeCsv.parseDate(when, now);
            String ip = r.path("ip").asText("");
            String proof = "One-Click POST at " + when;
            Optional<UnsubscribeTokens.Request> confirm = tokens.verifyConfirm(token);
            Optional<UnsubscribeTokens.Request> asked = tokens.verify(token);
            Feedback.Change change;
            if (confirm.isPresent()) {
                UnsubscribeTokens.Request q = confirm.get();
                change = new Feedback.Grant(q.contactId(), new ConsentEvent(q.channel(), q.purpose(), true, at,
                        ConsentMethod.DOUBLE_OPT_IN, source, ip, proof));
            } else if (asked.isPresent()) {
                UnsubscribeTokens.Request q = asked.get();
                change = new Feedback.Withdraw(q.contactId(), new ConsentEvent(q.channel(), q.purpose(), false, at,
                        ConsentMethod.UNSUBSCRIBE_LINK, source, ip, proof));
            } else {
                report.ignore();
                continue;
            }
            List<Feedback.Change> changes = List.of(change);
            report.count(changes, feedback.apply("record:" + token + "|" + when, changes));
        }
    }

    static boolean remote(String where) {
        return where.regionMatches(true, 0, "https://", 0, 8) || where.regionMatches(true, 0, "http://", 0, 7);
    }

    /**
     * How the records' place is named to the user and in the ledger: the file's name, or the address's host
     * only (a receiver's address may carry a key in its query).
     */
    static String shown(String where) {
        try {
            return remote(where) ? String.valueOf(URI.create(where).getHost())
                    : String.valueOf(Path.of(where).getFileName());
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }

    private static String file(String where) throws SyncException {
        Path path;
        try {
            path = Path.of(where);
        } catch (java.nio.file.InvalidPathException e) {
            throw SyncException.of("unsubscribes.error.recordsAddress", shown(where));
        }
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw SyncException.of("unsubscribes.error.recordsTooBig", String.valueOf(path.getFileName()));
            }
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw SyncException.of("unsubscribes.error.noFile", String.valueOf(path.getFileName()));
        } catch (IOException e) {
            throw SyncException.of("unsubscribes.error.unreadable", String.valueOf(path.getFileName()));
        }
    }

    private static String fetch(String where) throws SyncException {
        URI uri;
        try {
            uri = URI.create(where);
        } catch (IllegalArgumentException e) {
            throw SyncException.of("unsubscribes.error.recordsAddress", "?");
        }
        String host = String.valueOf(uri.getHost());
        boolean local = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !local) {
            throw SyncException.of("unsubscribes.error.recordsAddress", uri.getScheme() + "://" + host);
        }
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw SyncException.of("unsubscribes.error.recordsHttp", host, response.statusCode());
                }
                byte[] bytes = in.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw SyncException.of("unsubscribes.error.recordsTooBig", host);
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new SyncException(SyncException.text("unsubscribes.error.recordsUnreachable", host), null, e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException(SyncException.text("unsubscribes.error.recordsUnreachable", host), null, e, true);
        }
    }
}
