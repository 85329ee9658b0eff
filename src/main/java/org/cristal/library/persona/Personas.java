package org.cristal.library.persona;

import java.time.Clock;
import org.cristal.library.Db;

/**
 * The workspace's personas (table {@code personas}; docs/one-to-one.md). Placeholder of the shared
 * contract: the persona part fills it in (save, find, list, rename, delete, the typical contact).
 */
public final class Personas {
    private final Db db;
    private final Clock clock;

    public Personas(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Db db() {
        return db;
    }

    Clock clock() {
        return clock;
    }
}
