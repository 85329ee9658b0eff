package org.cristal.publish.mastodon;

import java.io.IOException;
import java.util.List;

/** The loopback Mastodon of these tests, for tests of other packages (the scenario engine's): its address and posts. */
public final class LoopbackMastodon implements AutoCloseable {
    public static final String TOKEN = FakeMastodon.TOKEN;
    private final FakeMastodon server;

    public LoopbackMastodon() throws IOException {
        server = new FakeMastodon();
    }

    public String url() {
        return server.url();
    }

    /** The text of each status created, oldest first. */
    public List<String> statuses() {
        synchronized (server.statuses) {
            return server.statuses.stream().map(FakeMastodon.Status::text).toList();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
