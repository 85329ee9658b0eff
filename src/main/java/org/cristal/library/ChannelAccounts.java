package org.cristal.library;

import java.time.Clock;

/**
 * The channel accounts of a workspace: a plugin plus its settings, secrets excluded (they live in the
 * secret store). (Schema: Migrations v4.)
 */
public final class ChannelAccounts {
    private final Db db;
    private final Clock clock;

    ChannelAccounts(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }
}
