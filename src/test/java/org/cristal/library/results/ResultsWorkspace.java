package org.cristal.library.results;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import org.cristal.library.OutboxEntry;
import org.cristal.library.Workspace;

/** Builds what the dashboard reads, through the real workspace: stories, sent publications. */
public final class ResultsWorkspace {
    private ResultsWorkspace() {
    }

    /** Saves a story whose web address is {@code slug}; returns its id. */
    public static String story(Workspace ws, String slug, String title) throws Exception {
        return ws.stories().save(slug, "---\ntitle: " + title + "\nslug: " + slug + "\n---\nDu bon pain.\n").id();
    }

    /** A publication of {@code story} through {@code plugin}, sent at {@code at}; returns its outbox id. */
    public static long published(Workspace ws, String story, String plugin, String rendition, String target,
            String url, Instant at) {
        OutboxEntry e = ws.outbox().add(new OutboxEntry.New(story + "-" + plugin + "-" + at.toEpochMilli() + "-"
                + target, story, 1, plugin + "-account", plugin, rendition, target, at, ZoneOffset.UTC));
        assertTrue(ws.outbox().claim(e.id()));
        assertTrue(ws.outbox().sent(e.id(), "r" + e.id(), url, at, 1));
        return e.id();
    }
}
