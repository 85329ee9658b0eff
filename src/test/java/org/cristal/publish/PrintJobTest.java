package org.cristal.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cristal.library.Workspace;
import org.cristal.library.audience.Audience;
import org.cristal.library.audience.ConsentEvent;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.audience.Delivery;
import org.cristal.library.audience.FrequencyCap;
import org.cristal.library.audience.Purpose;
import org.cristal.library.audience.Reach.LeftOut;
import org.cristal.library.audience.Sql;
import org.cristal.render.PaperSize;
import org.cristal.render.brochure.MailWindow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A personalised print run on a real workspace: who gets a copy, the files a print shop gets, the history. */
class PrintJobTest {
    private static final Instant GRANTED = Instant.parse("2026-01-05T10:00:00Z");

    @TempDir
    Path dir;
    private Workspace ws;
    private long anne;
    private long bruno;
    private long chloe;
    private long dan;
    private long fay;

    @BeforeEach
    void workspace() throws Exception {
        ws = Workspace.open(dir.resolve("w.cristal"));
        ws.stories().save("pain", """
                ---
                title: "Notre pain au levain"
                lang: fr
                cta:
                  label: "Commandez votre fournée"
                  url: "https://fournil.example/commande"
                ---
                Bonjour {{first_name|à vous}}, notre pain se garde une semaine.
                """);
        anne = contact("anne@example.com", "Anne", "Lefèvre", "3 place du Marché", "75011", "Paris", true);
        bruno = contact("bruno@example.com", "Bruno", "Arnaud", "8 allée Verte", "13001", "Marseille", true);
        chloe = contact("chloe@example.com", "Chloé", "Zeller", "12 rue des Lilas", "60300", "Senlis", true);
        dan = contact("dan@example.com", "Dan", "Noconsent", "1 rue Haute", "60300", "Senlis", false);
        contact("eve@example.com", "Eve", "Nostreet", "", "60300", "Senlis", true);
        fay = contact("fay@example.com", "Fay", "Capped", "2 rue Basse", "60300", "Senlis", true);
        ws.audience().setFrequencyCap(new FrequencyCap(1, 7));
        ws.audience().deliveries().record(fay, 0, "other", ContactChannel.EMAIL, Purpose.MARKETING,
                Delivery.Outcome.SENT, "");
        ws.audience().segments().save("voisins", "email contains example");
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        ws.close();
    }

    private long contact(String email, String first, String last, String street, String postcode, String city,
            boolean postal) {
        Audience a = ws.audience();
        long id = a.contacts().save(ContactDraft.of(email).withName(first, last).withAddress(street, postcode, city,
                "France")).contact().id();
        a.consents().record(id, ConsentEvent.grant(postal ? ContactChannel.POSTAL : ContactChannel.EMAIL,
                Purpose.MARKETING, GRANTED, ConsentMethod.IN_PERSON, "the shop", "Signed the form at the counter"));
        return id;
    }

    private Sql segment() {
        return ws.audience().segments().resolve("voisins").orElseThrow();
    }

    private PrintJob.Result run(Path out) {
        PrintJob job = new PrintJob(ws);
        PrintPlan plan = job.plan("pain", "voisins", segment(), out);
        return job.run(plan, out, new PrintJob.Options(PaperSize.A4, MailWindow.RIGHT, true, true), n -> { }, () -> false);
    }

    private int postal(long contact) {
        return (int) ws.audience().deliveries().of(contact).stream()
                .filter(d -> d.channel() == ContactChannel.POSTAL && d.outcome() == Delivery.Outcome.SENT).count();
    }

    @Test
    void onlyContactsWithPostalConsentAnAddressAndRoomUnderTheCapGetACopy() {
        PrintPlan plan = new PrintJob(ws).plan("pain", "voisins", segment(), dir.resolve("out"));
        assertEquals(List.of(bruno, chloe, anne), plan.copies().stream().map(PrintCopy::contactId).toList(),
                "sorted by postcode: 13001, 60300, 75011");
        assertEquals(1, plan.count(LeftOut.NO_CONSENT));
        assertEquals(1, plan.count(LeftOut.NO_ADDRESS));
        assertEquals(1, plan.count(LeftOut.OVER_CAP));
        assertTrue(plan.summary().get(java.util.Locale.ENGLISH).startsWith("3 copies · 3 left out"));
    }

