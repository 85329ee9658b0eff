package org.cristal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cristal.library.ChannelAccount;
import org.cristal.library.Workspace;
import org.cristal.publish.MapSecrets;
import org.cristal.publish.mastodon.FakeMastodon;
import org.cristal.publish.oauth.FollowingBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code channels connect|disconnect} against a loopback Mastodon; the "browser" follows the printed address. */
class ChannelsConnectTest {
    private static final Pattern ADDRESS = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/oauth/authorize\\?\\S+)");

    @TempDir
    Path dir;
    private Locale saved;
    private final MapSecrets secrets = new MapSecrets();
    private FakeMastodon server;
    private Path ws;

    @BeforeEach
    void setUp() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        CliPublishing.secrets = secrets;
        server = new FakeMastodon();
        ws = dir.resolve("w.cristal");
        try (Workspace w = Workspace.open(ws)) {
            w.channelAccounts().save(ChannelAccount.of("masto", "mastodon", "Piaille", Map.of("instance", server.url())));
            w.channelAccounts().save(ChannelAccount.of("hook", "webhook", "Hook", Map.of("url", "https://hooks.example/in")));
        }
    }

    @AfterEach
    void tearDown() {
        server.close();
        CliPublishing.secrets = null;
        Locale.setDefault(saved);
    }

    @Test
    void connectPrintsTheAddressToOpenWaitsForTheAnswerAndSaysWhoItConnectedAs() throws Exception {
        CliRun before = CliRun.of("channels", "list", "--workspace", ws.toString());
        assertTrue(before.out().contains("not connected yet: run cristal channels connect masto"), before.out());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> CristalCli.run(new PrintWriter(out, true),
                new PrintWriter(err, true), "channels", "connect", "masto", "--no-browser", "--workspace", ws.toString()));
        URI address = null;
        for (int i = 0; i < 300 && address == null; i++) {
            Matcher m = ADDRESS.matcher(out.toString());
            if (m.find()) {
                address = URI.create(m.group(1));
            } else {
                Thread.sleep(50);
            }
        }
        assertTrue(address != null, out + "\n" + err);
        new FollowingBrowser().open(address);

        assertEquals(0, code.get(30, TimeUnit.SECONDS), out + "\n" + err);
        assertTrue(out.toString().contains("Connected as @boulangerie on 127.0.0.1."), out.toString());
        assertTrue(secrets.get("masto", "oauth.accessToken").isPresent());
        CliRun after = CliRun.of("channels", "list", "--workspace", ws.toString());
        assertFalse(after.out().contains("not connected"), after.out());

        CliRun gone = CliRun.of("channels", "disconnect", "masto", "--workspace", ws.toString());
        assertEquals(0, gone.code(), gone.out() + gone.err());
        assertTrue(gone.out().startsWith("Disconnected masto"), gone.out());
        assertFalse(secrets.get("masto", "oauth.accessToken").isPresent());
    }

    @Test
    void anAccountOfAServiceWithoutAButtonSaysItConnectsWithAToken() {
        CliRun r = CliRun.of("channels", "connect", "hook", "--no-browser", "--workspace", ws.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("connects with a token, not a button"), r.out());
    }

    @Test
    void anUnknownAccountIsABadInput() {
        CliRun r = CliRun.of("channels", "connect", "nope", "--workspace", ws.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("There is no channel account “nope”"), r.err());
    }
}
