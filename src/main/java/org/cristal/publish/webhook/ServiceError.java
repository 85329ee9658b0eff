package org.cristal.publish.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/** The receiver's own explanation of a refusal ({@code error} or {@code message} in a JSON answer), short. */
final class ServiceError {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServiceError() {
    }

    static Optional<String> of(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(body);
            for (String field : new String[] {"error", "message"}) {
                if (n != null && n.hasNonNull(field) && n.get(field).isTextual()) {
                    return Optional.of(clip(n.get(field).asText()));
                }
            }
        } catch (IOException e) {
            // Not JSON: say nothing rather than show an HTML error page.
        }
        return Optional.empty();
    }

    private static String clip(String s) {
        String one = s.replaceAll("\\p{Cntrl}", " ").strip();
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }
}
