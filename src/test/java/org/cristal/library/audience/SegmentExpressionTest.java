package org.cristal.library.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cristal.library.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segment rules read and count on a real workspace whose contacts were made through the core. */
class SegmentExpressionTest {
    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    @TempDir
    Path dir;
    Workspace ws;
    Audience audience;

    @BeforeEach
    void open() {
        ws = Workspace.open(dir.resolve("w.cristal"), Clock.fixed(NOW, ZoneOffset.UTC));
        audience = ws.audience();
        long helene = add(ContactDraft.of("helene@example.fr").withName("Hélène", "Dupré").withLang("fr")
                .withAddress("3 rue des Lilas", "60300", "Senlis", "FR").withTags(List.of("clients"))
                .withFields(Map.of("company", "Fournil", "visits", "10")), "2026-02-01T10:00:00Z");
        long paul = add(ContactDraft.of("paul@gmail.com").withName("Paul", "Martin").withLang("fr-CA")
                .withAddress("", "45000", "Orléans", "FR").withTags(List.of("vip", "Événement")), "2025-06-01T10:00:00Z");
        long jane = add(ContactDraft.of("jane@example.co.uk").withName("Jane", "Smith").withLang("en")
                .withAddress("", "SW1A 1AA", "London", "GB").withFields(Map.of("visits", "3")), "2026-11-10T10:00:00Z");
        long marc = add(ContactDraft.of("marc@orange.fr").withName("Marc", "Lefèvre").withLang("fr")
                .withAddress("", "60300", "SENLIS", "FR").withTags(List.of("clients", "vip")), "2024-01-01T10:00:00Z");
        add(ContactDraft.of("lea@free.fr").withName("Léa", "Roux").withLang("fr")
                .withAddress("", "93200", "Saint-Denis", "FR").withTags(List.of("prospects")), "2026-11-20T10:00:00Z");
        long gone = add(ContactDraft.of("gone@example.fr").withName("Ann", "Gone"), "2026-01-01T10:00:00Z");
        grant(helene, ContactChannel.EMAIL);
        grant(marc, ContactChannel.EMAIL);
        grant(paul, ContactChannel.EMAIL);
        grant(paul, ContactChannel.POSTAL);
        audience.consents().record(paul, ConsentEvent.withdraw(ContactChannel.EMAIL, Purpose.MARKETING,
                Instant.parse("2026-03-01T10:00:00Z"), ConsentMethod.UNSUBSCRIBE_LINK, "link", ""));
        audience.contacts().setEmailStatus(jane, Contact.BOUNCED);
        deliver(marc, "le-pain", "sent", "2026-10-01T08:00:00Z");
        deliver(helene, "le-pain", "bounced", "2026-10-01T08:00:00Z");
        deliver(gone, "le-pain", "sent", "2026-10-01T08:00:00Z");
        assertTrue(audience.forget("gone@example.fr"));
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private long add(ContactDraft d, String joined) {
        return audience.db().write(c -> Contacts.save(c, d, Instant.parse(joined).toEpochMilli())).contact().id();
    }

    private void grant(long id, ContactChannel channel) {
        audience.consents().record(id, ConsentEvent.grant(channel, Purpose.MARKETING,
                Instant.parse("2026-01-05T10:00:00Z"), ConsentMethod.IN_PERSON, "the shop", "Oui"));
    }

    private void deliver(long id, String story, String outcome, String at) {
        audience.db().write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO deliveries(contact, story_id, channel, purpose, "
                    + "outcome, at) VALUES (?, ?, 'email', 'marketing', ?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, story);
                ps.setString(3, outcome);
                ps.setLong(4, Instant.parse(at).toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    /** The names (first names) of the contacts the rule selects, in address order. */
    private List<String> who(String rule) {
        List<String> out = new ArrayList<>();
        Sql sql = audience.segments().members(rule);
        audience.contacts().forEach(sql, c -> out.add(c.firstName()));
        out.sort(null);
        assertEquals(out.size(), audience.segments().count(rule), "count of " + rule);
        return out;
    }

    @Test
    void theIssuesExampleSelectsRecentClientsOfSenlis() {
        assertEquals(List.of("Hélène"), who("tag = clients and city = Senlis and joined >= 2026-01-01"));
        assertEquals(List.of("Hélène", "Marc"), who("tag = clients and city = Senlis"));
    }

    @Test
    void textComparesWithoutCaseOrAccents() {
        assertEquals(List.of("Hélène", "Marc"), who("city = senlis"));
        assertEquals(List.of("Paul"), who("ville = ORLEANS"));
        assertEquals(List.of("Paul"), who("étiquette = evenement"));
        assertEquals(List.of("Hélène"), who("last_name = dupre"));
        assertEquals(List.of("Hélène"), who("prénom contains ELE"));
        assertEquals(List.of("Marc"), who("nom starts lef"));
        assertEquals(List.of("Marc"), who("last_name commence par LÉF"));
        assertEquals(List.of("Jane", "Léa", "Paul"), who("city != senlis"));
        assertEquals(List.of("Hélène", "Léa", "Paul"), who("lang = fr and not tag = vip or tag = evenement"));
    }

    @Test
    void andBindsTighterThanOrAndNotTighterThanAnd() {
        assertEquals(List.of("Hélène", "Marc", "Paul"), who("city = orleans or city = senlis and tag = clients"));
        assertEquals(List.of("Paul"), who("city = orleans or city = senlis and tag = prospects"));
        assertEquals(List.of(), who("(city = orleans or city = senlis) and tag = prospects"));
        assertEquals(List.of("Jane", "Léa", "Paul"), who("not tag = clients"));
        assertEquals(List.of("Léa", "Paul"), who("not tag = clients and lang = fr"));
        assertEquals(List.of("Jane", "Léa", "Paul"), who("non (étiquette = clients et ville = senlis)"));
        assertEquals(List.of("Hélène", "Marc"), who("ville = senlis ou ville = lyon"));
    }

    @Test
    void quotedAndBareValuesReadAlike() {
        assertEquals(List.of("Léa"), who("city = \"Saint-Denis\""));
        assertEquals(List.of("Léa"), who("city = 'saint-denis'"));
        assertEquals(List.of("Léa"), who("ville = « Saint-Denis »"));
        assertEquals(List.of("Léa"), who("city = Saint-Denis"));
        assertEquals(List.of("Hélène"), who("street = 3 rue des lilas"));
        assertEquals(List.of(), who("city = \"x' OR 1=1 --\""));
        assertEquals(List.of(), who("field.company = \"Le \"\"Fournil\"\"\""));
    }

    @Test
    void listsEmptinessDomainsPostcodesAndLanguages() {
        assertEquals(List.of("Hélène", "Léa", "Marc"), who("city in (senlis, \"Saint-Denis\")"));
        assertEquals(List.of("Jane", "Paul"), who("ville pas dans (senlis, saint-denis)"));
        assertEquals(List.of("Jane"), who("tag is empty"));
        assertEquals(List.of("Hélène", "Léa", "Marc", "Paul"), who("étiquette est non vide"));
        assertEquals(List.of("Jane", "Léa", "Marc", "Paul"), who("street is empty"));
        assertEquals(List.of("Paul"), who("domain = GMAIL.com"));
        assertEquals(List.of("Marc"), who("email starts marc@"));
        assertEquals(List.of("Hélène", "Marc"), who("postcode >= 60000 and postcode < 61000"));
        assertEquals(List.of("Léa"), who("code_postal starts 93"));
        assertEquals(List.of("Hélène", "Léa", "Marc", "Paul"), who("lang = fr"));
        assertEquals(List.of("Paul"), who("langue = fr-ca"));
    }

    @Test
    void freeFieldsCompareAsTextOrAsNumbers() {
        assertEquals(List.of("Hélène"), who("field.company = fournil"));
        assertEquals(List.of("Hélène"), who("field.visits > 4"));
        assertEquals(List.of("Jane"), who("champ.visits <= 3"));
        assertEquals(List.of("Jane", "Léa", "Marc", "Paul"), who("field.company is empty"));
        assertEquals(List.of("Jane", "Léa", "Marc", "Paul"), who("field.company != fournil"));
    }

    @Test
    void joinedTakesDaysAndDurationsAgo() {
        assertEquals(List.of("Jane", "Léa"), who("joined >= 30d"));
        assertEquals(List.of("Léa"), who("joined > 2026-11-10"));
        assertEquals(List.of("Hélène"), who("joined = 2026-02-01"));
        assertEquals(List.of("Marc"), who("joined < 2025-01-01"));
        assertEquals(List.of("Hélène", "Marc", "Paul"), who("inscription <= 01/02/2026"));
        assertEquals(List.of("Hélène", "Jane", "Léa"), who("joined >= 1y"));
        assertEquals(List.of("Jane", "Léa"), who("joined >= 4s"));
    }

    @Test
    void consentAndBouncesFollowTheLedger() {
        assertEquals(List.of("Hélène", "Marc"), who("subscribed"));
        assertEquals(List.of("Hélène", "Marc"), who("consent email marketing"));
        assertEquals(List.of("Paul"), who("unsubscribed"));
        assertEquals(List.of("Paul"), who("consent postal marketing"));
        assertEquals(List.of("Paul"), who("consentement courrier"));
        assertEquals(List.of(), who("subscribed sms"));
        assertEquals(List.of("Jane", "Léa", "Paul"), who("not subscribed"));
        assertEquals(List.of("Jane"), who("bounced"));
        assertEquals(List.of("Hélène", "Marc"), who("inscrit et non rebond"));
    }

    @Test
    void receivedCountsMessagesSentAndNotThoseThatBounced() {
        assertEquals(List.of("Marc"), who("received story = le-pain"));
        assertEquals(List.of("Marc"), who("reçu histoire = le-pain canal = email depuis 2026-09-01"));
        assertEquals(List.of(), who("received since 2026-10-02"));
        assertEquals(List.of("Marc"), who("received before 2026-10-02 channel in (email, sms)"));
        assertEquals(List.of(), who("received channel = postal"));
        // The erased contact's delivery stays (anonymous) and must not empty the "not received" list.
        assertEquals(List.of("Hélène", "Jane", "Léa", "Paul"), who("not received story = le-pain"));
        assertEquals(List.of("Hélène"), who("subscribed and not received story in (le-pain, other)"));
    }

    @Test
    void anUnknownFieldIsNamedWithItsColumnAndTheNearestField() {
        SegmentException e = assertThrows(SegmentException.class,
                () -> SegmentExpression.parse("tag = clients and vile = Senlis"));
        assertEquals(19, e.column());
        assertEquals(4, e.length());
        assertEquals("Unknown field “vile” at column 19: did you mean “ville” (“city”)?", e.localizedMessage(Locale.ENGLISH));
        assertEquals(nb("Champ inconnu « vile » à la colonne 19 : vouliez-vous dire « ville » (« city ») ?"),
                e.localizedMessage(Locale.FRENCH));
        SegmentException close = assertThrows(SegmentException.class, () -> SegmentExpression.parse("citty = x"));
        assertEquals("Unknown field “citty” at column 1: did you mean “city”?", close.localizedMessage(Locale.ENGLISH));
        SegmentException far = assertThrows(SegmentException.class, () -> SegmentExpression.parse("zzzzzz = x"));
        assertTrue(far.localizedMessage(Locale.ENGLISH).contains("email, domain, first_name"),
                far.localizedMessage(Locale.ENGLISH));
    }

    @Test
    void eachMistakeSaysWhereAndWhatWasExpected() {
        assertError("city = ", 8, "A value is missing at column 8, after “=”.",
                "Il manque une valeur à la colonne 8, après « = ».");
        assertError("(city = senlis", 15, "A closing parenthesis is missing at column 15 (for the one opened at column 1).",
                "Il manque une parenthèse fermante à la colonne 15 (pour celle ouverte à la colonne 1).");
        assertError("city = senlis)", 14, "The parenthesis at column 14 closes nothing.",
                "La parenthèse de la colonne 14 ne ferme rien.");
        assertError("joined >= yesterday", 11,
                "“yesterday” at column 11 is not a date: write 2026-01-31, or 30d for 30 days ago.",
                "« yesterday » à la colonne 11 n’est pas une date : écrivez 31/01/2026, 2026-01-31, ou 30j pour il y a 30 jours.");
        assertError("city = \"Senlis", 8, "The quote opened at column 8 is not closed.",
                "Le guillemet ouvert à la colonne 8 n’est pas refermé.");
        assertError("city senlis", 6,
                "After “city”, at column 6, write a comparison: =, !=, contains, starts, <, >, in (…) or is empty.",
                "Après « city », à la colonne 6, écrivez une comparaison : =, !=, contient, commence, <, >, dans (…) ou est vide.");
        assertError("joined contains 2026", 8, "“contains” does not apply to joined (column 8): use =, !=, <, <=, > or >=.",
                "« contains » ne s’applique pas à joined (colonne 8) : utilisez =, !=, <, <=, > ou >=.");
        assertError("consent pigeon", 9, "Unknown channel “pigeon” at column 9: email, postal or sms.",
                "Canal inconnu « pigeon » à la colonne 9 : email, courrier ou sms.");
        assertError("city = senlis tag = x", 15, "“tag” at column 15 is unexpected: join conditions with and, or.",
                "« tag » à la colonne 15 est inattendu : reliez les conditions par et, ou.");
        assertError("city = senlis and", 18, "A condition is missing at the end (column 18).",
                "Il manque une condition à la fin (colonne 18).");
        assertError("city = and tag = x", 8, "A value is missing at column 8, after “=”.",
                "Il manque une valeur à la colonne 8, après « = ».");
        assertError("field = x", 1, "After “field.” at column 1, write the name of a free field: field.company.",
                "Après « champ. » à la colonne 1, écrivez le nom d’un champ libre : champ.entreprise.");
        assertError("tag = x or champ. = y", 12, "After “field.” at column 12, write the name of a free field: field.company.",
                "Après « champ. » à la colonne 12, écrivez le nom d’un champ libre : champ.entreprise.");
        assertError("  ", 0, "Write a condition, for example: tag = clients and city = Senlis.",
                "Écrivez une condition, par exemple : étiquette = clients et ville = Senlis.");
    }

    private static void assertError(String rule, int column, String english, String french) {
        SegmentException e = assertThrows(SegmentException.class, () -> SegmentExpression.parse(rule), rule);
        assertEquals(column, e.column(), rule);
        assertEquals(english, e.localizedMessage(Locale.ENGLISH), rule);
        assertEquals(nb(french), e.localizedMessage(Locale.FRENCH), rule);
        assertFalse(e.localizedMessage(Locale.ENGLISH).contains("{"), rule);
    }

    /** French typography: a no-break space before : and ? and inside « ». */
    static String nb(String french) {
        return french.replace(" :", "\u00a0:").replace(" ?", "\u00a0?").replace("« ", "«\u00a0").replace(" »", "\u00a0»");
    }
}
