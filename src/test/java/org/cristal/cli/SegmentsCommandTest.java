package org.cristal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.cristal.library.Workspace;
import org.cristal.library.audience.ConsentEvent;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.audience.Purpose;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cristal segments …} end to end on a real workspace with contacts made through the core. */
class SegmentsCommandTest {
    private Locale saved;

    @TempDir
    Path dir;

    @BeforeEach
    void contacts() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        try (Workspace w = Workspace.open(file())) {
            for (String[] c : List.of(new String[] {"helene@example.fr", "Senlis", "clients"},
                    new String[] {"marc@example.fr", "SENLIS", "vip"}, new String[] {"paul@example.fr", "Orléans", "clients"})) {
                long id = w.audience().contacts().save(ContactDraft.of(c[0]).withAddress("", "", c[1], "FR")
                        .withTags(List.of(c[2]))).contact().id();
                w.audience().consents().record(id, ConsentEvent.grant(ContactChannel.EMAIL, Purpose.MARKETING,
                        Instant.parse("2026-01-05T10:00:00Z"), ConsentMethod.IN_PERSON, "shop", "Oui"));
            }
        }
    }

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    private Path file() {
        return dir.resolve("shop.cristal");
    }

    private CliRun cli(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--workspace";
        all[args.length + 1] = file().toString();
        return CliRun.of(all);
    }

    @Test
    void aSavedSegmentIsListedWithItsLiveCount() {
        CliRun add = cli("segments", "add", "Senlis clients", "--where", "tag = clients and ville = senlis");
        assertEquals(0, add.code(), add.err());
        assertEquals("Segment “Senlis clients” saved: 1 contacts now.", add.out().strip());
        assertEquals(0, cli("segments", "add", "Senlis", "--where", "city = Senlis").code());
        CliRun list = cli("segments", "list");
        assertEquals(0, list.code(), list.err());
        assertEquals(List.of("Senlis  city = Senlis  (2 contacts)",
                "Senlis clients  tag = clients and ville = senlis  (1 contacts)"), list.out().strip().lines().toList());
        try (Workspace w = Workspace.open(file())) {
            w.audience().contacts().save(ContactDraft.of("lea@example.fr").withAddress("", "", "Senlis", "FR"));
        }
        assertTrue(cli("segments", "list").out().contains("Senlis  city = Senlis  (3 contacts)"));
    }

    @Test
    void aRuleThatDoesNotReadIsOneLineWithItsColumnAndExitCode2() {
        CliRun bad = cli("segments", "add", "Typo", "--where", "tag = clients and vile = Senlis");
        assertEquals(2, bad.code());
        assertEquals("Error: Unknown field “vile” at column 19: did you mean “ville” (“city”)?", bad.err().strip());
        assertEquals("No segments yet: cristal segments add NAME --where RULE.", cli("segments", "list").out().strip());
    }

    @Test
    void countAndRemove() {
        CliRun count = cli("segments", "count", "--where", "subscribed and not city = senlis");
        assertEquals(0, count.code(), count.err());
        assertEquals("1 contacts", count.out().strip());
        cli("segments", "add", "VIP", "--where", "tag = vip");
        CliRun removed = cli("segments", "remove", "vip");
        assertEquals(0, removed.code(), removed.err());
        assertEquals("Segment “vip” removed; its contacts stay.", removed.out().strip());
        CliRun again = cli("segments", "remove", "vip");
        assertEquals(2, again.code());
        assertTrue(again.err().contains("No segment is named “vip”, and there are none yet"), again.err());
    }

    @Test
    void segmentOptionGivesTheSegmentsContactsOrNamesTheSegmentsThereAre() {
        cli("segments", "add", "Orléans", "--where", "ville = orleans");
        try (Workspace w = Workspace.open(file())) {
            SegmentOption option = new SegmentOption();
            assertEquals(3, w.audience().contacts().count("", option.resolve(w)));
            option.name = "orléans";
            assertEquals(1, w.audience().contacts().count("", option.resolve(w)));
            option.name = "Paris";
            UserError e = assertThrows(UserError.class, () -> option.resolve(w));
            assertEquals("No segment is named “Paris”; segments: Orléans.", e.getMessage());
        }
    }

    @Test
    void frenchUsersReadTheErrorInFrench() {
        Locale.setDefault(Locale.FRENCH);
        CliRun bad = cli("segments", "count", "--where", "ville = senlis et");
        assertEquals(2, bad.code());
        assertFalse(bad.err().contains("Exception"), bad.err());
        assertTrue(bad.err().contains("Il manque une condition à la fin (colonne 18)."), bad.err());
    }
}
