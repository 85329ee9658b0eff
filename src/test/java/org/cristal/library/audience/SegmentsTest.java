package org.cristal.library.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.cristal.library.Workspace;
import org.cristal.library.WorkspaceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved segments in a real workspace: saved only when their rule reads, counted live, used as a filter. */
class SegmentsTest {
    @TempDir
    Path dir;
    Workspace ws;
    Segments segments;

    @BeforeEach
    void open() {
        ws = Workspace.open(dir.resolve("w.cristal"));
        segments = ws.audience().segments();
        add("helene@example.fr", "Hélène", "Dupré", "Senlis", true);
        add("marc@example.fr", "Marc", "Dupont", "Senlis", false);
        add("paul@example.fr", "Paul", "Dupuis", "Orléans", true);
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private void add(String email, String first, String last, String city, boolean subscribed) {
        long id = ws.audience().contacts().save(ContactDraft.of(email).withName(first, last)
                .withAddress("1 rue Haute", "60300", city, "FR")).contact().id();
        if (subscribed) {
            ws.audience().consents().record(id, ConsentEvent.grant(ContactChannel.EMAIL, Purpose.MARKETING,
                    Instant.parse("2026-01-05T10:00:00Z"), ConsentMethod.WEB_FORM, "site", "Oui"));
        }
    }

    @Test
    void aSegmentIsSavedFoundListedWithItsCountRenamedAndDeleted() {
        Segment s = segments.save("  Senlis ", "ville = senlis");
        assertEquals("Senlis", s.name());
        assertEquals("ville = senlis", s.expression());
        assertEquals(s, segments.find("SENLIS").orElseThrow());
        segments.save("Everyone subscribed", "subscribed");
        assertEquals(List.of(new Segments.Counted(segments.find("Everyone subscribed").orElseThrow(), 2),
                new Segments.Counted(segments.find("Senlis").orElseThrow(), 2)), segments.counted());
        segments.save("senlis", "city = senlis and subscribed");
        assertEquals(1, segments.counted().get(1).count(), "saving under the same name replaces the rule");
        assertEquals(2, segments.list().size());
        segments.rename("Senlis", "Senlis, abonnés");
        assertTrue(segments.find("senlis").isEmpty());
        WorkspaceException taken = assertThrows(WorkspaceException.class,
                () -> segments.rename("Senlis, abonnés", "everyone SUBSCRIBED"));
        assertEquals("audience.segment.error.nameTaken", taken.key());
        assertTrue(segments.delete("senlis, ABONNÉS".replace("ABONNÉS", "abonnés")));
        assertFalse(segments.delete("Senlis, abonnés"));
        assertEquals(1, segments.list().size());
    }

    @Test
    void aRuleThatDoesNotReadIsRefusedAndNothingIsSaved() {
        SegmentException e = assertThrows(SegmentException.class, () -> segments.save("Typo", "vile = Senlis"));
        assertEquals(1, e.column());
        assertTrue(segments.list().isEmpty());
        WorkspaceException noName = assertThrows(WorkspaceException.class, () -> segments.save(" ", "subscribed"));
        assertEquals("audience.segment.error.noName", noName.key());
        WorkspaceException unknown = assertThrows(WorkspaceException.class, () -> segments.membersOf("Nope"));
        assertEquals("audience.segment.error.unknown", unknown.key());
    }

    @Test
    void aSegmentFiltersTheReachOfASendAndTheContactsSearch() {
        segments.save("Senlis", "city = senlis");
        Reach reach = ws.audience().reach(segments.membersOf("Senlis"), ContactChannel.EMAIL, Purpose.MARKETING);
        assertEquals(List.of("helene@example.fr"), reach.members().stream().map(Reach.Member::email).toList());
        assertEquals(1, reach.leftOut().get(Reach.LeftOut.NO_CONSENT));
        assertEquals(3, ws.audience().contacts().count("dup", Sql.ALL));
        assertEquals(2, ws.audience().contacts().count("dup", segments.membersOf("senlis")));
        assertEquals(List.of("marc@example.fr", "helene@example.fr"), ws.audience().contacts()
                .search("dup", segments.membersOf("senlis"), 0, 10).stream().map(Contact::email).toList());
    }
}
