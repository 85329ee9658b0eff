package org.cristal.library.scenario;

import java.util.Arrays;
import java.util.Optional;

/** Whether a contact who already went through a scenario may go through it again. */
public enum Reentry {
    /** Once per contact, ever. */
    NEVER("never"),
    /** Again once their previous run completed every step (not after an exit), after the scenario's wait. */
    AFTER_COMPLETION("after-completion"),
    /** Again once their previous run ended, however it ended, after the scenario's wait. */
    ALWAYS("always");

    private final String id;

    Reentry(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Reentry> of(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equalsIgnoreCase(id == null ? "" : id.strip())).findFirst();
    }
}
