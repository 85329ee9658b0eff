package org.cristal.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cristal.library.ChannelAccount;
import org.cristal.library.OutboxEntry;
import org.cristal.library.OutboxState;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.PublishRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The print/export plugin through the publisher: the brochure lands in the folder, once. */
class ExportFolderPluginTest {
    @TempDir
    Path dir;

    @Test
    void publishingWritesTheBrochureAndRenditionsAndASecondPublishRewritesNothing() throws Exception {
        Path out = dir.resolve("imprimeur");
        try (PublishFixture f = new PublishFixture(dir)) {
            f.ws.channelAccounts().save(ChannelAccount.of("print", "export-folder", "Imprimerie",
                    Map.of("folder", out.toString())));
            OutboxEntry e = f.publisher.queue(PublishFixture.STORY, "print", f.clock.instant(), PublishFixture.PARIS);
            Outcome first = f.publisher.send(e.id(), Progress.NONE, () -> false);
            assertTrue(first.sent(), String.valueOf(first.message()));

            Path pdf = out.resolve("boulangerie-levain/brochure/brochure.pdf");
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                assertTrue(new PDFTextStripper().getText(doc).contains("levain"), "the brochure is the story's");
            }
            assertTrue(Files.readString(out.resolve("boulangerie-levain/web/index.html")).contains("<html"));
            assertTrue(Files.isRegularFile(out.resolve("boulangerie-levain/social/mastodon.txt")));
            assertTrue(first.entry().items() > 5, "files written: " + first.entry().items());
            assertEquals(out.resolve("boulangerie-levain").toUri().toString(), first.entry().url());

            byte[] before = Files.readAllBytes(pdf);
            FileTime stamp = FileTime.fromMillis(1_000_000_000L);
            Files.setLastModifiedTime(pdf, stamp);
            OutboxEntry again = f.publisher.queue(PublishFixture.STORY, "print", f.clock.instant(), PublishFixture.PARIS);
            assertEquals(e.id(), again.id());
            assertEquals(OutboxState.SENT, again.state(), "queuing again is the same publication");
            // A second publication of the same revision at the same time gives the same bytes: nothing rewritten.
            OutboxEntry other = f.publisher.queue(PublishFixture.STORY, "print", f.clock.instant(), PublishFixture.PARIS);
            assertEquals(OutboxState.SENT, other.state());
            Outcome direct = f.publisher.send(e.id(), Progress.NONE, () -> false);
            assertTrue(direct.sent(), "a sent entry is reported as sent, not sent again");
            assertEquals(stamp, Files.getLastModifiedTime(pdf));
            assertArrayEquals(before, Files.readAllBytes(pdf));
        }
    }

    @Test
    void aSecondAttemptWritesOnlyTheFilesThatAreMissingOrDifferent() throws Exception {
        Path out = dir.resolve("partage");
        try (PublishFixture f = new PublishFixture(dir)) {
            f.ws.channelAccounts().save(ChannelAccount.of("print", "export-folder", "Partage",
                    Map.of("folder", out.toString())));
            OutboxEntry e = f.publisher.queue(PublishFixture.STORY, "print", f.clock.instant(), PublishFixture.PARIS);
            PublishRequest request = f.publisher.request(e.id());
            ChannelPlugin plugin = new org.cristal.publish.export.ExportFolderPlugin();

            int all = plugin.publish(request, new TestContext()).items();
            assertEquals(0, plugin.publish(request, new TestContext()).items(), "same bytes: nothing rewritten");
            Files.delete(out.resolve("boulangerie-levain/email/email.txt"));
            Files.writeString(out.resolve("boulangerie-levain/social/x.txt"), "edited by hand");
            assertEquals(2, plugin.publish(request, new TestContext()).items());
            assertTrue(all > 5, "first publish wrote " + all);
        }
    }
}
