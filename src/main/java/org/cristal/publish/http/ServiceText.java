package org.cristal.publish.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.Collection;

/**
 * What a service says when it refuses something, made fit for a message: its own explanation from a JSON
 * error body, markup and line breaks removed, secrets blanked, clipped; and where it is, as host:port.
 */
public final class ServiceText {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX = 300;

    private ServiceText() {
    }

    /**
     * The explanation in an error body, or "": {@code error_description}, {@code message}, {@code detail},
     * {@code error} or {@code title} (Mastodon, WordPress, X, webhooks), else the first of {@code errors}
     * with its {@code context} (Ghost, X). Not JSON (an HTML error page): "".
     */
    public static String of(byte[] body, Collection<String> secrets) {
        String said = "";
        try {
            JsonNode json = body == null || body.length == 0 ? null : JSON.readTree(body);
            if (json != null && json.isObject()) {
                said = first(json, "error_description", "message", "detail", "error", "title");
                JsonNode errors = json.path("errors");
                if (said.isEmpty() && errors.isArray() && !errors.isEmpty()) {
                    said = first(errors.get(0), "message", "detail", "title");
                    String context = errors.get(0).path("context").asText("");
                    if (!context.isBlank() && !context.equals(said)) {
                        said = said.isEmpty() ? context : said + " " + context;
                    }
                }
            }
        } catch (IOException e) {
            // Not JSON: nothing worth showing.
        }
        // WordPress puts HTML in its messages; a message is plain text on one line.
        said = org.jsoup.Jsoup.parse(said).text().replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
        said = SecretForms.blank(said, secrets);
        return said.length() > MAX ? said.substring(0, MAX - 1) + "…" : said;
    }

    /** Host and port only: a message never shows a path, a query string or credentials. */
    public static String where(URI uri) {
        String host = uri.getHost() == null ? "?" : uri.getHost();
        return uri.getPort() > 0 ? host + ":" + uri.getPort() : host;
    }

    private static String first(JsonNode node, String... fields) {
        for (String f : fields) {
            JsonNode v = node.path(f);
            if (v.isTextual() && !v.asText().isBlank()) {
                return v.asText();
            }
        }
        return "";
    }
}
