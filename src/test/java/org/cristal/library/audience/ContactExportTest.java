package org.cristal.library.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cristal.library.Workspace;
import org.cristal.library.WorkspaceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactExportTest {
    @TempDir
    Path dir;
    Workspace ws;
    Audience audience;

    @BeforeEach
    void open() {
        ws = Workspace.open(dir.resolve("w.cristal"));
        audience = ws.audience();
        new ContactImport(audience).apply(new ContactImport(audience).plan(ContactImportTest.fixture(
                "mailchimp-unsubscribed.csv"), "unsub.csv", ImportPreset.AUTO));
        new ContactImport(audience).apply(new ContactImport(audience).plan(ContactImportTest.fixture(
                "plain-fr.csv"), "clients.csv", ImportPreset.AUTO));
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void exportOpensInExcelAndImportsBackIntoAnotherWorkspaceWithWithdrawalsKept() throws Exception {
        Path file = dir.resolve("contacts.csv");
        assertEquals(5, new ContactExport(audience).write(Sql.ALL, file));
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(0xEF, bytes[0] & 0xFF, "UTF-8 byte-order mark for Excel");
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains("clients|fidèles"), text);
        assertTrue(text.contains(",withdrawn,2025-01-20T21:04:11Z,"), text);
        assertTrue(text.startsWith("\uFEFFemail,first_name,last_name,"), text);

        try (Workspace other = Workspace.open(dir.resolve("other.cristal"))) {
            ContactImport importer = new ContactImport(other.audience());
            ImportPlan plan = importer.plan(bytes, "contacts.csv", ImportPreset.AUTO);
            assertEquals(ImportPreset.PLAIN, plan.preset());
            assertEquals(5, plan.report().created());
            importer.apply(plan);
            for (String email : List.of("marc.lefevre@example.fr", "jeanne.faure@example.fr",
                    "marie.leroy@example.fr")) {
                Contact a = audience.contacts().find(email).orElseThrow();
                Contact b = other.audience().contacts().find(email).orElseThrow();
                assertEquals(a.draft().withSource(""), b.draft().withSource(""), email);
            }
            long marc = other.audience().contacts().find("marc.lefevre@example.fr").orElseThrow().id();
            assertEquals(ConsentLedger.State.WITHDRAWN, other.audience().consents().current(marc, ContactChannel.EMAIL,
                    Purpose.MARKETING));
        }
    }

    @Test
    void exportOfAFilterHasOnlyItsContacts() throws Exception {
        Path file = dir.resolve("senlis.csv");
        assertEquals(2, new ContactExport(audience).write(new Sql("c.city = ?", List.of("Senlis")), file));
        assertEquals(3, Files.readAllLines(file).size() - 1, "Jeanne's address holds a line break");
    }

    @Test
    void dumpHoldsFieldsEveryLedgerRowAndMessagesAsJsonAndCsv() throws Exception {
        Contact marc = audience.contacts().find("marc.lefevre@example.fr").orElseThrow();
        audience.contacts().save(marc.draft().withFields(Map.of("company", "Vélos Marc")));
        audience.deliveries().record(marc.id(), 0, "pain-de-mai", ContactChannel.EMAIL, Purpose.MARKETING,
                Delivery.Outcome.SENT, "");
        Path out = dir.resolve("dump");
        List<Path> files = new ContactDump(audience).write("MARC.LEFEVRE@example.fr", out);
        assertEquals(4, files.size());
        JsonNode json = new ObjectMapper().readTree(out.resolve("contact.json").toFile());
        assertEquals("cristal-contact", json.get("format").asText());
        assertEquals("Lefèvre", json.get("contact").get("lastName").asText());
        assertEquals("Vélos Marc", json.get("contact").get("fields").get("company").asText());
        assertEquals(2, json.get("consents").size());
        assertEquals(Instant.parse("2025-01-20T21:04:11Z").toString(), json.get("consents").get(1).get("at").asText());
        assertEquals("import", json.get("consents").get(0).get("method").asText());
        assertEquals("pain-de-mai", json.get("deliveries").get(0).get("storyId").asText());
        assertEquals(1, json.get("imports").size());
        List<String> consents = Files.readAllLines(out.resolve("consents.csv"));
        assertEquals(3, consents.size());
        assertTrue(Files.readString(out.resolve("contact.csv")).contains("field:company,Vélos Marc"));
        assertTrue(Files.readString(out.resolve("deliveries.csv")).contains("pain-de-mai,email,marketing,sent"));
    }

    @Test
    void dumpOfAnUnknownAddressSaysSo() {
        WorkspaceException e = org.junit.jupiter.api.Assertions.assertThrows(WorkspaceException.class,
                () -> new ContactDump(audience).write("nobody@example.fr", dir.resolve("x")));
        assertEquals("audience.error.noContact", e.key());
    }
}
