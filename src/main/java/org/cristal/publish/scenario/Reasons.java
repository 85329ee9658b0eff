package org.cristal.publish.scenario;

import java.util.Locale;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishException;

/** A step's stored reason id (held, skipped, exited …) in the user's words. */
final class Reasons {
    private Reasons() {
    }

    static String say(String id, Locale locale) {
        String key = switch (id == null ? "" : id) {
            case "" -> null;
            case "paused" -> "publish.scenario.reason.paused";
            case "cap", "over-cap" -> "publish.scenario.reason.cap";
            case "condition" -> "publish.scenario.reason.condition";
            case "no-consent" -> "publish.scenario.reason.noConsent";
            case "unsubscribed" -> "publish.scenario.reason.unsubscribed";
            case "bounced", "refused" -> "publish.scenario.reason.bounced";
            case "no-address" -> "publish.scenario.reason.noAddress";
            case "stopped" -> "publish.scenario.reason.stopped";
            case "cancelled" -> "publish.scenario.reason.cancelled";
            case "removed" -> "publish.scenario.reason.removed";
            case "missing" -> "publish.scenario.reason.missing";
            case "erased" -> "publish.scenario.reason.erased";
            case "exit-left-segment" -> "publish.scenario.reason.exitLeftSegment";
            case "exit-unsubscribed" -> "publish.scenario.reason.exitUnsubscribed";
            case "exit-converted" -> "publish.scenario.reason.exitConverted";
            case "exit-in-segment" -> "publish.scenario.reason.exitInSegment";
            case "exit-received-story" -> "publish.scenario.reason.exitReceivedStory";
            default -> "publish.scenario.reason.sendFailed";
        };
        return key == null ? "" : LocalText.fromBundle(PublishException.BUNDLE, key).get(locale);
    }
}
