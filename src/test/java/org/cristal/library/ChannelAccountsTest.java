package org.cristal.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelAccountsTest {
    @TempDir
    Path dir;

    @Test
    void anAccountSurvivesReopeningTheWorkspaceAndCanBeChanged() {
        Path file = dir.resolve("levain.cristal");
        try (Workspace ws = Workspace.open(file)) {
            ws.channelAccounts().save(ChannelAccount.of("mastodon", "mastodon", "Mastodon @levain",
                    Map.of("instance", "https://piaille.fr")));
            assertEquals("mastodon-2", ws.channelAccounts().freeId("mastodon"));
        }
        try (Workspace ws = Workspace.open(file)) {
            ChannelAccount a = ws.channelAccounts().get("mastodon").orElseThrow();
            assertEquals("https://piaille.fr", a.settings().get("instance"));
            assertTrue(a.enabled());
            ws.channelAccounts().save(new ChannelAccount(a.id(), a.plugin(), "Piaille", Map.of(), false, null, null));
            assertEquals("Piaille", ws.channelAccounts().list().get(0).name());
            assertFalse(ws.channelAccounts().get("mastodon").orElseThrow().enabled());
            assertTrue(ws.channelAccounts().delete("mastodon"));
            assertTrue(ws.channelAccounts().list().isEmpty());
        }
    }
}
