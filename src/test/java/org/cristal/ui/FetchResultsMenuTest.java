package org.cristal.ui;

import static org.cristal.ui.StudioUnderTest.fx;
import static org.cristal.ui.StudioUnderTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.cristal.library.OutboxEntry;
import org.cristal.library.Workspace;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.audience.Delivery;
import org.cristal.library.audience.Purpose;
import org.cristal.library.results.FetchState;
import org.cristal.publish.MapSecrets;
import org.cristal.publish.newsletter.SmtpNewsletterPlugin;
import org.cristal.support.Corpus;
import org.cristal.ui.publish.Publishing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Publish › Fetch results now: read in the background, said in a notice, kept in the workspace. */
@ExtendWith(ApplicationExtension.class)
class FetchResultsMenuTest {
    @TempDir
    Path dir;
    Studio studio;
    long entry;

    @Start
    void start(Stage stage) throws Exception {
        Path file = dir.resolve("Boulangerie.cristal");
        // Read an hour ago and not due for twelve hours: the studio's background round leaves it alone, so
        // what the notice says is the click's doing.
        try (Workspace ws = Workspace.open(file, Clock.offset(Clock.systemUTC(), java.time.Duration.ofHours(-1)))) {
            String story = ws.stories().save("", Files.readString(Corpus.story("boulangerie-levain.md")), "").id();
            Instant at = Instant.now().minusSeconds(3 * 3600);
            OutboxEntry e = ws.outbox().add(new OutboxEntry.New("k-letter", story, 1, "lettre", "smtp-newsletter",
                    "email", "", at, ZoneOffset.UTC));
            ws.outbox().claim(e.id());
            ws.outbox().sent(e.id(), "", "", at, 3);
            entry = e.id();
            ws.results().recordFetch(entry, FetchState.Status.OK, Instant.now().plusSeconds(12 * 3600), "");
            for (String email : List.of("anne@example.org", "paul@example.org", "lea@example.org")) {
                long contact = ws.audience().contacts().save(ContactDraft.of(email)).contact().id();
                ws.audience().deliveries().record(contact, e.id(), story, ContactChannel.EMAIL, Purpose.MARKETING,
                        Delivery.Outcome.SENT, "");
            }
        }
        studio = StudioUnderTest.start(stage, dir, file, new Publishing(() -> List.of(new SmtpNewsletterPlugin()),
                new MapSecrets(), Clock.systemUTC()));
    }

    @Test
    void fetchResultsNowSaysWhatCameBackAndKeepsTheFigures(FxRobot robot) throws Exception {
        waitFor(() -> studio.model().workspaceProperty().get() != null
                && robot.lookup("#publishMenuLabel").tryQuery().isPresent());
        robot.clickOn("#publishMenuLabel").clickOn("#menuFetchResults");

        waitFor(() -> robot.lookup("#noticeText").tryQuery().map(n -> ((Label) n).getText())
                .filter(t -> t.startsWith("Results read")).isPresent());
        assertEquals("Results read: 1 with counts, 0 waiting for their service, 0 without counts, 0 not read.",
                fx(() -> robot.lookup("#noticeText").queryAs(Label.class).getText()));
        Workspace ws = fx(() -> studio.model().workspaceProperty().get());
        assertEquals(3L, ws.results().latestCounts(entry).get("recipients"));
    }
}
