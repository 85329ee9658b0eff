package org.cristal.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
