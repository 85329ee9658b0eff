package org.cristal.ui.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import org.cristal.library.ChannelAccount;
import org.cristal.library.OutboxEntry;
import org.cristal.library.Workspace;
import org.cristal.publish.ChecklistItem;
import org.cristal.publish.MapSecrets;
import org.cristal.publish.oauth.LoopbackAuth;
import org.cristal.support.Corpus;
import org.cristal.ui.StudioModel;
import org.cristal.ui.model.FxThread;
import org.cristal.ui.model.Settings;
import org.cristal.ui.model.TestNetwork;
import org.cristal.ui.model.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.feather.Feather;

/** Accounts of services connected with a button, in the publishing screens' view models, without the toolkit. */
class ConnectAccountsModelTest {
    @TempDir
    Path dir;
    FxThread fx;
    StudioModel studio;
    LoopbackAuth server;
    TestPages pages;
    TestNetwork network = new TestNetwork();
    MapSecrets secrets = new MapSecrets();
    String storyId;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackAuth();
        pages = new TestPages(server);
        Path file = dir.resolve("client.cristal");
        try (Workspace ws = Workspace.open(file)) {
            storyId = ws.stories().save("", Files.readString(Corpus.story("boulangerie-levain.md")), "").id();
            ws.channelAccounts().save(ChannelAccount.of("testpages", "testpages", "Levain on Facebook",
                    Map.of("appId", "1234567890", "pageId", "p1")));
        }
        secrets.put("testpages", "pageToken", "pt-1");
        // Connected: an account never connected is blocked in the checklist with "Connect … first".
        new org.cristal.publish.oauth.Grants(secrets, java.time.Clock.systemUTC()).save("testpages",
                new org.cristal.publish.oauth.Grant("at-testpages-1", null, null, ""));
        fx = new FxThread();
        ResourceBundle text = ResourceBundle.getBundle("org.cristal.ui.messages", Locale.ENGLISH,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        studio = new StudioModel(Workers.start(fx::execute), Settings.load(dir.resolve("settings.properties")), text,
                Locale.ENGLISH, new Publishing(() -> List.of(pages, network), secrets, java.time.Clock.systemUTC())
                        .withConnecting(LoopbackConnecting::open));
        studio.open(file).get(20, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        fx.run(studio::close);
        fx.close();
        server.close();
    }

    @Test
    void publishEverywhereListsAFacebookLikeAccountWithItsSocialFindings() throws Exception {
        PublishModel publish = fx.call(() -> studio.publishing().publishDialog());
        fx.call(() -> publish.load(storyId)).get(20, TimeUnit.SECONDS);
        PublishModel.Row row = fx.call(() -> publish.rows().stream()
                .filter(r -> r.item().account().id().equals("testpages")).findFirst().orElseThrow());
        assertNotEquals(ChecklistItem.Status.BLOCKED, row.item().status(), String.valueOf(row.notes()));
        assertTrue(row.item().findings().stream().allMatch(f -> f.channel() == null
                || f.channel() == org.cristal.story.Channel.SOCIAL), "the social channel's findings");
    }

    @Test
    void theCalendarShowsAnEntryWithItsPluginsNetworkIcon() throws Exception {
        OutboxEntry e = fx.call(() -> studio.publishing().publisher()).queue(storyId, "testpages",
                Instant.now().plusSeconds(86_400 * 3), ZoneId.systemDefault());
        CalendarModel calendar = fx.call(() -> studio.publishing().calendar());
        assertEquals("testpages", calendar.plugin(e).orElseThrow().id());
        assertEquals(Feather.FACEBOOK, PluginIcons.network(pages).orElseThrow(),
                "the generic send icon gives way to the network's");
    }

    @Test
    void theAppIdIsExplainedOnceFromThePluginsHelpAndOnlyForConnectPlugins() throws Exception {
        AccountFormModel form = fx.call(() -> studio.publishing().channels().newAccount(pages));
        AccountFormModel.AppIdHelp help = form.appIdHelp().orElseThrow();
        assertEquals("You need your own app id for Test Pages", help.title());
        assertEquals("Where to get it: " + TestPages.HOW_TO, help.howTo());
        AccountFormModel plain = fx.call(() -> studio.publishing().channels().newAccount(network));
        assertTrue(plain.appIdHelp().isEmpty());
        assertFalse(plain.canConnect());
        assertFalse(plain.isPasteAlternative(network.settings().get(2)), "a token is the only way in there");
    }
}
