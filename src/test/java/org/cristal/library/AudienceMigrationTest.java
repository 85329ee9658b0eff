package org.cristal.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import org.cristal.library.audience.ContactDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudienceMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aWorkspaceFromBeforeContactsGainsAnEmptyAudienceAndKeepsItsStories() throws Exception {
        Path file = dir.resolve("old.cristal");
        try (Workspace old = Workspace.open(file, Clock.systemUTC(), 4)) {
            assertEquals(4, old.formatVersion());
            old.stories().save("le-pain", "---\ntitle: Le pain\nlang: fr\n---\nDu bon pain.\n");
        }
        try (Workspace ws = Workspace.open(file)) {
            assertEquals(Migrations.latest(), ws.formatVersion());
            assertEquals(1, ws.stories().count());
            assertEquals(0, ws.audience().contacts().count());
            ws.audience().contacts().save(ContactDraft.of("Marie@Example.org"));
            assertTrue(ws.audience().contacts().find("marie@example.ORG").isPresent());
            assertEquals(64, ws.audience().addressHash("marie@example.org").length());
        }
    }
}
