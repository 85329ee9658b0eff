package org.cristal.library.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.cristal.library.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contacts screen's search (kept in memory for speed) sees every change at once, also one made by
 * another program on the same file (the command line while the studio is open).
 */
class ContactSearchTest {
    @TempDir
    Path dir;
    Workspace studio;

    @BeforeEach
    void open() {
        studio = Workspace.open(dir.resolve("w.cristal"));
        save(studio, "helene@example.fr", "Hélène", "Dupré");
        save(studio, "marc@example.fr", "Marc", "Dupont");
        save(studio, "anne@example.fr", "Anne", "Martin");
    }

    @AfterEach
    void close() {
        studio.close();
    }

    private static void save(Workspace w, String email, String first, String last) {
        w.audience().contacts().save(ContactDraft.of(email).withName(first, last));
    }

    private List<String> found(String text, int offset, int limit) {
        return studio.audience().contacts().search(text, Sql.ALL, offset, limit).stream().map(Contact::email).toList();
    }

    @Test
    void resultsComeInNameOrderPageByPage() {
        assertEquals(List.of("marc@example.fr", "helene@example.fr", "anne@example.fr"), found("", 0, 10));
        assertEquals(List.of("helene@example.fr"), found("", 1, 1));
        assertEquals(List.of("marc@example.fr", "helene@example.fr"), found("DUP", 0, 10));
        assertEquals(List.of("helene@example.fr"), found("dupre helene", 0, 10));
        assertEquals(2, studio.audience().contacts().count("dup", Sql.ALL));
        assertEquals(0, studio.audience().contacts().count("dup anne", Sql.ALL));
    }

    @Test
    void aChangeMadeByAnotherProgramIsFoundAtTheNextKeystroke() {
        assertEquals(2, studio.audience().contacts().count("dup", Sql.ALL));
        try (Workspace cli = Workspace.open(dir.resolve("w.cristal"))) {
            save(cli, "lea@example.fr", "Léa", "Dupuis");
            cli.audience().contacts().replace(cli.audience().contacts().find("anne@example.fr").orElseThrow().id(),
                    ContactDraft.of("anne@example.fr").withName("Anne", "Dumas"));
            cli.audience().forget("marc@example.fr");
        }
        assertEquals(List.of("helene@example.fr", "lea@example.fr"), found("dup", 0, 10));
        assertEquals(List.of("anne@example.fr"), found("dumas", 0, 10));
        assertEquals(0, studio.audience().contacts().count("marc", Sql.ALL));
    }

    @Test
    void aContactAddedByAnotherProgramAloneIsFoundAtTheNextKeystroke() {
        assertEquals(2, studio.audience().contacts().count("dup", Sql.ALL));
        try (Workspace cli = Workspace.open(dir.resolve("w.cristal"))) {
            save(cli, "lea@example.fr", "Léa", "Dupuis");
        }
        assertEquals(3, studio.audience().contacts().count("dup", Sql.ALL));
        // And one removed then another added in its place: the count is the same, the text is not.
        try (Workspace cli = Workspace.open(dir.resolve("w.cristal"))) {
            cli.audience().forget("lea@example.fr");
            save(cli, "paul@example.fr", "Paul", "Dupin");
        }
        assertEquals(List.of("paul@example.fr", "marc@example.fr", "helene@example.fr"), found("dup", 0, 10));
    }
}
