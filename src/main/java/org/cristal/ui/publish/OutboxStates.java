package org.cristal.ui.publish;

import java.util.ResourceBundle;
import org.cristal.library.OutboxState;

/** An outbox state in the user's words. */
final class OutboxStates {
    private OutboxStates() {
    }

    static String name(ResourceBundle text, OutboxState state) {
        return text.getString(switch (state) {
            case SCHEDULED -> "outbox.state.scheduled";
            case SENDING -> "outbox.state.sending";
            case RETRYING -> "outbox.state.retrying";
            case SENT -> "outbox.state.sent";
            case FAILED -> "outbox.state.failed";
            case CANCELLED -> "outbox.state.cancelled";
        });
    }
}
