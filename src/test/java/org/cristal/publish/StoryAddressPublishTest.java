package org.cristal.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cristal.library.ChannelAccount;
import org.cristal.library.OutboxEntry;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Through the real publisher and workspace: a story made with Ctrl+N goes out under its own address. */
class StoryAddressPublishTest {
    @TempDir
    Path dir;

    @Test
    void theExportFolderIsNamedAfterTheAddressAndTheOutboxRemembersIt() throws Exception {
        Path out = dir.resolve("imprimeur");
        try (PublishFixture f = new PublishFixture(dir)) {
            String source = Files.readString(Corpus.story("boulangerie-levain"), StandardCharsets.UTF_8)
                    .replaceFirst("---\n", "---\nslug: quarante-ans-de-levain\n");
            f.ws.stories().save("new-story-2", source);
            f.ws.channelAccounts().save(ChannelAccount.of("print", "export-folder", "Imprimerie",
                    Map.of("folder", out.toString())));
            OutboxEntry e = f.publisher.queue("new-story-2", "print", f.clock.instant(), PublishFixture.PARIS);
            assertTrue(f.publisher.send(e.id(), Progress.NONE, () -> false).sent());

            assertTrue(Files.isRegularFile(out.resolve("quarante-ans-de-levain/brochure/brochure.pdf")));
            assertTrue(Files.readString(out.resolve("quarante-ans-de-levain/web/index.html"))
                    .contains("https://boulangerie-martin.example/quarante-ans-de-levain"));
            assertFalse(Files.exists(out.resolve("new-story-2")), "the internal id names nothing the user sees");

            // Renamed afterwards: the outbox still knows where the story went out.
            f.ws.stories().save("new-story-2", source.replace("slug: quarante-ans-de-levain", "slug: levain"));
            assertEquals(Optional.of("quarante-ans-de-levain"), f.ws.stories().publishedSlug("new-story-2"));
        }
    }

    @Test
    void twoStoriesAtOneAddressCannotBePublishedAndAMovedAddressIsFlagged() throws Exception {
        try (PublishFixture f = new PublishFixture(dir)) {
            String source = Files.readString(Corpus.story("boulangerie-levain"), StandardCharsets.UTF_8)
                    .replaceFirst("---\n", "---\nslug: quarante-ans-de-levain\n");
            f.ws.stories().save("new-story-2", source);
            f.ws.stories().save("new-story-3", source);

            ChecklistItem taken = f.publisher.checklist("new-story-3").get(0);
            assertEquals(ChecklistItem.Status.BLOCKED, taken.status());
            assertEquals("Another story of this workspace has the same web address \u201cquarante-ans-de-levain\u201d: "
                    + "publishing would replace its page. Give this story another address in its form.",
                    taken.reasons().get(0).get(Locale.ENGLISH));

            f.ws.stories().save("new-story-3", source.replace("slug: quarante-ans-de-levain", "slug: levain"));
            OutboxEntry e = f.publisher.queue("new-story-3", "hook", f.clock.instant(), PublishFixture.PARIS);
            assertTrue(f.publisher.send(e.id(), Progress.NONE, () -> false).sent());
            f.ws.stories().save("new-story-3", source.replace("slug: quarante-ans-de-levain", "slug: le-levain"));
            List<String> reasons = f.publisher.checklist("new-story-3").get(0).reasons().stream()
                    .map(r -> r.get(Locale.ENGLISH)).toList();
            assertTrue(reasons.contains("This story was published at \u201clevain\u201d and now goes to "
                    + "\u201cle-levain\u201d: links to the old address will break."), reasons.toString());
        }
    }
}
