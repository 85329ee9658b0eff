package org.cristal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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

/** {@code cristal print}: the summary a user reads, the files, and one clear line for bad input. */
class PrintCommandTest {
    @TempDir
    Path dir;
    private Path file;
    private Locale saved;

    @BeforeEach
    void workspace() throws Exception {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        file = dir.resolve("w.cristal");
        try (Workspace ws = Workspace.open(file)) {
            ws.stories().save("pain", "---\ntitle: \"Notre pain\"\n---\nBonjour {{first_name|à vous}}.\n");
            for (String[] c : new String[][] {{"anne@example.com", "Anne", "75011", "postal"},
                {"bruno@example.com", "Bruno", "13001", "postal"}, {"dan@example.com", "Dan", "60300", "email"}}) {
                long id = ws.audience().contacts().save(ContactDraft.of(c[0]).withName(c[1], "Test")
                        .withAddress("1 rue Haute", c[2], "Ville", "France")).contact().id();
                ws.audience().consents().record(id, ConsentEvent.grant(ContactChannel.of(c[3]).orElseThrow(),
                        Purpose.MARKETING, Instant.parse("2026-01-05T10:00:00Z"), ConsentMethod.IN_PERSON, "shop", "Yes"));
            }
            ws.audience().segments().save("tous", "email contains example");
        }
    }

    @AfterEach
    void locale() {
        Locale.setDefault(saved);
    }

    private CliRun print(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "print";
        all[1] = "--workspace";
        all[2] = file.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return CliRun.of(all);
    }

    @Test
    void printsOneCopyPerContactWithPostalConsentAndSaysWhoIsLeftOut() {
        Path out = dir.resolve("out");
        CliRun r = print("pain", "--segment", "tous", "--out", out.toString(), "--merged", "--labels");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("2 copies written to"), r.out());
        assertTrue(r.out().contains("2 copies · 1 left out (1 no postal consent"), r.out());
        assertTrue(r.err().contains("2 of 2 copies"), r.err());
        assertTrue(Files.exists(out.resolve("print-file.pdf")) && Files.exists(out.resolve("labels.pdf"))
                && Files.exists(out.resolve("manifest.csv")));
        assertFalse(r.out().contains("Anne") || r.err().contains("Anne"), "no name on the terminal");
    }

    @Test
    void badInputIsOneClearLine() {
        CliRun story = print("nope", "--segment", "tous", "--out", dir.resolve("o").toString());
        assertEquals(2, story.code());
        assertTrue(story.err().contains("There is no story “nope”"), story.err());
        CliRun segment = print("pain", "--segment", "personne", "--out", dir.resolve("o").toString());
        assertEquals(2, segment.code());
        assertTrue(segment.err().contains("No segment is named “personne”"), segment.err());
        CliRun paper = print("pain", "--segment", "tous", "--out", dir.resolve("o").toString(), "--paper", "a3");
        assertEquals(2, paper.code());
        assertTrue(paper.err().contains("Unknown paper “a3”"), paper.err());
        assertFalse(story.err().contains("Exception") || paper.err().contains("at org."));
    }
}
