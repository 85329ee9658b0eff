package org.cristal.library.audience;

import java.time.Duration;
import java.util.Optional;

/**
 * At most {@code messages} marketing messages per contact per {@code days} days, counted across every
 * channel that reaches a person. Service messages are exempt. {@link #NONE} when the user set no cap.
 */
public record FrequencyCap(int messages, int days) {
    public static final FrequencyCap NONE = new FrequencyCap(0, 0);

    public FrequencyCap {
        if (messages < 0 || days < 0 || (messages == 0) != (days == 0)) {
            throw new IllegalArgumentException("messages and days must both be positive, or both 0");
        }
    }

    public boolean isSet() {
        return messages > 0;
    }

    public Duration window() {
        return Duration.ofDays(days);
    }

    /** As stored in the workspace settings: {@code 2/7}. */
    public String stored() {
        return messages + "/" + days;
    }

    static Optional<FrequencyCap> parse(String stored) {
        try {
            String[] p = stored.split("/");
            return Optional.of(new FrequencyCap(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip())));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
