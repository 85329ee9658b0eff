package org.cristal.publish.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cristal.library.ChannelAccount;
import org.cristal.library.Workspace;
import org.cristal.publish.Accounts;
import org.cristal.publish.MapSecrets;
import org.cristal.publish.MutableClock;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.Connected;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.OAuthConnect;
import org.cristal.publish.spi.OAuthSpec;
import org.cristal.publish.spi.PluginDescriptor;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.publish.spi.PublishResult;
import org.cristal.publish.spi.SettingSpec;
import org.cristal.story.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Connector with a service whose grant reaches several places, each with its own token (as Facebook
 * Pages): who is asked, what is saved where, and what Disconnect forgets. Against {@link LoopbackAuthServer}.
 */
class ConnectorTest {
    private static final String PLACE = "pageId";
    private static final String PLACE_TOKEN = "pageToken";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    private final MapSecrets secrets = new MapSecrets();
    private final FollowingBrowser browser = new FollowingBrowser();
    private final List<Connected.Target> places = new ArrayList<>();
    private final List<List<Connected.Target>> asked = new ArrayList<>();
    private LoopbackAuthServer server;
    private Workspace ws;
    private Places plugin;

    @BeforeEach
    void open() throws Exception {
        server = new LoopbackAuthServer();
        ws = Workspace.open(dir.resolve("c.cristal"), clock);
        plugin = new Places();
        ws.channelAccounts().save(ChannelAccount.of("shop", "places", "Levain", Map.of()));
    }

    @AfterEach
    void close() {
        ws.close();
        server.close();
    }

