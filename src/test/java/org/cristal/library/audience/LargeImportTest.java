package org.cristal.library.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.cristal.library.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 100,000 people from a Mailchimp export in one batch (its speed is measured by {@link ImportBenchMain}). */
class LargeImportTest {
    @TempDir
    Path dir;

    @Test
    void aHundredThousandRowMailchimpExportIsImportedInOneBatchAndUndoneInOne() {
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            ContactImport importer = new ContactImport(ws.audience());
            ImportPlan plan = importer.plan(MailchimpFile.of(100_000, 7), "audience.csv", ImportPreset.AUTO);
            assertEquals(ImportPreset.MAILCHIMP, plan.preset());
            assertEquals(100_000, plan.report().created());
            assertEquals(100_000, plan.report().grants());
            ContactImport.Applied done = importer.apply(plan);
            assertEquals(100_000, ws.audience().contacts().count());
            assertEquals(100_000, (int) ws.audience().db().read(c -> count(c,
                    "SELECT count(DISTINCT contact) FROM consents WHERE batch = " + done.batch())));
            assertEquals(1000, (int) ws.audience().db().read(c -> count(c,
                    "SELECT count(*) FROM contact_fields WHERE key = 'NOTES' AND value = 'Note sur\ndeux lignes'")));
            assertEquals(1, (int) ws.audience().db().read(c -> count(c, "SELECT count(*) FROM import_batches")));
            assertEquals(100_000, importer.undoLast().orElseThrow().removed());
            assertEquals(0, ws.audience().contacts().count());
        }
    }

    private static Integer count(java.sql.Connection c, String sql) throws java.sql.SQLException {
        try (var ps = c.prepareStatement(sql); var rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : -1;
        }
    }
}
