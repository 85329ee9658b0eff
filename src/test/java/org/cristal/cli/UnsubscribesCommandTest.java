package org.cristal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cristal.library.Workspace;
import org.cristal.library.audience.ConsentEvent;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.audience.Purpose;
import org.cristal.library.audience.Reach.LeftOut;
import org.cristal.publish.MapSecrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cristal unsubscribes sync|mailbox}, as a script would run them. */
class UnsubscribesCommandTest {
    @TempDir
    Path dir;
    Path ws;
    MapSecrets secrets = new MapSecrets();
    private Locale saved;

    @BeforeEach
    void setUp() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        CliPublishing.secrets = secrets;
        ws = dir.resolve("w.cristal");
    }

    @AfterEach
    void tearDown() {
        CliPublishing.secrets = null;
        CliPublishing.env = System.getenv();
        Locale.setDefault(saved);
    }

    @Test
    void syncingAFileOfUnsubscribesPrintsWhatItDid() throws Exception {
        long anna;
        try (Workspace w = Workspace.open(ws)) {
            anna = w.audience().contacts().save(ContactDraft.of("anna@client.example")).contact().id();
            w.audience().consents().record(anna, ConsentEvent.grant(ContactChannel.EMAIL, Purpose.MARKETING,
                    Instant.parse("2026-01-05T10:00:00Z"), ConsentMethod.WEB_FORM, "site", "Oui"));
        }
        Path csv = dir.resolve("unsubscribed.csv");
        Files.writeString(csv, "email\nanna@client.example\nghost@elsewhere.example\n");

        CliRun r = CliRun.of("unsubscribes", "sync", "--csv", csv.toString(), "--workspace", ws.toString());

        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("File unsubscribed.csv: 1 unsubscribed, 0 hard bounces, 0 soft bounces, 0 complaints, "
                + "0 double opt-in confirmations, 1 unknown addresses, 0 ignored", r.out().strip());
        assertFalse(r.out().contains("anna@") || r.out().contains("ghost@"), "no address printed");
        try (Workspace w = Workspace.open(ws)) {
            assertEquals(Optional.of(LeftOut.UNSUBSCRIBED),
                    w.audience().check(anna, ContactChannel.EMAIL, Purpose.MARKETING));
        }
    }

    @Test
    void syncWithNoMailboxAndNoFileIsOneClearLineAndExitTwo() {
        CliRun r = CliRun.of("unsubscribes", "sync", "--workspace", ws.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("No unsubscribe mailbox is set"), r.err());
    }

    @Test
    void aMailboxWithAnUnknownSecurityIsRefusedAndTheOneSavedKeepsItsPasswordOutOfTheWorkspace() throws Exception {
        CliPublishing.env = Map.of("IMAP_PASSWORD", "Imap-Pa55-w0rd");
        CliRun bad = CliRun.of("unsubscribes", "mailbox", "--account", "newsletter", "--host", "imap.fournil.example",
                "--user", "desabonnement@fournil.example", "--security", "ssl", "--password-env", "IMAP_PASSWORD",
                "--workspace", ws.toString());
        assertEquals(2, bad.code(), bad.out() + bad.err());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertTrue(bad.err().contains("“ssl” is not one Cristal knows"), bad.err());

        CliRun ok = CliRun.of("unsubscribes", "mailbox", "--account", "newsletter", "--host", "imap.fournil.example",
                "--user", "desabonnement@fournil.example", "--password-env", "IMAP_PASSWORD", "--processed", "move",
                "--workspace", ws.toString());
        assertEquals(0, ok.code(), ok.out() + ok.err());
        assertTrue(ok.out().contains("imap.fournil.example:993 (tls)"), ok.out());
        assertEquals(Optional.of("Imap-Pa55-w0rd"), secrets.get("mailbox:newsletter", "password"));
        assertFalse(new String(Files.readAllBytes(ws), java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains("Imap-Pa55-w0rd"));
    }
}
