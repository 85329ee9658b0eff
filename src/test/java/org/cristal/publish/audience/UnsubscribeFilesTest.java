package org.cristal.publish.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cristal.library.Workspace;
import org.cristal.library.audience.Audience;
import org.cristal.library.audience.ConsentEvent;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.ConsentRecord;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.audience.Purpose;
import org.cristal.library.audience.Reach.LeftOut;
import org.cristal.publish.MapSecrets;
import org.cristal.publish.UnsubscribeTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unsubscribes from a provider's export and from the one-click receiver's records. */
class UnsubscribeFilesTest {
    @TempDir
    Path dir;
    Workspace ws;
    Audience audience;
    MapSecrets secrets = new MapSecrets();
    UnsubscribeSync sync;
    long anna;
    long bob;

    @BeforeEach
    void open() {
        ws = Workspace.open(dir.resolve("w.cristal"));
        audience = ws.audience();
        sync = new UnsubscribeSync(ws, secrets);
        anna = subscriber("anna@client.example");
        bob = subscriber("bob@client.example");
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private long subscriber(String email) {
        long id = audience.contacts().save(ContactDraft.of(email)).contact().id();
        audience.consents().record(id, ConsentEvent.grant(ContactChannel.EMAIL, Purpose.MARKETING,
                Instant.parse("2026-01-05T10:00:00Z"), ConsentMethod.WEB_FORM, "site", "Oui"));
        return id;
    }

    private Path fixture(String name) throws Exception {
        Path out = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream(name)) {
            Files.copy(in, out);
        }
        return out;
    }

    private Optional<LeftOut> check(long id) {
        return audience.check(id, ContactChannel.EMAIL, Purpose.MARKETING);
    }

    private ConsentRecord last(long id) {
        List<ConsentRecord> h = audience.consents().history(id);
        return h.get(h.size() - 1);
    }

    @Test
    void aMailchimpUnsubscribedExportWithdrawsKnownContactsAndSuppressesUnknownAddresses() throws Exception {
        SyncReport r = sync.csv(fixture("mailchimp-unsubscribed.csv"));

        assertEquals(1, r.unsubscribed());
        assertEquals(1, r.unknown());
        assertEquals(1, r.ignored(), "the row without an address");
        assertEquals(Optional.of(LeftOut.UNSUBSCRIBED), check(anna));
        assertEquals(Optional.empty(), check(bob));
        ConsentRecord row = last(anna);
        assertEquals(ConsentMethod.UNSUBSCRIBE_LINK, row.event().method());
        assertEquals("mailchimp-unsubscribed.csv", row.event().source());
        assertEquals(Instant.parse("2026-02-10T18:22:05Z"), row.event().at());
        assertEquals(Optional.of("unsubscribed"), audience.suppression("Unknown@Elsewhere.example", ContactChannel.EMAIL));
    }

    @Test
    void theSameExportReadAgainChangesNothing() throws Exception {
        Path file = fixture("mailchimp-unsubscribed.csv");
        sync.csv(file);
        SyncReport again = sync.csv(file);
        assertEquals(0, again.changed());
        assertEquals(2, audience.consents().history(anna).size());
    }

    @Test
    void aBrevoBlacklistWithBomAndSemicolonsAndAPlainListAreRead() throws Exception {
        assertEquals(1, sync.csv(fixture("brevo-blacklist.csv")).unsubscribed());
        assertEquals(Instant.parse("2026-03-01T08:00:00Z"), last(bob).event().at());
        SyncReport plain = sync.csv(fixture("plain-unsubscribes.csv"));
        assertEquals(1, plain.unsubscribed(), "anna; bob was withdrawn already");
        assertEquals(Optional.of(LeftOut.UNSUBSCRIBED), check(anna));
    }

    @Test
    void aFileWithoutAnAddressColumnIsOneClearMessage() throws Exception {
        Path file = dir.resolve("orders.csv");
        Files.writeString(file, "order;total\n12;30,50\n");
        SyncException e = assertThrows(SyncException.class, () -> sync.csv(file));
        assertTrue(e.text().get(Locale.FRENCH).contains("n’a pas de colonne d’adresse"), e.text().get(Locale.FRENCH));
        SyncException missing = assertThrows(SyncException.class, () -> sync.csv(dir.resolve("nope.csv")));
        assertTrue(missing.text().get(Locale.ENGLISH).contains("nope.csv does not exist"));
        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, "email,reason\nann@example.com,\"never closed\n");
        SyncException quote = assertThrows(SyncException.class, () -> sync.csv(broken));
        assertTrue(quote.text().get(Locale.ENGLISH).contains("broken.csv has a quote that is never closed (line 2)"),
                quote.text().get(Locale.ENGLISH));
    }

    @Test
    void onlyAPostRecordUnsubscribesAGetFromALinkScannerDoesNot() throws Exception {
        UnsubscribeTokens tokens = UnsubscribeTokens.of(secrets, audience.salt());
        Path file = dir.resolve("unsubscribes.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"token\":\"" + tokens.token(bob, ContactChannel.EMAIL, Purpose.MARKETING)
                        + "\",\"at\":\"2026-03-14T09:59:00Z\",\"ip\":\"198.51.100.9\",\"method\":\"GET\"}",
                "{\"token\":\"" + tokens.token(anna, ContactChannel.EMAIL, Purpose.MARKETING)
                        + "\",\"at\":\"2026-03-14T10:02:11Z\",\"ip\":\"203.0.113.7\",\"method\":\"POST\"}",
                "{\"token\":\"" + bob + ".email-marketing.aaaaaaaaaaaaaaaaaaaaaaaaaa\",\"at\":\"2026-03-14T10:03:00Z\","
                        + "\"method\":\"POST\"}",
                "not json"));

        SyncReport r = sync.records(file.toString());

        assertEquals(1, r.unsubscribed());
        assertEquals(3, r.ignored());
        assertEquals(Optional.of(LeftOut.UNSUBSCRIBED), check(anna));
        assertEquals(Optional.empty(), check(bob));
        ConsentRecord row = last(anna);
        assertEquals("203.0.113.7", row.event().ip());
        assertEquals(Instant.parse("2026-03-14T10:02:11Z"), row.event().at());
        assertEquals(0, sync.records(file.toString()).changed(), "read again: nothing twice");
    }

    @Test
    void recordsAreReadFromTheReceiversAddressAndAConfirmationPostGrants() throws Exception {
        UnsubscribeTokens tokens = UnsubscribeTokens.of(secrets, audience.salt());
        long zoe = audience.contacts().save(ContactDraft.of("zoe@client.example")).contact().id();
        byte[] body = ("{\"token\":\"" + tokens.confirmToken(zoe, ContactChannel.EMAIL, Purpose.MARKETING)
                + "\",\"at\":\"2026-03-14T10:00:00Z\",\"method\":\"POST\"}\n").getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/records", x -> {
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
        try {
            SyncReport r = sync.records("http://127.0.0.1:" + server.getAddress().getPort() + "/records");
            assertEquals(1, r.confirmations());
            assertEquals(Optional.empty(), check(zoe));
            assertEquals(ConsentMethod.DOUBLE_OPT_IN, last(zoe).event().method());
        } finally {
            server.stop(0);
        }
        SyncException e = assertThrows(SyncException.class, () -> sync.records("http://receiver.example/records"));
        assertTrue(e.text().get(Locale.ENGLISH).contains("https://"), e.text().get(Locale.ENGLISH));
    }
}
