package org.cristal.ui.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import org.cristal.library.ChannelAccount;
import org.cristal.library.OutboxEntry;
import org.cristal.library.OutboxState;
import org.cristal.library.Workspace;
import org.cristal.publish.ChecklistItem;
import org.cristal.publish.MapSecrets;
import org.cristal.support.Corpus;
import org.cristal.ui.StudioModel;
import org.cristal.ui.editor.EditorModel;
import org.cristal.ui.model.FxThread;
import org.cristal.ui.model.Settings;
import org.cristal.ui.model.TestNetwork;
import org.cristal.ui.model.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publishing screens' view models on a real workspace file, with an in-test plugin, without the toolkit. */
class PublishingModelsTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    @TempDir
    Path dir;
    FxThread fx;
    StudioModel studio;
    TestNetwork network = new TestNetwork();
    MapSecrets secrets = new MapSecrets();
    String storyId;

    @BeforeEach
    void start() throws Exception {
        Path file = dir.resolve("client.cristal");
        try (Workspace ws = Workspace.open(file)) {
            storyId = ws.stories().save("", Files.readString(Corpus.story("boulangerie-levain.md")), "").id();
        }
        fx = new FxThread();
        ResourceBundle text = ResourceBundle.getBundle("org.cristal.ui.messages", Locale.ENGLISH,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        studio = new StudioModel(Workers.start(fx::execute), Settings.load(dir.resolve("settings.properties")), text,
                Locale.ENGLISH, new Publishing(() -> List.of(network, new org.cristal.publish.newsletter.SmtpNewsletterPlugin()), secrets, java.time.Clock.systemUTC()));
        studio.open(file).get(20, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        fx.run(studio::close);
        fx.close();
    }

    private Workspace ws() throws Exception {
        return fx.call(() -> studio.workspaceProperty().get());
    }

    @Test
    void theFormShowsEachProblemNextToItsFieldAsTheUserTypes() throws Exception {
        AccountFormModel form = fx.call(() -> studio.publishing().channels().newAccount(network));
        assertEquals("Required.", fx.call(() -> form.field("instance").orElseThrow().problem().get()));
        assertEquals("Required.", fx.call(() -> form.field("token").orElseThrow().problem().get()));
        assertEquals("", fx.call(() -> form.field("limit").orElseThrow().problem().get()), "has a default");
        assertFalse(fx.call(() -> form.validProperty().get()));

        fx.run(() -> form.field("instance").orElseThrow().value().set("piaille.fr"));
        assertEquals("Not a web address (https://…).", fx.call(() -> form.field("instance").orElseThrow()
                .problem().get()));
        fx.run(() -> form.field("handle").orElseThrow().value().set("@levain"));
        assertEquals("Leave out the @.", fx.call(() -> form.field("handle").orElseThrow().problem().get()),
                "the plugin's own rule");
        fx.run(() -> form.field("limit").orElseThrow().value().set("lots"));
        assertEquals("Not a whole number.", fx.call(() -> form.field("limit").orElseThrow().problem().get()));

        fx.run(() -> {
            form.field("instance").orElseThrow().value().set("https://piaille.fr");
            form.field("handle").orElseThrow().value().set("levain");
            form.field("token").orElseThrow().value().set("good");
            form.field("limit").orElseThrow().value().set("300");
        });
        for (String key : List.of("instance", "handle", "token", "limit", "visibility")) {
            assertEquals("", fx.call(() -> form.field(key).orElseThrow().problem().get()), key);
        }
        assertTrue(fx.call(() -> form.validProperty().get()));
    }

    @Test
    void savingPutsTheTokenInTheSecretStoreAndNeverInTheWorkspace() throws Exception {
        AccountFormModel form = fx.call(() -> studio.publishing().channels().newAccount(network));
        fx.run(() -> {
            form.nameProperty().set("Levain on Piaille");
            form.field("instance").orElseThrow().value().set("https://piaille.fr");
            form.field("handle").orElseThrow().value().set("levain");
            form.field("token").orElseThrow().value().set("s3cr3t-token");
        });
        AccountFormModel.Split split = fx.call(form::split);
        assertEquals(Map.of("token", "s3cr3t-token"), split.secrets());
        assertEquals(Map.of("instance", "https://piaille.fr", "handle", "levain", "limit", "500",
                "visibility", "public"), split.settings());

        ChannelAccount saved = fx.call(form::save).get(20, TimeUnit.SECONDS);
        assertEquals("testnet", saved.id());
        assertEquals("Levain on Piaille", saved.name());
        assertFalse(ws().channelAccounts().get("testnet").orElseThrow().settings().containsKey("token"));
        assertEquals("s3cr3t-token", secrets.get("testnet", "token").orElseThrow());
        assertFalse(new String(Files.readAllBytes(ws().path())).contains("s3cr3t-token"), "not in the file");

        // Edited again: the token is known to be stored, so leaving it blank keeps it.
        AccountFormModel again = fx.call(() -> studio.publishing().channels().edit(saved)).get(20, TimeUnit.SECONDS);
        assertTrue(again.hasStoredSecret("token"));
        assertEquals("", fx.call(() -> again.field("token").orElseThrow().value().get()));
        assertEquals("", fx.call(() -> again.field("token").orElseThrow().problem().get()));
        fx.run(() -> again.field("handle").orElseThrow().value().set("levain2"));
        fx.call(again::save).get(20, TimeUnit.SECONDS);
        assertEquals("s3cr3t-token", secrets.get("testnet", "token").orElseThrow());
        assertEquals("levain2", ws().channelAccounts().get("testnet").orElseThrow().settings().get("handle"));
    }

    @Test
    void testingTheConnectionSaysWhoItIsOrWhyNot() throws Exception {
        AccountFormModel form = fx.call(() -> studio.publishing().channels().newAccount(network));
        fx.run(() -> {
            form.field("instance").orElseThrow().value().set("https://piaille.fr");
            form.field("handle").orElseThrow().value().set("levain");
            form.field("token").orElseThrow().value().set("bad");
        });
        fx.run(() -> form.field("instance").orElseThrow().value().set("piaille.fr"));
        fx.call(form::testConnection).get(20, TimeUnit.SECONDS);
        assertEquals("Fix the fields marked in red first.", fx.call(() -> form.testResultProperty().get()));
        fx.run(() -> form.field("instance").orElseThrow().value().set("https://piaille.fr"));
        fx.call(form::testConnection).get(20, TimeUnit.SECONDS);
        assertEquals("Could not connect: The token was refused.", fx.call(() -> form.testResultProperty().get()));
        assertTrue(fx.call(() -> form.testFailedProperty().get()));
        fx.run(() -> form.field("token").orElseThrow().value().set("good"));
        fx.call(form::testConnection).get(20, TimeUnit.SECONDS);
        assertEquals("Connected: @levain on https://piaille.fr", fx.call(() -> form.testResultProperty().get()));
        assertFalse(fx.call(() -> form.testFailedProperty().get()));
    }

    @Test
    void aBlockedAccountCannotBeTickedAndTheReadyOneIsPublished() throws Exception {
        ws().channelAccounts().save(ChannelAccount.of("testnet", "testnet", "Piaille",
                Map.of("instance", "https://piaille.fr", "handle", "levain")));
        secrets.put("testnet", "token", "good");
        ws().channelAccounts().save(ChannelAccount.of("testnet-2", "testnet", "Half set up",
                Map.of("handle", "levain")));
        PublishModel publish = fx.call(() -> studio.publishing().publishDialog());
        fx.call(() -> publish.load(storyId)).get(20, TimeUnit.SECONDS);

        PublishModel.Row blocked = fx.call(() -> publish.rows().stream()
                .filter(r -> r.item().account().id().equals("testnet-2")).findFirst().orElseThrow());
        assertEquals(ChecklistItem.Status.BLOCKED, blocked.item().status());
        assertFalse(blocked.canTick());
        fx.run(() -> blocked.includedProperty().set(true));
        assertFalse(fx.call(() -> blocked.includedProperty().get()), "a blocked row refuses the tick");
        assertFalse(blocked.notes().isEmpty(), "says why");

        PublishModel.Row ready = fx.call(() -> publish.rows().stream()
                .filter(r -> r.item().account().id().equals("testnet")).findFirst().orElseThrow());
        assertTrue(fx.call(() -> ready.includedProperty().get()));
        assertEquals(List.of(ready), fx.call(publish::ticked));

        fx.call(publish::publish).get(30, TimeUnit.SECONDS);
        assertEquals(PublishModel.RowState.PUBLISHED, fx.call(() -> ready.stateProperty().get()));
        assertEquals("https://piaille.fr/posts/1", fx.call(() -> ready.urlProperty().get()));
        assertEquals(null, fx.call(() -> blocked.stateProperty().get()));
        List<OutboxEntry> entries = ws().outbox().forStory(storyId);
        assertEquals(1, entries.size());
        assertEquals(OutboxState.SENT, entries.get(0).state());
        assertEquals("testnet", entries.get(0).account());
        assertEquals(1, network.published.size());
    }

    @Test
    void aNewsletterGoesToTheChosenSegmentAndItsReachIsCountedForIt() throws Exception {
        ws().channelAccounts().save(ChannelAccount.of("news", "smtp-newsletter", "La lettre",
                Map.of("host", "127.0.0.1", "security", "none", "from", "news@fournil.example")));
        var audience = ws().audience();
        for (String email : List.of("ann@example.com", "ben@example.com", "cleo@example.com")) {
            long id = audience.contacts().save(org.cristal.library.audience.ContactDraft.of(email)).contact().id();
            audience.consents().record(id, org.cristal.library.audience.ConsentEvent.grant(
                    org.cristal.library.audience.ContactChannel.EMAIL, org.cristal.library.audience.Purpose.MARKETING,
                    java.time.Instant.parse("2026-01-05T10:00:00Z"), org.cristal.library.audience.ConsentMethod.IN_PERSON,
                    "the shop", "Oui"));
        }
        audience.segments().save("les A", "email starts ann");
        PublishModel publish = fx.call(() -> studio.publishing().publishDialog());
        fx.call(() -> publish.load(storyId)).get(20, TimeUnit.SECONDS);
        assertEquals(List.of("les A"), fx.call(() -> List.copyOf(publish.segments())));
        assertTrue(fx.call(publish::sendsToContacts));
        PublishModel.Row news = fx.call(() -> publish.rows().stream()
                .filter(r -> r.item().account().id().equals("news")).findFirst().orElseThrow());
        assertTrue(news.reach().orElseThrow().startsWith("Reaches 3"), news.reach().toString());

        fx.run(() -> publish.segmentProperty().set("les A"));
        fx.call(publish::reload).get(20, TimeUnit.SECONDS);
        PublishModel.Row narrowed = fx.call(() -> publish.rows().stream()
                .filter(r -> r.item().account().id().equals("news")).findFirst().orElseThrow());
        assertTrue(narrowed.reach().orElseThrow().startsWith("Reaches 1"), narrowed.reach().toString());

        // Queued for tomorrow (not sent here): the entry names the segment it goes to.
        fx.run(() -> {
            publish.rows().forEach(r -> r.includedProperty().set(r == narrowed));
            narrowed.nowProperty().set(false);
            narrowed.dateProperty().set(java.time.LocalDate.now(PARIS).plusDays(1));
        });
        fx.call(publish::publish).get(30, TimeUnit.SECONDS);
        List<OutboxEntry> entries = ws().outbox().forStory(storyId);
        assertEquals(1, entries.size());
        assertEquals("les A", entries.get(0).target());
    }

    @Test
    void aPublishedStoryKeepsItsPublishedStatusWhenTheOpenEditorSavesAgain() throws Exception {
        ws().channelAccounts().save(ChannelAccount.of("testnet", "testnet", "Piaille",
                Map.of("instance", "https://piaille.fr", "handle", "levain")));
        secrets.put("testnet", "token", "good");
        EditorModel editor = fx.call(() -> studio.editor());
        fx.call(() -> editor.open(storyId)).get(20, TimeUnit.SECONDS);
        PublishModel publish = fx.call(() -> studio.publishing().publishDialog());
        fx.call(() -> publish.load(storyId)).get(20, TimeUnit.SECONDS);

        fx.call(publish::publish).get(30, TimeUnit.SECONDS);
        assertEquals(org.cristal.story.Status.PUBLISHED, ws().stories().get(storyId).orElseThrow().story().status());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!"published".equals(fx.call(() -> editor.form().getStatus())) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertEquals("published", fx.call(() -> editor.form().getStatus()), "the form shows it");

        fx.run(() -> editor.bodyProperty().set(editor.bodyProperty().get() + "\n\nOuvert le dimanche aussi.\n"));
        fx.call(editor::saveNow).get(20, TimeUnit.SECONDS);

        var stored = ws().stories().get(storyId).orElseThrow();
        assertTrue(stored.source().contains("Ouvert le dimanche aussi."), "the typing was saved");
        assertEquals(org.cristal.story.Status.PUBLISHED, stored.story().status(), "not put back to its old status");
    }

    @Test
    void publishingAStoryAlreadyScheduledOnAnAccountReplacesThatPublicationAndSaysSo() throws Exception {
        ws().channelAccounts().save(ChannelAccount.of("testnet", "testnet", "Piaille",
                Map.of("instance", "https://piaille.fr", "handle", "levain")));
        secrets.put("testnet", "token", "good");
        OutboxEntry tomorrow = fx.call(() -> studio.publishing().publisher()).queue(storyId, "testnet",
                Instant.now().plus(java.time.Duration.ofDays(1)), PARIS);
        PublishModel publish = fx.call(() -> studio.publishing().publishDialog());
        fx.call(() -> publish.load(storyId)).get(20, TimeUnit.SECONDS);
        PublishModel.Row row = fx.call(() -> publish.rows().get(0));

        fx.call(publish::publish).get(30, TimeUnit.SECONDS);

        assertTrue(fx.call(() -> row.noteProperty().get()).startsWith("Replaces the publication on “Piaille”"),
                fx.call(() -> row.noteProperty().get()));
        assertEquals(PublishModel.RowState.PUBLISHED, fx.call(() -> row.stateProperty().get()));
        assertEquals(OutboxState.CANCELLED, ws().outbox().get(tomorrow.id()).orElseThrow().state());
        assertEquals(1, network.published.size(), "published once, and nothing left to go tomorrow");
        assertEquals(List.of(), ws().outbox().due(Instant.now().plus(java.time.Duration.ofDays(2))));
    }

    @Test
    void theCalendarWeekStartsWhereTheRegionSaysEvenWhenTheStudioSpeaksAPlainLanguage() throws Exception {
        Locale french = CalendarModel.withRegion(Locale.FRENCH, Locale.ROOT);
        assertEquals(DayOfWeek.MONDAY, CalendarModel.monthGrid(YearMonth.of(2026, 3), french).get(0).getDayOfWeek());
        assertEquals(DayOfWeek.MONDAY, CalendarModel.week(LocalDate.of(2026, 3, 12), french).get(0).getDayOfWeek());
        assertEquals(DayOfWeek.SUNDAY, CalendarModel.monthGrid(YearMonth.of(2026, 3),
                CalendarModel.withRegion(Locale.ENGLISH, Locale.US)).get(0).getDayOfWeek());
        assertEquals(DayOfWeek.SUNDAY, CalendarModel.week(LocalDate.of(2026, 3, 12),
                CalendarModel.withRegion(Locale.FRENCH, Locale.CANADA_FRENCH)).get(0).getDayOfWeek(), "Québec");
        assertEquals(DayOfWeek.MONDAY, CalendarModel.week(LocalDate.of(2026, 3, 12),
                CalendarModel.withRegion(Locale.ENGLISH, Locale.UK)).get(0).getDayOfWeek());
        CalendarModel calendar = new CalendarModel(studio.workers(), () -> null, () -> { }, french, PARIS,
                LocalDate.of(2026, 3, 12));
        assertEquals("lun.", calendar.weekdayNames().get(0));
        calendar.modeProperty().set(CalendarModel.Mode.WEEK);
        assertEquals(LocalDate.of(2026, 3, 9), calendar.days().get(0), "Monday the 9th");
    }

    @Test
    void aRefusedPublicationSaysWhyAndGoesOnRetryOnceFixed() throws Exception {
        ws().channelAccounts().save(ChannelAccount.of("testnet", "testnet", "Piaille",
                Map.of("instance", "https://piaille.fr", "handle", "levain")));
        secrets.put("testnet", "token", "expired");
        PublishModel publish = fx.call(() -> studio.publishing().publishDialog());
        fx.call(() -> publish.load(storyId)).get(20, TimeUnit.SECONDS);
        PublishModel.Row row = fx.call(() -> publish.rows().get(0));
        fx.call(publish::publish).get(30, TimeUnit.SECONDS);
        assertEquals(PublishModel.RowState.FAILED, fx.call(() -> row.stateProperty().get()));
        assertEquals("Not published: The token was refused.", fx.call(() -> row.messageProperty().get()));

        secrets.put("testnet", "token", "good");
        fx.call(() -> publish.retry(row)).get(30, TimeUnit.SECONDS);
        assertEquals(PublishModel.RowState.PUBLISHED, fx.call(() -> row.stateProperty().get()));
        List<OutboxEntry> entries = ws().outbox().forStory(storyId);
        assertEquals(1, entries.size(), "the same entry, not a second one");
        assertEquals(OutboxState.SENT, entries.get(0).state());
        assertEquals(1, network.published.size());
    }

    @Test
    void aRowForLaterIsQueuedAtItsLocalTimeAndNotSent() throws Exception {
        ws().channelAccounts().save(ChannelAccount.of("testnet", "testnet", "Piaille",
                Map.of("instance", "https://piaille.fr", "handle", "levain")));
        secrets.put("testnet", "token", "good");
        PublishModel publish = fx.call(() -> studio.publishing().publishDialog());
        fx.call(() -> publish.load(storyId)).get(20, TimeUnit.SECONDS);
        PublishModel.Row row = fx.call(() -> publish.rows().get(0));
        LocalDate day = LocalDate.now(publish.zone()).plusDays(3);
        fx.run(() -> {
            row.nowProperty().set(false);
            row.dateProperty().set(day);
            row.timeProperty().set(LocalTime.of(9, 30));
        });
        fx.call(publish::publish).get(30, TimeUnit.SECONDS);
        assertEquals(PublishModel.RowState.SCHEDULED, fx.call(() -> row.stateProperty().get()));
        OutboxEntry e = ws().outbox().forStory(storyId).get(0);
        assertEquals(OutboxState.SCHEDULED, e.state());
        assertEquals(ZonedDateTime.of(day, LocalTime.of(9, 30), publish.zone()).toInstant(), e.scheduledAt());
        assertTrue(network.published.isEmpty());
    }

    @Test
    void theMonthGridStartsOnTheLocalesFirstDayOfTheWeek() {
        List<LocalDate> fr = CalendarModel.monthGrid(YearMonth.of(2026, 3), Locale.FRANCE);
        assertEquals(LocalDate.of(2026, 2, 23), fr.get(0), "a Monday");
        assertEquals(LocalDate.of(2026, 4, 5), fr.get(fr.size() - 1), "a Sunday");
        assertEquals(42, fr.size());
        List<LocalDate> us = CalendarModel.monthGrid(YearMonth.of(2026, 3), Locale.US);
        assertEquals(LocalDate.of(2026, 3, 1), us.get(0), "a Sunday: March 2026 starts on one");
        assertEquals(LocalDate.of(2026, 4, 4), us.get(us.size() - 1));
        assertEquals(35, us.size());
        assertEquals(DayOfWeek.MONDAY, CalendarModel.week(LocalDate.of(2026, 3, 29), Locale.FRANCE).get(0)
                .getDayOfWeek());
    }

    @Test
    void monthAndDayNamesAreInTheUsersLanguage() throws Exception {
        CalendarModel fr = new CalendarModel(studio.workers(), () -> null, () -> { }, Locale.FRANCE, PARIS,
                LocalDate.of(2026, 3, 12));
        assertEquals("Mars 2026", fr.title());
        assertEquals("lun.", fr.weekdayNames().get(0));
        CalendarModel en = new CalendarModel(studio.workers(), () -> null, () -> { }, Locale.UK, PARIS,
                LocalDate.of(2026, 3, 12));
        assertEquals("March 2026", en.title());
        assertEquals("Mon", en.weekdayNames().get(0));
        fr.modeProperty().set(CalendarModel.Mode.WEEK);
        assertEquals("9 mars 2026 – 15 mars 2026", fr.title());
    }

    @Test
    void draggingAcrossTheChangeToSummerTimeKeepsTheTimeOfDay() throws Exception {
        ws().channelAccounts().save(ChannelAccount.of("testnet", "testnet", "Piaille",
                Map.of("instance", "https://piaille.fr", "handle", "levain")));
        // Friday 26 March 2027, 09:00 in Paris (UTC+1); the clocks go forward on Sunday the 28th. (In the
        // future, so the studio's scheduler leaves it alone.)
        Instant friday = ZonedDateTime.of(2027, 3, 26, 9, 0, 0, 0, PARIS).toInstant();
        OutboxEntry entry = ws().outbox().add(new OutboxEntry.New("k1", storyId, 1, "testnet", "testnet", "social",
                "Piaille", friday, PARIS));
        CalendarModel calendar = new CalendarModel(studio.workers(), () -> studio.workspaceProperty().get(),
                () -> { }, Locale.FRANCE, PARIS, LocalDate.of(2027, 3, 26));
        fx.call(calendar::load).get(20, TimeUnit.SECONDS);
        CalendarModel.Chip chip = fx.call(() -> calendar.on(LocalDate.of(2027, 3, 26)).get(0));
        assertEquals(LocalDateTime.of(2027, 3, 26, 9, 0), chip.local());

        assertTrue(fx.call(() -> calendar.drop(chip, LocalDate.of(2027, 3, 29), null)).get(20, TimeUnit.SECONDS));
        OutboxEntry moved = ws().outbox().get(entry.id()).orElseThrow();
        assertEquals(Instant.parse("2027-03-29T07:00:00Z"), moved.scheduledAt(), "09:00 summer time");
        assertEquals(LocalDateTime.of(2027, 3, 29, 9, 0), fx.call(() -> calendar.on(LocalDate.of(2027, 3, 29))
                .get(0).local()));

        // The week view moves it to another hour too.
        assertTrue(fx.call(() -> calendar.drop(calendar.on(LocalDate.of(2027, 3, 29)).get(0),
                LocalDate.of(2027, 3, 28), 14)).get(20, TimeUnit.SECONDS));
        assertEquals(Instant.parse("2027-03-28T12:00:00Z"), ws().outbox().get(entry.id()).orElseThrow()
                .scheduledAt());
    }

    @Test
    void aStorysPublicationsCanBeCancelledOrSentNow() throws Exception {
        ws().channelAccounts().save(ChannelAccount.of("testnet", "testnet", "Piaille",
                Map.of("instance", "https://piaille.fr", "handle", "levain")));
        secrets.put("testnet", "token", "good");
        Instant nextWeek = Instant.now().plus(java.time.Duration.ofDays(7));
        OutboxEntry e = ws().outbox().add(new OutboxEntry.New("k3", storyId, 1, "testnet", "testnet", "social",
                "Piaille", nextWeek, PARIS));
        PublicationsModel history = fx.call(() -> studio.publishing().publications());
        fx.call(() -> history.load(storyId)).get(20, TimeUnit.SECONDS);
        assertEquals(List.of(e.id()), fx.call(() -> history.entries().stream().map(OutboxEntry::id).toList()));

        fx.call(() -> history.cancel(history.entries().get(0))).get(20, TimeUnit.SECONDS);
        assertEquals(OutboxState.CANCELLED, fx.call(() -> history.entries().get(0).state()));

        // "Send now" puts it back in the queue for now; the studio's scheduler sends it.
        fx.call(() -> history.retryNow(history.entries().get(0))).get(20, TimeUnit.SECONDS);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ws().outbox().get(e.id()).orElseThrow().state() != OutboxState.SENT && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertEquals(OutboxState.SENT, ws().outbox().get(e.id()).orElseThrow().state());
        assertEquals(1, network.published.size());
    }

    @Test
    void aScenarioStepToOneContactIsNeitherACalendarChipNorAPublicationOfTheStory() throws Exception {
        ws().channelAccounts().save(ChannelAccount.of("testnet", "testnet", "Piaille",
                Map.of("instance", "https://piaille.fr", "handle", "levain")));
        Instant friday = ZonedDateTime.of(2027, 3, 26, 9, 0, 0, 0, PARIS).toInstant();
        OutboxEntry post = ws().outbox().add(new OutboxEntry.New("k4", storyId, 1, "testnet", "testnet", "social",
                "Piaille", friday, PARIS));
        ws().outbox().add(new OutboxEntry.New("k5", storyId, 1, "testnet", "testnet", "social",
                org.cristal.publish.Publisher.SCENARIO_TARGET + "7:s1", friday, PARIS));
        CalendarModel calendar = new CalendarModel(studio.workers(), () -> studio.workspaceProperty().get(),
                () -> { }, Locale.FRANCE, PARIS, LocalDate.of(2027, 3, 26));
        fx.call(calendar::load).get(20, TimeUnit.SECONDS);
        assertEquals(List.of(post.id()), fx.call(() -> calendar.on(LocalDate.of(2027, 3, 26)).stream()
                .map(c -> c.entry().id()).toList()));
        PublicationsModel history = fx.call(() -> studio.publishing().publications());
        fx.call(() -> history.load(storyId)).get(20, TimeUnit.SECONDS);
        assertEquals(List.of(post.id()), fx.call(() -> history.entries().stream().map(OutboxEntry::id).toList()));
    }

    @Test
    void aPublishedEntryCannotBeDragged() throws Exception {
        ws().channelAccounts().save(ChannelAccount.of("testnet", "testnet", "Piaille",
                Map.of("instance", "https://piaille.fr", "handle", "levain")));
        Instant at = ZonedDateTime.of(2026, 3, 10, 9, 0, 0, 0, PARIS).toInstant();
        OutboxEntry e = ws().outbox().add(new OutboxEntry.New("k2", storyId, 1, "testnet", "testnet", "social",
                "Piaille", at, PARIS));
        ws().outbox().claim(e.id());
        ws().outbox().sent(e.id(), "1", "https://piaille.fr/1", at, 1);
        CalendarModel calendar = new CalendarModel(studio.workers(), () -> studio.workspaceProperty().get(),
                () -> { }, Locale.FRANCE, PARIS, LocalDate.of(2026, 3, 10));
        fx.call(calendar::load).get(20, TimeUnit.SECONDS);
        CalendarModel.Chip chip = fx.call(() -> calendar.on(LocalDate.of(2026, 3, 10)).get(0));
        assertFalse(chip.movable());
        assertFalse(fx.call(() -> calendar.drop(chip, LocalDate.of(2026, 3, 12), null)).get(20, TimeUnit.SECONDS));
        assertEquals(at, ws().outbox().get(e.id()).orElseThrow().scheduledAt());
    }

    @Test
    void aFailedEntryDroppedInThePastIsNotSentAgainAtOnce() throws Exception {
        ws().channelAccounts().save(ChannelAccount.of("testnet", "testnet", "Piaille",
                Map.of("instance", "https://piaille.fr", "handle", "levain")));
        Instant at = ZonedDateTime.of(2026, 3, 10, 9, 0, 0, 0, PARIS).toInstant();
        OutboxEntry e = ws().outbox().add(new OutboxEntry.New("k3", storyId, 1, "testnet", "testnet", "social",
                "Piaille", at, PARIS));
        ws().outbox().claim(e.id());
        ws().outbox().failed(e.id(), Map.of("en", "Refused"));
        CalendarModel calendar = new CalendarModel(studio.workers(), () -> studio.workspaceProperty().get(),
                () -> { }, Locale.FRANCE, PARIS, LocalDate.of(2026, 3, 10));
        fx.call(calendar::load).get(20, TimeUnit.SECONDS);
        CalendarModel.Chip chip = fx.call(() -> calendar.on(LocalDate.of(2026, 3, 10)).get(0));
        assertTrue(chip.movable(), "a failed entry can be moved to a later day");
        // Back on its own day (a slip of the mouse) or on another past day: nothing changes.
        assertFalse(fx.call(() -> calendar.drop(chip, LocalDate.of(2026, 3, 10), null)).get(20, TimeUnit.SECONDS));
        assertFalse(fx.call(() -> calendar.drop(chip, LocalDate.of(2026, 3, 11), null)).get(20, TimeUnit.SECONDS));
        assertEquals(OutboxState.FAILED, ws().outbox().get(e.id()).orElseThrow().state());
    }
}
