package org.cristal.library.scenario;

import java.util.Arrays;
import java.util.Optional;

/** Where a scenario is in its life. */
public enum ScenarioState {
    /** Being written: edits change the current version in place; nothing is sent. */
    DRAFT("draft"),
    /** Contacts enter and steps go when due; an edit makes a new version. */
    RUNNING("running"),
    /** Steps that fall due are held, never dropped; resuming sends them (within the frequency cap). */
    PAUSED("paused"),
    /** Ended for good: nobody enters, nothing more goes; runs in progress end as exited. */
    STOPPED("stopped");

    private final String id;

    ScenarioState(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<ScenarioState> of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equalsIgnoreCase(id == null ? "" : id.strip())).findFirst();
    }
}
