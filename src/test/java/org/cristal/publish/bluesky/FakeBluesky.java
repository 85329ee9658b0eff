package org.cristal.publish.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.cristal.publish.social.FakeService;

/**
 * A Bluesky PDS on loopback, speaking the AT Protocol lexicons the plugin uses:
 * {@code com.atproto.server.createSession}, {@code com.atproto.repo.uploadBlob}, {@code createRecord} (a
 * second record under the same key fails with a 500, as the PDS does today) and {@code getRecord}
 * ({@code RecordNotFound} when absent).
 */
final class FakeBluesky extends FakeService {
    static final String HANDLE = "boulangerie.bsky.social";
    static final String PASSWORD = "abcd-efgh-ijkl-mnop";
    static final String DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz";
    static final String JWT = "eyJhbGciOiJFUzI1NksifQ.access.sig";
    static final String CREATE = "POST /xrpc/com.atproto.repo.createRecord";
    static final String UPLOAD = "POST /xrpc/com.atproto.repo.uploadBlob";
    static final String SESSION = "POST /xrpc/com.atproto.server.createSession";

    /** A post record stored in the repository. */
    record Stored(String rkey, String uri, String cid, JsonNode record) {
        String text() {
            return record.path("text").asText();
        }

        String parentUri() {
            return record.path("reply").path("parent").path("uri").asText(null);
        }

        String rootUri() {
            return record.path("reply").path("root").path("uri").asText(null);
        }
    }

    /** A blob received: its type and size. */
    record Blob(String cid, String mimeType, int size) {
    }

    final List<Stored> posts = Collections.synchronizedList(new ArrayList<>());
    final List<Blob> blobs = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Stored> byKey = new ConcurrentHashMap<>();
    private final AtomicInteger cids = new AtomicInteger();

    @Override
    protected Answer handle(HttpExchange ex, String endpoint, byte[] body) throws IOException {
        if (endpoint.equals(SESSION)) {
            JsonNode in = json(body);
            if (!HANDLE.equals(in.path("identifier").asText()) || !PASSWORD.equals(in.path("password").asText())) {
                return new Answer(401, unauthorizedBody());
            }
            return Answer.json(200, Map.of("accessJwt", JWT, "refreshJwt", "eyJ.refresh.sig", "handle", HANDLE,
                    "did", DID, "active", true));
        }
        if (!("Bearer " + JWT).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            return Answer.json(401, Map.of("error", "AuthenticationRequired", "message", "Authentication Required"));
        }
        if (endpoint.equals(UPLOAD)) {
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            String cid = "bafkreig" + HexFormat.of().formatHex(body, 0, 8);
            blobs.add(new Blob(cid, type, body.length));
            return Answer.json(200, Map.of("blob", Map.of("$type", "blob", "ref", Map.of("$link", cid),
                    "mimeType", type, "size", body.length)));
        }
        if (endpoint.equals(CREATE)) {
            JsonNode in = json(body);
            String rkey = in.path("rkey").asText();
            if (!in.path("repo").asText().equals(DID) || !in.path("collection").asText().equals("app.bsky.feed.post")
                    || !rkey.matches("[234567a-j][234567a-z]{12}")) {
                return Answer.json(400, Map.of("error", "InvalidRequest", "message", "Invalid record key or repo"));
            }
            if (byKey.containsKey(rkey)) {
                return Answer.json(500, Map.of("error", "InternalServerError", "message", "Internal Server Error"));
            }
            JsonNode record = in.path("record");
            if (!"app.bsky.feed.post".equals(record.path("$type").asText()) || !record.has("createdAt")) {
                return Answer.json(400, Map.of("error", "InvalidRequest",
                        "message", "Invalid app.bsky.feed.post record: Record must have the property \"createdAt\""));
            }
            String uri = "at://" + DID + "/app.bsky.feed.post/" + rkey;
            Stored s = new Stored(rkey, uri, "bafyreicid" + cids.incrementAndGet(), record);
            posts.add(s);
            byKey.put(rkey, s);
            return Answer.json(200, Map.of("uri", uri, "cid", s.cid(),
                    "commit", Map.of("cid", "bafyreicommit" + cids.get(), "rev", "3l" + rkey.substring(2)),
                    "validationStatus", "valid"));
        }
        if (endpoint.equals("GET /xrpc/com.atproto.repo.getRecord")) {
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            Stored s = byKey.get(q.get("rkey"));
            if (s == null || !DID.equals(q.get("repo"))) {
                return Answer.json(400, Map.of("error", "RecordNotFound",
                        "message", "Could not locate record: at://" + q.get("repo") + "/" + q.get("collection")
                                + "/" + q.get("rkey")));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("uri", s.uri());
            out.put("cid", s.cid());
            out.put("value", s.record());
            return Answer.json(200, out);
        }
        return Answer.json(501, Map.of("error", "MethodNotImplemented", "message", "Method Not Implemented"));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Override
    protected String unauthorizedBody() {
        return "{\"error\":\"AuthenticationRequired\",\"message\":\"Invalid identifier or password\"}";
    }
}
