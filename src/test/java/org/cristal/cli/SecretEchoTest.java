package org.cristal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cristal.library.Workspace;
import org.cristal.publish.MapSecrets;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service that echoes the secret back, encoded, in its error: the terminal and the outbox never see it. */
class SecretEchoTest {
    private static final String SECRET = "whsec Lk29/vQ0+aXw";

    @TempDir
    Path dir;
    private HttpServer server;
    private Locale saved;

    @BeforeEach
    void setUp() throws Exception {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        String echoed = "{\"error\": \"unknown key " + URLEncoder.encode(SECRET, StandardCharsets.UTF_8)
                + " (Authorization: Basic " + Base64.getEncoder().encodeToString(("hook:" + SECRET)
                        .getBytes(StandardCharsets.UTF_8))
                + ", key id " + Base64.getUrlEncoder().withoutPadding().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8))
                + ")\"}";
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            byte[] b = echoed.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(422, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        CliPublishing.secrets = new MapSecrets();
        CliPublishing.env = Map.of("HOOK_SECRET", SECRET);
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
        CliPublishing.secrets = null;
        CliPublishing.env = System.getenv();
        Locale.setDefault(saved);
    }

    @Test
    void anEncodedEchoOfTheSecretReachesNeitherTheTerminalNorTheOutbox() throws Exception {
        Path ws = dir.resolve("w.cristal");
        try (Workspace w = Workspace.open(ws)) {
            w.stories().save("levain", Files.readString(Corpus.story("boulangerie-levain.md")));
        }
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        assertEquals(0, CliRun.of("channels", "add", "webhook", "--id", "hook", "--set", "url=" + url,
                "--secret-env", "secret=HOOK_SECRET", "--workspace", ws.toString()).code());

        CliRun r = CliRun.of("publish", "levain", "--channel", "hook", "--workspace", ws.toString());

        assertNotEquals(0, r.code());
        String shown = r.out() + r.err();
        assertTrue(shown.contains("unknown key •••"), shown);
        String error;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws);
                ResultSet rs = c.createStatement().executeQuery("SELECT error FROM outbox")) {
            assertTrue(rs.next());
            error = rs.getString(1);
        }
        assertTrue(error.contains("unknown key •••"), error);
        for (String text : List.of(shown, error)) {
            for (String leak : List.of("Lk29", "whsec", "TGsyOS", "d2hzZWM", "aG9vazp3aHNlYy")) {
                assertFalse(text.contains(leak), leak + " leaked in: " + text);
            }
        }
    }
}
