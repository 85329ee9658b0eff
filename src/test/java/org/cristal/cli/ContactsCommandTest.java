package org.cristal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cristal contacts …} end to end on a real workspace file and the providers' real export formats. */
class ContactsCommandTest {
    private static Locale saved;

    @TempDir
    Path dir;

    @BeforeAll
    static void english() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterAll
    static void restore() {
        Locale.setDefault(saved);
    }

    private String ws() {
        return dir.resolve("shop.cristal").toString();
    }

    private Path fixture(String name) throws IOException {
        Path out = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/contacts/" + name)) {
            Files.write(out, in.readAllBytes());
        }
        return out;
    }

    @Test
    void dryRunPrintsTheReportWithLinesAndWritesNothing() throws IOException {
        CliRun r = CliRun.of("contacts", "import", fixture("mailchimp-subscribed.csv").toString(), "--dry-run",
                "-w", ws());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("as mailchimp (UTF-8, separator ,)"), r.out());
        assertTrue(r.out().contains("OPTIN_TIME → optin_time"), r.out());
        assertTrue(r.out().contains("Line 6: same address as line 2, not imported again."), r.out());
        assertTrue(r.out().contains("6 rows: 3 new, 0 updated, 0 unchanged; 2 without a valid address, 1 duplicates"),
                r.out());
        assertTrue(r.out().contains("Dry run: nothing was written."), r.out());
        assertEquals("No contacts.", CliRun.of("contacts", "list", "--count", "-w", ws()).out().strip());
    }

    @Test
    void importListShowConsentExportDumpForgetAndUndo() throws IOException {
        CliRun imported = CliRun.of("contacts", "import", fixture("plain-fr.csv").toString(), "--consent-proof",
                "Inscrits au comptoir", "-w", ws());
        assertEquals(0, imported.code(), imported.err());
        assertTrue(imported.out().contains("Newsletter consent: 3 recorded"), imported.out());
        assertEquals("3 contacts.", CliRun.of("contacts", "list", "--count", "-w", ws()).out().strip());
        CliRun list = CliRun.of("contacts", "list", "-w", ws());
        assertTrue(list.out().lines().anyMatch(l -> l.matches("jeanne\\.faure@example\\.fr +Jeanne Faure +Senlis +clients")),
                list.out());

        CliRun withdraw = CliRun.of("contacts", "consent", "Marie.Leroy@example.fr", "--withdraw", "--channel", "email",
                "--purpose", "marketing", "--source", "phone call", "-w", ws());
        assertEquals(0, withdraw.code(), withdraw.err());
        assertEquals("marie.leroy@example.fr now receives no email marketing messages.", withdraw.out().strip());
        CliRun show = CliRun.of("contacts", "show", "marie.leroy@example.fr", "-w", ws());
        assertTrue(show.out().contains("Senlis"), show.out());
        assertTrue(show.out().contains("granted    email marketing  (import, import plain-fr.csv)  Inscrits au comptoir"),
                show.out());
        assertTrue(show.out().contains("withdrawn  email marketing  (manual, phone call)"), show.out());

        assertEquals(0, CliRun.of("segments", "add", "lettre", "--where", "subscribed", "-w", ws()).code());
        assertEquals("2 contacts.", CliRun.of("contacts", "list", "--count", "--segment", "lettre", "-w", ws())
                .out().strip());
        Path subscribed = dir.resolve("subscribed.csv");
        assertEquals(0, CliRun.of("contacts", "export", subscribed.toString(), "--segment", "LETTRE", "-w", ws()).code());
        assertFalse(Files.readString(subscribed, StandardCharsets.UTF_8).contains("marie.leroy"));
        CliRun noSuch = CliRun.of("contacts", "list", "--segment", "clients", "-w", ws());
        assertEquals(2, noSuch.code());
        assertTrue(noSuch.err().contains("lettre"), noSuch.err());

        Path csv = dir.resolve("out.csv");
        assertEquals(0, CliRun.of("contacts", "export", csv.toString(), "-w", ws()).code());
        assertTrue(Files.readString(csv, StandardCharsets.UTF_8).contains("withdrawn"));
        Path dump = dir.resolve("dump");
        CliRun dumped = CliRun.of("contacts", "dump", "marie.leroy@example.fr", "--out", dump.toString(), "-w", ws());
        assertEquals(0, dumped.code(), dumped.err());
        assertTrue(Files.readString(dump.resolve("contact.json")).contains("\"proof\" : \"Inscrits au comptoir\""));

        CliRun forget = CliRun.of("contacts", "forget", "marie.leroy@example.fr", "-w", ws());
        assertTrue(forget.out().contains("A salted hash of the address stays on the suppression list"), forget.out());
        CliRun again = CliRun.of("contacts", "import", fixture("plain-fr.csv").toString(), "-w", ws());
        assertTrue(again.out().contains("Line 2: this address was erased or bounced"), again.out());

        CliRun undo = CliRun.of("contacts", "undo-import", "-w", ws());
        assertEquals(0, undo.code(), undo.err());
        assertTrue(undo.out().contains("0 contacts removed, 0 restored"), undo.out());
        CliRun undoFirst = CliRun.of("contacts", "undo-import", "-w", ws());
        assertTrue(undoFirst.out().contains("2 contacts removed"), undoFirst.out());
        assertEquals("No contacts.", CliRun.of("contacts", "list", "--count", "-w", ws()).out().strip());
        CliRun nothing = CliRun.of("contacts", "undo-import", "-w", ws());
        assertEquals(2, nothing.code());
        assertEquals("Error: There is no import to undo.", nothing.err().strip());
    }

    @Test
    void badInputGetsOneClearLineAndExitTwo() throws IOException {
        Path binary = dir.resolve("contacts.xlsx");
        Files.write(binary, new byte[] {0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0});
        CliRun r = CliRun.of("contacts", "import", binary.toString(), "-w", ws());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("Error: This is not a CSV text file"), r.err());
        assertEquals(1, r.err().strip().lines().count());
        Path noEmail = dir.resolve("names.csv");
        Files.writeString(noEmail, "nom;ville\nDupont;Senlis\n");
        CliRun none = CliRun.of("contacts", "import", noEmail.toString(), "-w", ws());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("No column holds the e-mail address"), none.err());
        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, "email,name\nsecret@example.fr,\"Marie\n");
        CliRun malformed = CliRun.of("contacts", "import", broken.toString(), "-w", ws());
        assertEquals(2, malformed.code());
        assertTrue(malformed.err().contains("line 2"), malformed.err());
        assertFalse(malformed.err().contains("secret"), malformed.err());
        assertEquals(2, CliRun.of("contacts", "import", dir.resolve("missing.csv").toString(), "-w", ws()).code());
        assertEquals(2, CliRun.of("contacts", "import", noEmail.toString(), "--preset", "hubspot", "-w", ws()).code());
        assertEquals(2, CliRun.of("contacts", "show", "nobody@example.fr", "-w", ws()).code());
        CliRun channel = CliRun.of("contacts", "consent", "a@example.fr", "--grant", "--channel", "pigeon", "--source",
                "x", "-w", ws());
        assertEquals(2, channel.code());
        assertTrue(channel.err().contains("Unknown channel \"pigeon\""), channel.err());
        assertEquals(2, CliRun.of("contacts", "consent", "a@example.fr", "--grant", "--withdraw", "--source", "x",
                "-w", ws()).code());
    }
}