    @Test
    void theMergedFileManifestAndLabelsFollowThePostcodeOrder() throws IOException {
        Path out = dir.resolve("out");
        PrintJob.Result r = run(out);
        assertEquals(3, r.copies());
        List<String> manifest = Files.readAllLines(out.resolve(PrintJob.MANIFEST), StandardCharsets.UTF_8);
        assertEquals(4, manifest.size());
        assertTrue(manifest.get(1).contains("Bruno Arnaud") && manifest.get(2).contains("Chloé Zeller")
                && manifest.get(3).contains("Anne Lefèvre"), String.join("\n", manifest));
        Path merged = out.resolve(PrintJob.MERGED);
        int total = PrintedPdfs.pages(merged);
        String[] rows = manifest.stream().skip(1).map(l -> l.split(",")[2]).toArray(String[]::new);
        assertEquals("1-" + (total / 3), rows[0]);
        int chloeFirst = Integer.parseInt(rows[1].split("-")[0]);
        // Chloé's copy starts where the manifest says, with her address in La Poste's right-hand window.
        String window = PrintedPdfs.textIn(merged, chloeFirst - 1, 95, 50, 100, 45);
        assertTrue(window.contains("Chloé Zeller") && window.contains("60300 Senlis"), window);
        assertTrue(PrintedPdfs.textIn(merged, Integer.parseInt(rows[2].split("-")[0]) - 1, 95, 50, 100, 45)
                .contains("Anne Lefèvre"));
        String labels = PrintedPdfs.text(out.resolve(PrintJob.LABELS));
        assertTrue(labels.indexOf("Bruno") < labels.indexOf("Chloé") && labels.indexOf("Chloé") < labels.indexOf("Anne"),
                labels);
        // The labels' first row: Bruno in the first of the L7160's three columns, Chloé in the second.
        assertTrue(PrintedPdfs.textIn(out.resolve(PrintJob.LABELS), 0, 7.25, 15.15, 63.5, 38.1).contains("Bruno"));
        assertTrue(PrintedPdfs.textIn(out.resolve(PrintJob.LABELS), 0, 73.29, 15.15, 63.5, 38.1).contains("Chloé"));
    }

    @Test
    void eachCopyIsNamedByItsTokenAndItsQrCodeCarriesIt() throws IOException {
        Path out = dir.resolve("out");
        run(out);
        String token = ws.audience().tokens().token(chloe);
        Path copy = out.resolve(PrintJob.COPIES).resolve(PrintJob.fileName(1, token));
        assertTrue(Files.exists(copy));
        try (Stream<Path> files = Files.list(out.resolve(PrintJob.COPIES))) {
            assertTrue(files.map(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT))
                    .noneMatch(n -> n.contains("chlo") || n.contains("zeller") || n.contains("senlis")));
        }
        String link = PrintedPdfs.qrCode(copy, 0).orElseThrow();
        assertTrue(link.startsWith("https://fournil.example/commande?") && link.contains("utm_source=brochure")
                && link.contains("utm_medium=print") && link.contains("utm_content=" + token), link);
        assertTrue(PrintedPdfs.text(copy).contains("Bonjour Chloé"));
    }

    @Test
    void eachCopyIsADeliveryRecordedOnceEvenWhenTheRunIsMadeAgain() {
        Path out = dir.resolve("out");
        assertEquals(3, run(out).recorded());
        PrintJob.Result again = run(out);
        assertEquals(3, again.copies(), "the cap does not hold back a copy this same run already made");
        assertEquals(0, again.recorded());
        for (long c : List.of(anne, bruno, chloe)) {
            assertEquals(1, postal(c));
        }
        assertEquals(0, postal(dan));
        assertEquals(0, postal(fay));
        // A second run of the same story to another folder is a new mailing: the cap now holds them all.
        PrintPlan other = new PrintJob(ws).plan("pain", "voisins", segment(), dir.resolve("elsewhere"));
        assertEquals(0, other.copies().size());
        assertEquals(4, other.count(LeftOut.OVER_CAP));
    }

    @Test
    void aCancelledRunLeavesNoMergedFileAndRecordsOnlyTheCopiesWritten() throws IOException {
        Path out = dir.resolve("out");
        PrintJob job = new PrintJob(ws);
        PrintPlan plan = job.plan("pain", "voisins", segment(), out);
        int[] made = {0};
        PrintJob.Result r = job.run(plan, out, new PrintJob.Options(PaperSize.A4, MailWindow.LEFT, true, true),
                n -> made[0] = n, () -> made[0] >= 1);
        assertTrue(r.cancelled());
        assertEquals(1, r.copies());
        assertFalse(Files.exists(out.resolve(PrintJob.MERGED)));
        assertFalse(Files.exists(out.resolve(PrintJob.MANIFEST)));
        assertFalse(Files.exists(out.resolve(PrintJob.LABELS)));
        assertEquals(1, postal(bruno));
        assertEquals(0, postal(chloe) + postal(anne));
    }

    @Test
    void aFolderThatCannotBeWrittenIsOneClearLineAndNothingIsRecorded() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        PrintJob job = new PrintJob(ws);
        PrintPlan plan = job.plan("pain", "voisins", segment(), file);
        PrintException e = assertThrows(PrintException.class, () -> job.run(plan, file,
                new PrintJob.Options(PaperSize.A4, null, true, false), n -> { }, () -> false));
        assertTrue(e.text().get(java.util.Locale.ENGLISH).startsWith("Cannot write into the folder"));
        assertEquals(0, postal(bruno));
    }

    @Test
    void anUnknownStoryIsOneClearLine() {
        PrintException e = assertThrows(PrintException.class,
                () -> new PrintJob(ws).plan("nope", "voisins", segment(), dir));
        assertEquals("Il n’y a pas d’histoire «\u00a0nope\u00a0» dans cet espace de travail.",
                e.text().get(java.util.Locale.FRENCH));
    }
}
