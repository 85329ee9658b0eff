package org.cristal.ui.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import org.cristal.library.ChannelAccount;
import org.cristal.library.OutboxEntry;
import org.cristal.library.Workspace;
import org.cristal.library.abtest.AbTests;
import org.cristal.library.audience.ConsentEvent;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.audience.Purpose;
import org.cristal.publish.MapSecrets;
import org.cristal.publish.newsletter.SmtpNewsletterPlugin;
import org.cristal.ui.StudioModel;
import org.cristal.ui.model.FxThread;
import org.cristal.ui.model.Settings;
import org.cristal.ui.model.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publish dialog's model offers an A/B test for a story with variants and queues the newsletter as one. */
class PublishAbTestModelTest {
    @TempDir
    Path dir;
    FxThread fx;
    StudioModel studio;

    @BeforeEach
    void start() throws Exception {
        Path file = dir.resolve("client.cristal");
        try (Workspace ws = Workspace.open(file)) {
            ws.stories().save("pain", """
                    ---
                    title: "Notre pain au levain"
                    cta:
                      label: "Commandez"
                      url: "https://fournil.example/commande"
                    variants:
                      cta:
                        b: "Réservez votre fournée"
                    ---
                    Un pain qui se garde une semaine.
                    """);
            ws.channelAccounts().save(ChannelAccount.of("news", "smtp-newsletter", "La lettre",
                    Map.of("host", "127.0.0.1", "security", "none", "from", "news@fournil.example")));
            long id = ws.audience().contacts().save(ContactDraft.of("ann@example.com")).contact().id();
            ws.audience().consents().record(id, ConsentEvent.grant(ContactChannel.EMAIL, Purpose.MARKETING,
                    Instant.parse("2026-01-05T10:00:00Z"), ConsentMethod.IN_PERSON, "the shop", "Oui"));
        }
        fx = new FxThread();
        ResourceBundle text = ResourceBundle.getBundle("org.cristal.ui.messages", Locale.ENGLISH,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        studio = new StudioModel(Workers.start(fx::execute), Settings.load(dir.resolve("settings.properties")), text,
                Locale.ENGLISH, new Publishing(() -> List.of(new SmtpNewsletterPlugin()), new MapSecrets(),
                        java.time.Clock.systemUTC()));
        studio.open(file).get(20, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        fx.run(studio::close);
        fx.close();
    }

    @Test
    void aNewsletterOfAStoryWithVariantsCanBeQueuedAsAnAbTestOfTheButton() throws Exception {
        PublishModel publish = fx.call(() -> studio.publishing().publishDialog());
        fx.call(() -> publish.load("pain")).get(20, TimeUnit.SECONDS);
        assertEquals(List.of("cta"), fx.call(() -> List.copyOf(publish.testable())));
        PublishModel.Row news = fx.call(() -> publish.rows().stream()
                .filter(r -> r.item().account().id().equals("news")).findFirst().orElseThrow());
        // One contact agreed: before anything is sent, the dialog says this test cannot reach its size
        // (R: power.prop.test(p1 = .03, p2 = .05, power = .8) gives n = 1505.8 per variant).
        fx.run(() -> {
            publish.planner().baselineProperty().set("3");
            publish.planner().effectProperty().set("2");
        });
        assertEquals("1", fx.call(() -> publish.planner().contactsProperty().get()));
        String warning = fx.call(() -> publish.planner().warningProperty().get());
        assertEquals(true, warning.startsWith("This test cannot reach its size: it needs 1,506 contacts per variant"),
                warning);
        fx.run(() -> {
            publish.abTestProperty().set("cta");
            publish.rows().forEach(r -> r.includedProperty().set(r == news));
            news.nowProperty().set(false);
            news.dateProperty().set(LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(1));
        });
        fx.call(publish::publish).get(30, TimeUnit.SECONDS);
        Workspace ws = fx.call(() -> studio.workspaceProperty().get());
        List<OutboxEntry> entries = ws.outbox().forStory("pain");
        assertEquals(1, entries.size());
        AbTests.Test test = ws.abTests().forStory("pain").get(0);
        assertEquals(entries.get(0).id(), test.entry());
        assertEquals("cta", test.element());
        assertEquals(List.of("a", "b"), test.arms());
        assertEquals(new AbTests.Plan(0.03, 0.02, false, 0.05, 0.8, 1506), test.plan(), "the plan is kept with the test");
    }
}
