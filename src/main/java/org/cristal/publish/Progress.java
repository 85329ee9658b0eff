package org.cristal.publish;

import org.cristal.publish.spi.LocalText;

/** Progress of the sends a {@link Publisher} runs, for a progress bar or a status line. */
@FunctionalInterface
public interface Progress {
    /** No display. */
    Progress NONE = (entryId, fraction, message) -> { };

    /**
     * @param fraction done so far, 0 to 1, or -1 when unknown
     * @param message  what is happening, or null
     */
    void update(long entryId, double fraction, LocalText message);
}
