package org.cristal.library.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cristal.library.Workspace;
import org.cristal.library.WorkspaceException;
import org.cristal.library.audience.ImportReport.Issue;
import org.cristal.library.audience.ImportReport.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactImportTest {
    @TempDir
    Path dir;
    Workspace ws;
    Audience audience;
    ContactImport importer;

    @BeforeEach
    void open() {
        ws = Workspace.open(dir.resolve("w.cristal"));
        audience = ws.audience();
        importer = new ContactImport(audience);
    }

    @AfterEach
    void close() {
        ws.close();
    }

    static byte[] fixture(String name) {
        try (InputStream in = ContactImportTest.class.getResourceAsStream("/contacts/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ImportPlan plan(String name) {
        return importer.plan(fixture(name), name, ImportPreset.AUTO);
    }

    private Contact contact(String email) {
        return audience.contacts().find(email).orElseThrow();
    }

    private ConsentLedger.State marketing(String email) {
        return audience.consents().current(contact(email).id(), ContactChannel.EMAIL, Purpose.MARKETING);
    }

    @Test
    void mailchimpExportIsRecognisedAndReportsEachBadRowWithItsLineCountingQuotedLineBreaks() {
        ImportPlan plan = plan("mailchimp-subscribed.csv");
        assertEquals(ImportPreset.MAILCHIMP, plan.preset());
        assertEquals(',', plan.separator());
        assertEquals("UTF-8", plan.encoding());
        assertEquals(ImportField.ADDRESS, field(plan, "Address"));
        assertEquals(ImportField.OPTIN_TIME, field(plan, "OPTIN_TIME"));
        assertEquals(ImportField.IGNORE, field(plan, "LEID"));
        assertEquals(ImportField.CUSTOM, field(plan, "MEMBER_RATING"));
        ImportReport r = plan.report();
        assertEquals(6, r.rows());
        assertEquals(3, r.created());
        assertEquals(List.of(new Issue(5, Reason.INVALID_EMAIL, 0), new Issue(6, Reason.DUPLICATE, 2),
                new Issue(7, Reason.BLANK_EMAIL, 0)), r.issues());
        assertEquals(2, r.grants(), "Hélène and Paul opted in; Claire has no opt-in time");
        assertEquals("Ligne 6\u00a0: même adresse qu’à la ligne 2, non importée une seconde fois.",
                r.issues().get(1).message(Locale.FRENCH));
        assertEquals(0, audience.contacts().count(), "a plan writes nothing");
    }

    @Test
    void mailchimpOptInKeepsItsOriginalTimeAndIpAndTheDoubleOptInConfirmation() {
        ContactImport.Applied done = importer.apply(plan("mailchimp-subscribed.csv"));
        Contact h = contact("helene.dupre@example.fr");
        assertEquals("Hélène", h.firstName());
        assertEquals("3 rue des Lilas, Bât. B", h.street());
        assertEquals("60300", h.postcode());
        assertEquals("Senlis", h.city());
        assertEquals("FR", h.country());
        assertEquals(List.of("clients", "vip"), h.tags());
        assertEquals("4", h.fields().get("MEMBER_RATING"));
        List<ConsentRecord> history = audience.consents().history(h.id());
        assertEquals(1, history.size());
        ConsentEvent e = history.get(0).event();
        assertTrue(e.granted());
        assertEquals(ConsentMethod.IMPORT, e.method());
        assertEquals(Instant.parse("2024-03-02T09:15:02Z"), e.at());
        assertEquals("203.0.113.7", e.ip());
        assertTrue(e.source().contains("double opt-in confirmed"), e.source());
        assertTrue(e.proof().contains("OPTIN_TIME 2024-03-02 09:12:45"), e.proof());
        assertEquals(done.batch(), history.get(0).batch());
        assertEquals("Préfère le pain de seigle\npasse le samedi matin", contact("paul.martin@example.org").fields()
                .get("NOTES"));
        assertEquals(ConsentLedger.State.NONE, marketing("claire.roux@example.com"), "consent is never assumed");
    }

    @Test
    void mailchimpUnsubscribedExportRecordsTheWithdrawalAtItsTimeAfterTheOptIn() {
        importer.apply(plan("mailchimp-unsubscribed.csv"));
        Contact m = contact("marc.lefevre@example.fr");
        List<ConsentRecord> history = audience.consents().history(m.id());
        assertEquals(2, history.size());
        assertTrue(history.get(0).event().granted());
        assertFalse(history.get(1).event().granted());
        assertEquals(Instant.parse("2025-01-20T21:04:11Z"), history.get(1).event().at());
        assertTrue(history.get(1).event().proof().contains("I no longer want"));
        assertEquals(ConsentLedger.State.WITHDRAWN, marketing("sophie.bernard@example.com"));
    }

    @Test
    void mailchimpCleanedAddressIsMarkedBouncing() {
        ImportPlan plan = plan("mailchimp-cleaned.csv");
        assertEquals(1, plan.report().bounced());
        importer.apply(plan);
        assertEquals(Contact.BOUNCED, contact("ancien.client@example.net").emailStatus());
    }

    @Test
    void brevoSemicolonExportWithBlacklistAndDoubleOptIn() {
        ImportPlan plan = plan("brevo.csv");
        assertEquals(ImportPreset.BREVO, plan.preset());
        assertEquals(';', plan.separator());
        assertEquals(List.of(new Issue(5, Reason.INVALID_EMAIL, 0)), plan.report().issues());
        importer.apply(plan);
        Contact lucie = contact("lucie.moreau@example.fr");
        assertEquals("Moreau", lucie.lastName());
        assertEquals("+33611223344", lucie.phone());
        assertEquals("Compiègne", lucie.city());
        assertEquals("Atelier Moreau", lucie.fields().get("ENTREPRISE"));
        assertEquals(ConsentLedger.State.GRANTED, marketing("lucie.moreau@example.fr"));
        assertEquals(ConsentLedger.State.WITHDRAWN, marketing("thomas.petit@example.fr"));
        assertEquals("Haddad; née Benali", contact("nadia.haddad@example.com").lastName());
        assertEquals("Boulangerie \"Le Fournil\"", contact("nadia.haddad@example.com").fields().get("ENTREPRISE"));
    }

    @Test
    void listmonkNameIsSplitAttributesBecomeFieldsAndBlocklistedIsWithdrawn() {
        ImportPlan plan = plan("listmonk.csv");
        assertEquals(ImportPreset.LISTMONK, plan.preset());
        importer.apply(plan);
        Contact j = contact("juliette.blanc@example.fr");
        assertEquals("Juliette", j.firstName());
        assertEquals("Blanc", j.lastName());
        assertEquals("Senlis", j.fields().get("city"));
        assertEquals("3", j.fields().get("projects"));
        assertEquals("{\"languages\":[\"fr\",\"en\"]}", j.fields().get("stack"));
        assertEquals(ConsentLedger.State.NONE, marketing("juliette.blanc@example.fr"));
        assertEquals(ConsentLedger.State.WITHDRAWN, marketing("olivier.fontaine@example.com"));
        assertEquals("Vélos Emma", contact("emma@example.org").fields().get("company"));
    }

    @Test
    void mauticTagsWithBarsDoNotContactAndAQuotedLineBreakInTheAddress() {
        ImportPlan plan = plan("mautic.csv");
        assertEquals(ImportPreset.MAUTIC, plan.preset());
        assertEquals(List.of(new Issue(5, Reason.BLANK_EMAIL, 0)), plan.report().issues());
        importer.apply(plan);
        Contact c = contact("camille.girard@example.fr");
        assertEquals(List.of("clients", "ostéo"), c.tags());
        assertEquals("60300", c.postcode());
        assertEquals("Cabinet Girard", c.fields().get("company"));
        Contact b = contact("bruno.lambert@example.fr");
        assertEquals("8 rue du Châtel\nBâtiment C", b.street());
        assertEquals("+33699887766", b.phone());
        assertEquals(ConsentLedger.State.WITHDRAWN, marketing("bruno.lambert@example.fr"));
    }

    @Test
    void plainFrenchFileWithBomRecordsNoConsentUnlessTheUserDeclaresOne() {
        ImportPlan plan = plan("plain-fr.csv");
        assertEquals(ImportPreset.PLAIN, plan.preset());
        assertEquals(ImportField.EMAIL, field(plan, "Courriel"));
        assertEquals(ImportField.FIRST_NAME, field(plan, "Prénom"));
        assertEquals(ImportField.TAGS, field(plan, "Étiquettes"));
        assertEquals(0, plan.report().grants());
        ImportPlan declared = importer.withConsentProof(plan, "Inscrits au comptoir, formulaire papier 2025");
        assertEquals(3, declared.report().grants());
        importer.apply(declared);
        Contact m = contact("marie.leroy@example.fr");
        assertEquals("5, rue de la République", m.street());
        assertEquals(List.of("clients", "fidèles"), m.tags());
        assertEquals("fr", m.lang());
        ConsentRecord r = audience.consents().history(m.id()).get(0);
        assertEquals("Inscrits au comptoir, formulaire papier 2025", r.event().proof());
    }

    @Test
    void plainEnglishHeadersAndUnknownColumnsBecomeCustomFields() {
        importer.apply(plan("plain-en.csv"));
        Contact t = contact("tom.baker@example.co.uk");
        assertEquals("CT1 2AB", t.postcode());
        assertEquals(List.of("customers", "newsletter"), t.tags());
        assertEquals("sourdough", t.fields().get("Favourite bread"));
        assertEquals("Ann.Lee@Example.com", contact("ann.lee@example.com").email());
    }

    @Test
    void windows1252SemicolonFileIsReadWithAWarning() {
        byte[] bytes = "Courriel;Prénom;Nom;Ville\nleon@example.fr;Léon;Bénard;Crépy-en-Valois\n"
                .getBytes(CsvSniffer.WINDOWS_1252);
        ImportPlan plan = importer.plan(bytes, "excel.csv", ImportPreset.AUTO);
        assertEquals("windows-1252", plan.encoding());
        assertTrue(plan.encodingGuessed());
        assertTrue(plan.encodingWarning(Locale.ENGLISH).orElseThrow().contains("Windows-1252"));
        assertEquals(';', plan.separator());
        importer.apply(plan);
        assertEquals("Léon", contact("leon@example.fr").firstName());
        assertEquals("Crépy-en-Valois", contact("leon@example.fr").city());
    }

    @Test
    void utf16FileWithByteOrderMarkAndTabsIsRead() {
        byte[] body = "email\tfirst name\nzoe@example.fr\tZoé\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        ImportPlan plan = importer.plan(bytes, "export.txt", ImportPreset.AUTO);
        assertEquals('\t', plan.separator());
        importer.apply(plan);
        assertEquals("Zoé", contact("zoe@example.fr").firstName());
    }

    @Test
    void separatorIsTheOneOnEveryLineNotACommaInsideAnAddress() {
        assertEquals(';', CsvSniffer.separator("email;adresse\na@example.fr;12, rue Haute\nb@example.fr;3 rue Basse\n"));
        assertEquals(',', CsvSniffer.separator("email,city\n\"a;b@example.fr\",Senlis\n"));
    }

    @Test
    void badFilesGetOneClearMessageWithoutPersonalData() {
        assertEquals("audience.import.error.empty", error(new byte[0]).key());
        assertEquals("audience.import.error.empty", error("\n\n".getBytes(StandardCharsets.UTF_8)).key());
        byte[] zip = {0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0, 0, 0x21, 0x00};
        assertEquals("audience.import.error.binary", error(zip).key());
        WorkspaceException malformed = error("email,name\nsecret@example.fr,\"Marie\" Curie\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("audience.import.error.malformed", malformed.key());
        assertEquals(List.of(2), malformed.args());
        assertFalse(malformed.getMessage().contains("secret"));
        WorkspaceException open = error("email,name\na@example.fr,\"Marie\nb@example.fr,Paul\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("Le fichier n’est pas un CSV valide\u00a0: un guillemet ouvert à la ligne 2 n’est pas "
                + "correctement fermé.", open.localizedMessage(Locale.FRENCH));
    }

    private WorkspaceException error(byte[] bytes) {
        return assertThrows(WorkspaceException.class, () -> importer.plan(bytes, "f.csv", ImportPreset.AUTO));
    }

    @Test
    void aFileWithoutAnAddressColumnCanBeMappedByHandBeforeImporting() {
        byte[] bytes = "contact,société\nana@example.fr,Fournil\n".getBytes(StandardCharsets.UTF_8);
        ImportPlan plan = importer.plan(bytes, "f.csv", ImportPreset.AUTO);
        assertFalse(plan.hasEmailColumn());
        assertEquals("audience.import.error.noEmailColumn",
                assertThrows(WorkspaceException.class, () -> importer.apply(plan)).key());
        ImportPlan fixed = importer.remap(importer.remap(plan, "contact", ImportField.EMAIL), "société",
                ImportField.IGNORE);
        assertEquals(1, fixed.report().created());
        importer.apply(fixed);
        assertEquals(Map.of(), contact("ana@example.fr").fields());
    }

    @Test
    void dryRunPlanWritesNothingAndUpdatedUnchangedAreComparedWithTheWorkspace() {
        audience.contacts().save(ContactDraft.of("marie.leroy@example.fr").withName("Marie", "Leroy"));
        audience.contacts().save(ContactDraft.of("francois.michel@example.fr").withName("François", "Michel")
                .withAddress("", "60500", "Chantilly", ""));
        ImportReport r = plan("plain-fr.csv").report();
        assertEquals(1, r.created());
        assertEquals(1, r.updated());
        assertEquals(1, r.unchanged());
        assertEquals(2, audience.contacts().count());
        assertEquals("", contact("marie.leroy@example.fr").city());
    }

    @Test
    void anImportNeverResubscribesAWithdrawnContact() {
        long id = audience.contacts().save(ContactDraft.of("helene.dupre@example.fr")).contact().id();
        audience.consents().record(id, ConsentEvent.withdraw(ContactChannel.EMAIL, Purpose.MARKETING,
                Instant.parse("2025-06-01T10:00:00Z"), ConsentMethod.UNSUBSCRIBE_LINK, "newsletter", ""));
        ImportPlan plan = plan("mailchimp-subscribed.csv");
        assertEquals(1, plan.report().staysUnsubscribed());
        ImportReport done = importer.apply(plan).report();
        assertEquals(1, done.staysUnsubscribed());
        assertEquals(ConsentLedger.State.WITHDRAWN, marketing("helene.dupre@example.fr"));
        assertEquals(1, audience.consents().history(id).size());
    }

    @Test
    void anErasedAddressIsNotImportedAgain() {
        importer.apply(plan("plain-en.csv"));
        assertTrue(audience.forget("tom.baker@example.co.uk"));
        ImportPlan again = plan("plain-en.csv");
        assertEquals(List.of(new Issue(2, Reason.SUPPRESSED, 0)), again.report().issues());
        importer.apply(again);
        assertTrue(audience.contacts().find("tom.baker@example.co.uk").isEmpty());
    }

    @Test
    void undoRestoresTheWorkspaceExactly() {
        long id = audience.contacts().save(ContactDraft.of("helene.dupre@example.fr").withName("Hélène", "D.")
                .withTags(List.of("voisins")).withFields(Map.of("company", "Fleurs"))).contact().id();
        Contact before = contact("helene.dupre@example.fr");
        ContactImport.Applied done = importer.apply(plan("mailchimp-subscribed.csv"));
        assertEquals(3, audience.contacts().count());
        assertEquals(List.of("voisins", "clients", "vip"), contact("helene.dupre@example.fr").tags());
        ContactImport.Undone undone = importer.undoLast().orElseThrow();
        assertEquals(done.batch(), undone.batch());
        assertEquals(2, undone.removed());
        assertEquals(1, undone.restored());
        assertEquals(1, audience.contacts().count());
        Contact after = contact("helene.dupre@example.fr");
        assertEquals(before.draft(), after.draft());
        assertEquals(List.of(), audience.consents().history(id));
        assertEquals(ConsentLedger.State.NONE, marketing("helene.dupre@example.fr"));
        assertTrue(importer.undoLast().isEmpty());
        assertEquals("audience.import.error.noBatch",
                assertThrows(WorkspaceException.class, () -> importer.undo(done.batch())).key());
    }

    @Test
    void aFailureDuringApplyLeavesNothingHalfImported() {
        ImportPlan plan = plan("plain-en.csv");
        // A write that fails on the second contact (as a full disk would), after the first was written.
        ws.audience().db().write(c -> {
            try (var ps = c.prepareStatement("CREATE TRIGGER boom BEFORE INSERT ON contact_fields "
                    + "WHEN NEW.value = 'baguette' BEGIN SELECT RAISE(ABORT, 'disk full'); END")) {
                return ps.executeUpdate();
            }
        });
        assertThrows(WorkspaceException.class, () -> importer.apply(plan));
        assertEquals(0, audience.contacts().count());
        assertTrue(importer.undoLast().isEmpty(), "no batch left behind");
    }

    private static ImportField field(ImportPlan plan, String header) {
        return plan.columns().stream().filter(c -> c.header().equals(header)).findFirst().orElseThrow().field();
    }
}
