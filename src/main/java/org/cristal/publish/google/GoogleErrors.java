package org.cristal.publish.google;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.cristal.publish.http.JsonHttp;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishException;

/**
 * Google's errors ({@code google.rpc.Status}: {@code {"error": {"code", "message", "status", "details"}}})
 * as messages a shop owner can act on. Google words its 403s for very different causes — the API not
 * enabled in the user's Cloud project, access to the Business Profile APIs not granted yet, a profile the
 * account does not manage — and reconnecting fixes none of them, so they are permanent, not AUTH.
 */
final class GoogleErrors {
    private GoogleErrors() {
    }

    static PublishException failure(JsonHttp http, JsonHttp.Response r) {
        JsonNode error = error(r.body());
        String status = error.path("status").asText("");
        String said = said(http, error.path("message").asText(""));
        switch (r.status()) {
            case 401:
                return PublishException.auth(text("publish.google.auth"));
            case 403:
                if (disabled(error)) {
                    return PublishException.permanent(text("publish.google.apiDisabled", said));
                }
                return PublishException.permanent(text("publish.google.notManager", said));
            case 404:
                return PublishException.permanent(text("publish.google.notFound"));
            case 400:
                String field = field(error);
                if (field.contains("media")) {
                    return PublishException.permanent(text("publish.google.media", said(http, detail(error))));
                }
                if (!field.isEmpty()) {
                    return PublishException.permanent(text("publish.google.invalidField", field,
                            said(http, detail(error))));
                }
                return PublishException.permanent(text("publish.google.invalid", said));
            default:
                if ("RESOURCE_EXHAUSTED".equals(status) && r.status() != 429) {
                    return http.failure(429, r.body(), r.header("Retry-After"));
                }
                return http.failure(r.status(), r.body(), r.header("Retry-After"));
        }
    }

    /** The {@code error} object of a Status body, or a missing node. */
    private static JsonNode error(byte[] body) {
        try {
            JsonNode json = JsonHttp.MAPPER.readTree(body);
            return json == null ? JsonHttp.MAPPER.missingNode() : json.path("error");
        } catch (java.io.IOException e) {
            return JsonHttp.MAPPER.missingNode();
        }
    }

    // "Google My Business API has not been used in project 123 before or it is disabled": ErrorInfo reason.
    private static boolean disabled(JsonNode error) {
        for (JsonNode d : error.path("details")) {
            String reason = d.path("reason").asText("");
            if (reason.equals("SERVICE_DISABLED") || reason.equals("API_DISABLED")) {
                return true;
            }
        }
        String m = error.path("message").asText("");
        return m.contains("has not been used in project") || m.contains("is disabled");
    }

    /** The field a v4 ValidationError or a BadRequest names ({@code media.source_url}), or "". */
    private static String field(JsonNode error) {
        for (JsonNode d : error.path("details")) {
            for (JsonNode e : d.path("errorDetails")) {
                if (e.hasNonNull("field")) {
                    return e.path("field").asText();
                }
            }
            for (JsonNode v : d.path("fieldViolations")) {
                if (v.hasNonNull("field")) {
                    return v.path("field").asText();
                }
            }
        }
        return "";
    }

    private static String detail(JsonNode error) {
        for (JsonNode d : error.path("details")) {
            for (JsonNode e : d.path("errorDetails")) {
                if (e.hasNonNull("message")) {
                    return e.path("message").asText();
                }
            }
            for (JsonNode v : d.path("fieldViolations")) {
                if (v.hasNonNull("description")) {
                    return v.path("description").asText();
                }
            }
        }
        return error.path("message").asText("");
    }

    /** Google's words, secrets blanked, clipped, on one line. */
    private static String said(JsonHttp http, String message) {
        String s = http.serviceText(JsonHttp.write(Map.of("message", message)).getBytes(StandardCharsets.UTF_8));
        return s.isEmpty() ? "?" : s;
    }

    static LocalText text(String key, Object... args) {
        return LocalText.fromBundle(PublishException.BUNDLE, key, args);
    }
}
