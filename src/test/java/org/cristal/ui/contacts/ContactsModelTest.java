package org.cristal.ui.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import org.cristal.library.Workspace;
import org.cristal.library.audience.Audience;
import org.cristal.library.audience.ConsentEvent;
import org.cristal.library.audience.ConsentLedger;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.Contact;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.audience.ContactFilter.Standing;
import org.cristal.library.audience.Delivery;
import org.cristal.library.audience.FrequencyCap;
import org.cristal.library.audience.Purpose;
import org.cristal.support.Corpus;
import org.cristal.ui.model.FxThread;
import org.cristal.ui.model.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contacts screen's view models on a real workspace file, without the toolkit. */
class ContactsModelTest {
    @TempDir
    Path dir;
    Workspace ws;
    Audience audience;
    FxThread fx;
    Workers workers;
    ResourceBundle text;
    ContactsModel list;
    ContactDetailModel detail;

    @BeforeEach
    void open() {
        ws = Workspace.open(dir.resolve("shop.cristal"));
        audience = ws.audience();
        fx = new FxThread();
        workers = Workers.start(fx::execute);
        text = ResourceBundle.getBundle("org.cristal.ui.messages", Locale.ENGLISH,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        list = new ContactsModel(workers, () -> ws, text, Locale.ENGLISH);
        detail = new ContactDetailModel(workers, () -> ws, text, Locale.ENGLISH);
    }

    @AfterEach
    void close() {
        workers.close();
        fx.close();
        ws.close();
    }

    private long add(String email, String first, String last, String city, String lang, String... tags) {
        return audience.contacts().save(ContactDraft.of(email).withName(first, last).withAddress("", "", city, "FR")
                .withLang(lang).withTags(List.of(tags))).contact().id();
    }

    private void grant(long id) {
        audience.consents().record(id, ConsentEvent.grant(ContactChannel.EMAIL, Purpose.MARKETING,
                Instant.parse("2026-11-02T09:00:00Z"), ConsentMethod.IN_PERSON, "the shop", "Sign-up card"));
    }

    private <T> T await(java.util.concurrent.CompletableFuture<T> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    @Test
    void typingWithoutAccentsFindsTheNameWrittenWithThemAfterAPause() throws Exception {
        add("helene@example.fr", "Hélène", "Dupré", "Senlis", "fr");
        add("marc@example.fr", "Marc", "Lefèvre", "Chantilly", "fr");
        fx.call(list::refresh).get(20, TimeUnit.SECONDS);
        assertEquals(2, fx.call(() -> list.rows().size()));

        fx.run(() -> list.queryProperty().set("helene dupre"));
        fx.await(() -> list.rows().size() == 1);
        assertEquals("Hélène Dupré", fx.call(() -> list.rows().get(0).fullName()));
        assertEquals("1–1 of 1 found · 2 contacts in all", fx.call(() -> list.summaryProperty().get()));

        fx.run(() -> list.queryProperty().set("LEFÈVRE"));
        fx.await(() -> list.rows().size() == 1 && list.rows().get(0).firstName().equals("Marc"));
    }

    @Test
    void aLongListIsReadOnePageAtATimeWithItsCounts() throws Exception {
        for (int i = 0; i < 250; i++) {
            add(String.format("client%03d@example.fr", i), "Client", String.format("N%03d", i), "Senlis", "fr");
        }
        add("autre@example.fr", "Autre", "Personne", "Creil", "fr");
        await(fx.call(list::refresh));
        assertEquals(ContactsModel.PAGE, fx.call(() -> list.rows().size()), "never the whole list at once");
        assertEquals(251, fx.call(() -> list.foundProperty().get()));

        fx.run(() -> list.queryProperty().set("client"));
        fx.await(() -> list.foundProperty().get() == 250);
        assertEquals("1–100 of 250 found · 251 contacts in all", fx.call(() -> list.summaryProperty().get()));
        await(fx.call(list::nextPage));
        await(fx.call(list::nextPage));
        assertEquals(50, fx.call(() -> list.rows().size()));
        assertEquals("N200", fx.call(() -> list.rows().get(0).lastName()));
        assertEquals("201–250 of 250 found · 251 contacts in all", fx.call(() -> list.summaryProperty().get()));
        assertFalse(fx.call(list::hasNextPage));

        fx.run(() -> list.queryProperty().set("zzz"));
        fx.await(() -> list.foundProperty().get() == 0);
        assertTrue(fx.call(() -> list.summaryProperty().get()).startsWith("Nobody matches, out of 251 contacts"));
        assertEquals(0, fx.call(() -> list.offsetProperty().get()), "a new search starts at the first page");
    }

    @Test
    void theFiltersNarrowTheListByNewsletterStandingTagLanguageAndCity() throws Exception {
        long a = add("a@example.fr", "Anne", "A", "Senlis", "fr", "clients");
        long b = add("b@example.fr", "Bob", "B", "London", "en", "clients", "vip");
        long c = add("c@example.fr", "Cécile", "C", "senlis", "fr");
        add("d@example.fr", "Denis", "D", "Creil", "fr");
        grant(a);
        grant(b);
        audience.consents().record(b, ConsentEvent.withdraw(ContactChannel.EMAIL, Purpose.MARKETING,
                Instant.parse("2026-11-20T09:00:00Z"), ConsentMethod.UNSUBSCRIBE_MAIL, "mailbox", "unsubscribe"));
        audience.contacts().setEmailStatus(c, Contact.BOUNCED);
        await(fx.call(list::reload));
        assertEquals(List.of("clients", "vip"), fx.call(() -> list.facetsProperty().get().tags()));
        assertTrue(fx.call(() -> list.facetsProperty().get().cities()).contains("Senlis"));

        fx.run(() -> list.standingProperty().set(Standing.SUBSCRIBED));
        fx.await(() -> names().equals(List.of("Anne")));
        fx.run(() -> list.standingProperty().set(Standing.UNSUBSCRIBED));
        fx.await(() -> names().equals(List.of("Bob")));
        fx.run(() -> list.standingProperty().set(Standing.NO_CONSENT));
        fx.await(() -> names().equals(List.of("Cécile", "Denis")));
        fx.run(() -> list.standingProperty().set(Standing.BOUNCED));
        fx.await(() -> names().equals(List.of("Cécile")));
        fx.run(list::clearFilters);
        fx.run(() -> list.cityProperty().set("SENLIS"));
        fx.await(() -> names().equals(List.of("Anne", "Cécile")));
        fx.run(() -> list.tagProperty().set("clients"));
        fx.await(() -> names().equals(List.of("Anne")));
        fx.run(() -> {
            list.clearFilters();
            list.langProperty().set("en");
        });
        fx.await(() -> names().equals(List.of("Bob")));
    }

    private List<String> names() {
        return list.rows().stream().map(Contact::firstName).toList();
    }

    @Test
    void aGrantWithoutItsProofIsRefusedAndNothingIsWritten() throws Exception {
        long id = add("helene@example.fr", "Hélène", "Dupré", "Senlis", "fr");
        Contact c = audience.contacts().get(id).orElseThrow();
        await(fx.call(() -> detail.show(c)));
        fx.run(() -> detail.proofProperty().set("   "));
        assertFalse(await(fx.call(detail::recordConsent)));
        assertTrue(fx.call(() -> detail.consentProblemProperty().get()).startsWith("A consent needs its proof"));
        assertTrue(audience.consents().history(id).isEmpty());

        fx.run(() -> detail.proofProperty().set("Signed the sign-up card in the shop, 3 Dec"));
        assertTrue(await(fx.call(detail::recordConsent)));
        assertEquals(ConsentLedger.State.GRANTED,
                audience.consents().current(id, ContactChannel.EMAIL, Purpose.MARKETING));
        assertEquals("", fx.call(() -> detail.consentProblemProperty().get()));
        fx.await(() -> detail.consents().size() == 1);
        assertEquals("Signed the sign-up card in the shop, 3 Dec", fx.call(() -> detail.consents().get(0).event().proof()));

        // A withdrawal is the person's word: it needs no proof text, and shows first.
        fx.run(() -> detail.grantProperty().set(false));
        assertTrue(await(fx.call(detail::recordConsent)));
        fx.await(() -> detail.consents().size() == 2);
        assertFalse(fx.call(() -> detail.consents().get(0).event().granted()), "newest first");
        assertEquals(ConsentLedger.State.WITHDRAWN,
                audience.consents().current(id, ContactChannel.EMAIL, Purpose.MARKETING));
    }

    @Test
    void theDetailShowsEveryMessageSentWithItsStoryTitle() throws Exception {
        String story = ws.stories().save("", Files.readString(Corpus.story("boulangerie-levain.md")), "").id();
        String title = ws.stories().get(story).orElseThrow().story().title();
        long id = add("helene@example.fr", "Hélène", "Dupré", "Senlis", "fr");
        audience.deliveries().record(id, 0, story, ContactChannel.EMAIL, Purpose.MARKETING, Delivery.Outcome.SENT, "");
        Contact c = audience.contacts().get(id).orElseThrow();
        await(fx.call(() -> detail.show(c)));
        assertEquals(1, fx.call(() -> detail.messages().size()));
        assertEquals(title, fx.call(() -> detail.messages().get(0).storyTitle()));
        assertEquals(Delivery.Outcome.SENT, fx.call(() -> detail.messages().get(0).delivery().outcome()));
    }

    @Test
    void aNewContactWithABadAddressIsRefusedWithAReasonAndAGoodOneIsSaved() throws Exception {
        fx.run(detail::startNew);
        fx.run(() -> {
            detail.form().email().set("helene at example");
            detail.form().firstName().set("Hélène");
            detail.form().tags().set("clients, vip");
            detail.form().fields().set("company: Fournil Dupré");
        });
        assertNull(await(fx.call(detail::save)));
        assertTrue(fx.call(() -> detail.problemProperty().get()).startsWith("This is not an e-mail address"));
        assertEquals(0, audience.contacts().count());

        fx.run(() -> detail.form().fields().set("company Fournil"));
        fx.run(() -> detail.form().email().set("helene@example.fr"));
        assertNull(await(fx.call(detail::save)), "a custom field line without a name would be lost");
        assertTrue(fx.call(() -> detail.problemProperty().get()).startsWith("Each line of the other fields"));

        fx.run(() -> detail.form().fields().set("company: Fournil Dupré"));
        Contact saved = await(fx.call(detail::save));
        assertNotNull(saved);
        Contact stored = audience.contacts().find("HELENE@example.fr").orElseThrow();
        assertEquals(List.of("clients", "vip"), stored.tags());
        assertEquals("Fournil Dupré", stored.fields().get("company"));
        assertEquals("added by hand in Cristal", stored.source());

        fx.run(() -> detail.form().city().set("Senlis"));
        await(fx.call(detail::save));
        assertEquals("Senlis", audience.contacts().get(saved.id()).orElseThrow().city());
        assertEquals(1, audience.contacts().count(), "an edit changes the contact, it adds no one");
    }

    @Test
    void theirDataIsExportedToAFolderOfItsOwnWithTheirConsentHistory() throws Exception {
        long id = add("helene@example.fr", "Hélène", "Dupré", "Senlis", "fr");
        grant(id);
        Contact c = audience.contacts().get(id).orElseThrow();
        await(fx.call(() -> detail.show(c)));
        Path first = await(fx.call(() -> detail.exportData(dir)));
        Path second = await(fx.call(() -> detail.exportData(dir)));
        assertFalse(first.equals(second), "an earlier export is never overwritten");
        String json = Files.readString(first.resolve("contact.json"));
        assertTrue(json.contains("helene@example.fr") && json.contains("Sign-up card"), json);
        assertTrue(Files.exists(first.resolve("consents.csv")));
    }

    @Test
    void erasingSaysWhatGoesAndLeavesOnlyAHashOnTheSuppressionList() throws Exception {
        long id = add("helene@example.fr", "Hélène", "Dupré", "Senlis", "fr");
        grant(id);
        Contact c = audience.contacts().get(id).orElseThrow();
        await(fx.call(() -> detail.show(c)));
        String question = fx.call(detail::eraseQuestion);
        assertTrue(question.startsWith("Hélène Dupré <helene@example.fr> will be erased"), question);
        assertTrue(question.contains("(1 entries)") && question.contains("salted hash"), question);

        assertTrue(await(fx.call(detail::erase)));
        assertTrue(audience.contacts().find("helene@example.fr").isEmpty());
        assertEquals("erased", audience.suppression("helene@example.fr", ContactChannel.EMAIL).orElseThrow());
        assertNull(fx.call(() -> detail.contactProperty().get()));
        assertFalse(fx.call(() -> detail.editingProperty().get()));
    }

    @Test
    void theSendingLimitFormRefusesWhatIsNotAWholeNumberAndSavesTheCap() throws Exception {
        FrequencyCapModel cap = new FrequencyCapModel(workers, () -> ws, text, Locale.ENGLISH);
        await(fx.call(cap::load));
        assertFalse(fx.call(() -> cap.onProperty().get()));
        fx.run(() -> {
            cap.onProperty().set(true);
            cap.messagesProperty().set("0");
        });
        assertFalse(await(fx.call(cap::save)));
        assertEquals("Write a whole number of messages, from 1 to 100.", fx.call(() -> cap.problemProperty().get()));
        fx.run(() -> {
            cap.messagesProperty().set("2");
            cap.daysProperty().set("une semaine");
        });
        assertFalse(await(fx.call(cap::save)));
        assertEquals("Write a whole number of days, from 1 to 365.", fx.call(() -> cap.problemProperty().get()));
        assertEquals(FrequencyCap.NONE, audience.frequencyCap());

        fx.run(() -> cap.daysProperty().set(" 7 "));
        assertTrue(await(fx.call(cap::save)));
        assertEquals(new FrequencyCap(2, 7), audience.frequencyCap());
        assertEquals("Saved.", fx.call(() -> cap.savedProperty().get()));

        FrequencyCapModel again = new FrequencyCapModel(workers, () -> ws, text, Locale.ENGLISH);
        await(fx.call(again::load));
        assertTrue(fx.call(() -> again.onProperty().get()));
        assertEquals("2", fx.call(() -> again.messagesProperty().get()));

        fx.run(() -> again.onProperty().set(false));
        assertTrue(await(fx.call(again::save)));
        assertEquals(FrequencyCap.NONE, audience.frequencyCap());
    }
}
