package org.cristal.publish;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.cristal.library.ChannelAccount;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.Recipients.LeftOut;
import org.cristal.story.Finding;

/**
 * One line of the "publish everywhere" checklist: a channel account and whether the story can go there now.
 *
 * @param plugin   the account's plugin, null when it is missing or disabled
 * @param findings the story's findings for the plugin's channel(s)
 * @param reasons  why it is warned or blocked, most serious first; empty when ready
 * @param reach    for an account that sends to contacts (a newsletter), whom it reaches; else null
 */
public record ChecklistItem(ChannelAccount account, ChannelPlugin plugin, Status status, List<Finding> findings,
        List<LocalText> reasons, Reach reach) {
    public ChecklistItem {
        findings = List.copyOf(findings);
        reasons = List.copyOf(reasons);
    }

    public ChecklistItem(ChannelAccount account, ChannelPlugin plugin, Status status, List<Finding> findings,
            List<LocalText> reasons) {
        this(account, plugin, status, findings, reasons, null);
    }

    /** Ready to go, worth a look first, or cannot go until something is fixed. */
    public enum Status { READY, WARNED, BLOCKED }

    /**
     * Whom a newsletter would reach if sent now.
     *
     * @param segment the segment counted, "" for every contact
     * @param reaches how many get it
     * @param leftOut for each reason, how many of the segment do not
     */
    public record Reach(String segment, int reaches, Map<LeftOut, Integer> leftOut) {
        public Reach {
            Map<LeftOut, Integer> m = new EnumMap<>(LeftOut.class);
            m.putAll(leftOut);
            leftOut = java.util.Collections.unmodifiableMap(m);
        }

        static Reach of(String segment, org.cristal.library.audience.Reach r) {
            Map<LeftOut, Integer> m = new EnumMap<>(LeftOut.class);
            r.leftOut().forEach((why, n) -> m.put(LeftOut.valueOf(why.name()), n));
            return new Reach(segment, r.members().size(), m);
        }

        public int leftOutTotal() {
            return leftOut.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int count(LeftOut reason) {
            return leftOut.getOrDefault(reason, 0);
        }

        /** "Reaches 312 · 41 left out (28 no consent, 9 unsubscribed, 0 bounced, 4 over the cap)". */
        public LocalText text() {
            return Publisher.text("publish.core.reach", reaches, leftOutTotal(), count(LeftOut.NO_CONSENT),
                    count(LeftOut.UNSUBSCRIBED), count(LeftOut.BOUNCED), count(LeftOut.OVER_CAP));
        }
    }
}