    /** The workspace file and its write-ahead log, as text. */
    private String workspaceBytes() throws java.io.IOException {
        StringBuilder all = new StringBuilder();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("c.cristal")).toList()) {
                all.append(new String(java.nio.file.Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    private Connector connector() {
        return new Connector(ws, () -> List.of(plugin), secrets, clock, browser, Locale.ENGLISH, Duration.ofSeconds(20));
    }

    private Connector.Result connect(Optional<String> choice) throws PublishException {
        return connector().connect("shop", (who, targets) -> {
            asked.add(targets);
            return targets.stream().filter(t -> choice.isPresent() && t.id().equals(choice.get())).findFirst();
        });
    }

    @Test
    void withSeveralPlacesTheUserChoosesAndThePlaceAndItsTokenAreKeptApart() throws Exception {
        places.add(new Connected.Target("p1", "Levain Lyon", Map.of(PLACE_TOKEN, "page-token-lyon-77")));
        places.add(new Connected.Target("p2", "Levain Paris", Map.of(PLACE_TOKEN, "page-token-paris-88")));

        Connector.Result r = connect(Optional.of("p2"));

        assertEquals(1, asked.size());
        assertEquals("p2", r.target().orElseThrow().id());
        ChannelAccount saved = ws.channelAccounts().get("shop").orElseThrow();
        assertEquals("p2", saved.settings().get(PLACE), "the place's id is kept with the account");
        assertFalse(saved.settings().containsKey(PLACE_TOKEN), "its token is not in the workspace");
        assertEquals(Optional.of("page-token-paris-88"), secrets.get("shop", PLACE_TOKEN));
        assertEquals(Optional.of("long-lived-token"), secrets.get("shop", Grants.ACCESS),
                "the token the plugin traded for a longer-lived one is the one kept");
        ChannelSettings settings = new Accounts(ws.channelAccounts(), secrets).settings(saved, plugin);
        assertEquals("long-lived-token", new AccessTokens(secrets, clock).settings(saved, plugin, settings)
                .settings().require(OAuthConnect.ACCESS_TOKEN));

        assertEquals(Optional.of(new Connector.Link("Levain (Places)", "Levain Paris")), connector().link("shop"),
                "the form opened again says who and where, without asking the service");
        assertFalse(workspaceBytes().contains("Levain Paris"), "the names stay out of the workspace file");

        connector().disconnect("shop");

        assertFalse(connector().isConnected("shop"));
        assertEquals(Optional.empty(), connector().link("shop"));
        assertEquals(Optional.empty(), secrets.get("shop", Connector.CONNECTED_WHO), "who it was is forgotten too");
        assertEquals(Optional.empty(), secrets.get("shop", PLACE_TOKEN), "the place's token is forgotten too");
        assertEquals(Optional.empty(), secrets.get("shop", Grants.REFRESH));
    }

    @Test
    void givingUpTheChoiceSavesNothing() throws Exception {
        places.add(new Connected.Target("p1", "Levain Lyon", Map.of(PLACE_TOKEN, "page-token-lyon-77")));
        places.add(new Connected.Target("p2", "Levain Paris", Map.of(PLACE_TOKEN, "page-token-paris-88")));

        PublishException e = assertThrows(PublishException.class, () -> connect(Optional.empty()));

        assertEquals(PublishException.Kind.CANCELLED, e.kind());
        assertFalse(connector().isConnected("shop"));
        assertEquals(Map.of(), ws.channelAccounts().get("shop").orElseThrow().settings());
        assertEquals(Optional.empty(), secrets.get("shop", PLACE_TOKEN));
    }

    @Test
    void theOnlyPlaceIsChosenWithoutAsking() throws Exception {
        places.add(new Connected.Target("p1", "Levain Lyon", Map.of()));

        Connector.Result r = connect(Optional.empty());

        assertTrue(asked.isEmpty());
        assertEquals("p1", r.target().orElseThrow().id());
        assertEquals("p1", ws.channelAccounts().get("shop").orElseThrow().settings().get(PLACE));
    }

    @Test
    void aCancelWhileWaitingForTheBrowserEndsTheConnectAndSavesNothing() throws Exception {
        Connector c = new Connector(ws, () -> List.of(plugin), secrets, clock, uri -> { }, Locale.ENGLISH,
                Duration.ofSeconds(20));
        Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            c.cancel();
        });
        canceller.start();

        PublishException e = assertThrows(PublishException.class, () -> c.connect("shop", (w, t) -> Optional.empty()));

        assertEquals(PublishException.Kind.CANCELLED, e.kind());
        assertFalse(c.isConnected("shop"));
        canceller.join();
    }

    @Test
    void aServiceWithoutAButtonSaysItConnectsWithAToken() {
        ChannelPlugin tokenOnly = new ChannelPlugin() {
            @Override
            public PluginDescriptor descriptor() {
                return PluginDescriptor.of("places", LocalText.of("Pasted"), Set.of(Channel.SOCIAL));
            }

            @Override
            public List<SettingSpec> settings() {
                return List.of();
            }

            @Override
            public LocalText testConnection(ChannelSettings settings, PublishContext context) {
                return LocalText.of("ok");
            }

            @Override
            public PublishResult publish(PublishRequest request, PublishContext context) {
                throw new AssertionError("not called");
            }
        };
        Connector c = new Connector(ws, () -> List.of(tokenOnly), secrets, clock, browser, Locale.ENGLISH);

        PublishException e = assertThrows(PublishException.class, () -> c.connect("shop", (w, t) -> Optional.empty()));

        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertEquals("Pasted connects with a token, not a button: paste the token in the account’s settings.",
                e.text().get(Locale.ENGLISH));
        assertTrue(e.text().get(Locale.FRENCH).startsWith("Pasted se connecte avec un jeton"));
    }

    /** A service like Facebook's: places to choose, each with its own token, and a longer-lived user token. */
    private final class Places implements ChannelPlugin {
        @Override
        public PluginDescriptor descriptor() {
            return PluginDescriptor.of("places", LocalText.of("Places"), Set.of(Channel.SOCIAL));
        }

        @Override
        public List<SettingSpec> settings() {
            return List.of(SettingSpec.optional(PLACE, SettingSpec.Type.TEXT, "", LocalText.of("Place"),
                    LocalText.of("Filled by Connect.")),
                    new SettingSpec(PLACE_TOKEN, SettingSpec.Type.PASSWORD, false, true, "", List.of(),
                            LocalText.of("Place token"), LocalText.of("Filled by Connect.")));
        }

        @Override
        public LocalText testConnection(ChannelSettings settings, PublishContext context) {
            return LocalText.of("ok");
        }

        @Override
        public PublishResult publish(PublishRequest request, PublishContext context) {
            throw new AssertionError("not called");
        }

        @Override
        public Optional<OAuthConnect> oauth() {
            return Optional.of(new OAuthConnect() {
                @Override
                public OAuthSpec spec(ChannelSettings settings) {
                    return OAuthSpec.of(server.authorizationEndpoint(), server.tokenEndpoint(),
                            LoopbackAuthServer.CLIENT_ID, null, "read write");
                }

                @Override
                public Connected connected(ChannelSettings settings, PublishContext context) throws PublishException {
                    if (!server.accepts(settings.require(ACCESS_TOKEN))) {
                        throw PublishException.auth(LocalText.of("refused"));
                    }
                    return new Connected(LocalText.of("Levain (Places)"), PLACE, places, "long-lived-token",
                            clock.instant().plus(Duration.ofDays(60)));
                }
            });
        }
    }
}
