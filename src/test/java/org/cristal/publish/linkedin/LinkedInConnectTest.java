package org.cristal.publish.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
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

/** What Connect asks LinkedIn for, and the places it then offers, read from the loopback LinkedIn. */
class LinkedInConnectTest {
    private FakeLinkedIn server;
    private final OAuthConnect connect = new LinkedInPlugin(Duration.ofSeconds(20)).oauth().orElseThrow();

    @BeforeEach
    void start() {
        server = new FakeLinkedIn();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ChannelSettings settings(String postAs) {
        Map<String, String> s = new HashMap<>(Map.of("api", server.url(), "auth", server.url(), "clientId",
                "86ab4xq0cristal", "clientSecret", "WPL_AP1.secret.7d3e9f", "postAs", postAs,
                OAuthConnect.ACCESS_TOKEN, FakeLinkedIn.TOKEN));
        return new ChannelSettings(s, Set.of("clientSecret", OAuthConnect.ACCESS_TOKEN));
    }

    @Test
    void connectingAsAPageListsTheMemberThenEachPageTheyAdminister() throws Exception {
        Connected c = connect.connected(settings("page"), new TestContext());

        assertEquals("author", c.targetKey());
        assertEquals(List.of("urn:li:person:" + FakeLinkedIn.SUB, FakeLinkedIn.ORG, FakeLinkedIn.OTHER_ORG),
                c.targets().stream().map(Connected.Target::id).toList());
        assertEquals(List.of(FakeLinkedIn.NAME + " (you)", FakeLinkedIn.ORG_NAME + " (page)",
                FakeLinkedIn.OTHER_ORG_NAME + " (page)"), c.targets().stream().map(Connected.Target::name).toList());
        assertTrue(c.who().get(Locale.ENGLISH).contains(FakeLinkedIn.NAME));
        assertNull(c.accessToken(), "LinkedIn's token is kept as the exchange gave it");
    }

    @Test
    void anAppWithoutTheCommunityManagementApiIsToldWhichProductPagesNeed() {
        server.forbidOrganizations = true;
        PublishException e = assertThrows(PublishException.class,
                () -> connect.connected(settings("page"), new TestContext()));

        assertEquals(PublishException.Kind.AUTH, e.kind());
        assertTrue(e.message(Locale.ENGLISH).contains("“Community Management API” product"), e.getMessage());
    }

    @Test
    void connectingAsMeOffersOnlyTheProfileInTheUsersLanguage() throws Exception {
        Connected c = connect.connected(settings("me"), new TestContext().locale(Locale.FRENCH));

        assertEquals(List.of(FakeLinkedIn.NAME + " (vous)"), c.targets().stream().map(Connected.Target::name).toList());
        assertTrue(server.requests.stream().noneMatch(r -> r.contains("organization")), "no page asked for");
    }

    @Test
    void theConsentAsksOnlyForWhatThePostAsChoiceNeedsOnTheRegisteredPort() throws Exception {
        OAuthSpec me = connect.spec(settings("me"));
        OAuthSpec page = connect.spec(settings("page"));

        assertEquals("openid profile w_member_social", me.scope());
        assertTrue(page.scope().contains("w_organization_social") && page.scope().contains("r_organization_admin"));
        assertEquals(server.url() + "/oauth/v2/authorization", me.authorizationEndpoint().toString());
        assertEquals(server.url() + "/oauth/v2/accessToken", me.tokenEndpoint().toString());
        assertEquals(LinkedInPlugin.DEFAULT_PORT, me.fixedPort(), "LinkedIn matches the redirect URL exactly");
        assertEquals("WPL_AP1.secret.7d3e9f", me.clientSecret(), "LinkedIn wants the secret even from a desktop app");
        assertEquals(4242, connect.spec(settings("me").with("port", "4242")).fixedPort());
    }

    @Test
    void withoutTheAppsIdConnectSaysWhichSettingIsMissing() {
        PublishException e = assertThrows(PublishException.class,
                () -> connect.spec(settings("me").with("clientId", "")));
        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertTrue(e.getMessage().contains("clientId"), e.getMessage());
    }
}
