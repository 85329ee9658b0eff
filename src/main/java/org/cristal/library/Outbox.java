package org.cristal.library;

import java.time.Clock;

/**
 * The publishing outbox of a workspace: every publication, recorded before it is sent, with its outcome,
 * and the journal of what a long send has done. (Schema: Migrations v4.)
 */
public final class Outbox {
    private final Db db;
    private final Clock clock;

    Outbox(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }
}
