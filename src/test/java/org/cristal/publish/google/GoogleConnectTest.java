package org.cristal.publish.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cristal.publish.TestContext;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.Connected;
import org.cristal.publish.spi.OAuthConnect;
import org.cristal.publish.spi.OAuthSpec;
import org.cristal.publish.spi.PublishException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connecting a Google account: the consent Google needs for a lasting grant, then the listings to choose from. */
class GoogleConnectTest {
    private FakeBusinessProfile server;
    private final OAuthConnect connect = new GoogleBusinessPlugin(Duration.ofSeconds(20)).oauth().orElseThrow();

    @BeforeEach
    void start() {
        server = new FakeBusinessProfile();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ChannelSettings settings(String token) {
        return new ChannelSettings(Map.of("clientId", "4242-desktop.apps.googleusercontent.com", "clientSecret",
                "GOCSPX-notReallySecret77", "api", server.url(), OAuthConnect.ACCESS_TOKEN, token),
                Set.of("clientSecret", OAuthConnect.ACCESS_TOKEN));
    }

    @Test
    void theConsentAsksForAnOfflineGrantToManageTheBusinessProfile() throws Exception {
        OAuthSpec spec = connect.spec(settings(FakeBusinessProfile.TOKEN));

        assertEquals("https://www.googleapis.com/auth/business.manage", spec.scope());
        assertEquals(Map.of("access_type", "offline", "prompt", "consent"), spec.extra());
        assertEquals("4242-desktop.apps.googleusercontent.com", spec.clientId());
        assertEquals(0, spec.fixedPort(), "a desktop client takes any loopback port");
        assertEquals(server.url() + "/o/oauth2/v2/auth", spec.authorizationEndpoint().toString(),
                "the api setting stands for Google's sign-in host too");
        OAuthSpec google = connect.spec(ChannelSettings.of(Map.of("clientId", "4242-desktop.apps.googleusercontent.com")));
        assertEquals("https://accounts.google.com/o/oauth2/v2/auth", google.authorizationEndpoint().toString());
        assertEquals("https://oauth2.googleapis.com/token", google.tokenEndpoint().toString());
    }

    @Test
    void withoutAClientIdTheUserIsToldWhereToEnterIt() {
        PublishException e = assertThrows(PublishException.class, () -> connect.spec(ChannelSettings.of(Map.of())));
        assertTrue(e.message(Locale.ENGLISH).contains("OAuth client ID"), e.message(Locale.ENGLISH));
    }

    @Test
    void theListingsTheAccountManagesAreThePlacesToChooseWithTheirAddresses() throws Exception {
        Connected c = connect.connected(settings(FakeBusinessProfile.TOKEN), new TestContext());

        assertEquals("location", c.targetKey());
        assertEquals(List.of(FakeBusinessProfile.LOCATION,
                FakeBusinessProfile.ACCOUNT + "/" + FakeBusinessProfile.OTHER_LOCATION_ID),
                c.targets().stream().map(Connected.Target::id).toList());
        assertEquals("Boulangerie Martin — 12 rue Victor-Hugo, 69004 Lyon", c.targets().get(0).name());
        assertEquals("Boulangerie Martin — 3 place Sathonay, 69001 Lyon", c.targets().get(1).name());
        assertTrue(c.who().get(Locale.ENGLISH).contains("Jean-Pierre Martin"), c.who().get(Locale.ENGLISH));
    }

    @Test
    void anAccountWithoutAVerifiedListingGetsAClearMessage() {
        server.noLocations = true;
        PublishException e = assertThrows(PublishException.class,
                () -> connect.connected(settings(FakeBusinessProfile.TOKEN), new TestContext()));

        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertTrue(e.message(Locale.FRENCH).contains("aucune fiche d’établissement validée"), e.message(Locale.FRENCH));
    }
}
