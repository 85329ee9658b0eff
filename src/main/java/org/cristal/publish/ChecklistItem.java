package org.cristal.publish;

import java.util.List;
import org.cristal.library.ChannelAccount;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.LocalText;
import org.cristal.story.Finding;

/**
 * One line of the "publish everywhere" checklist: a channel account and whether the story can go there now.
 *
 * @param plugin   the account's plugin, null when it is missing or disabled
 * @param findings the story's findings for the plugin's channel(s)
 * @param reasons  why it is warned or blocked, most serious first; empty when ready
 */
public record ChecklistItem(ChannelAccount account, ChannelPlugin plugin, Status status, List<Finding> findings,
        List<LocalText> reasons) {
    public ChecklistItem {
        findings = List.copyOf(findings);
        reasons = List.copyOf(reasons);
    }

    /** Ready to go, worth a look first, or cannot go until something is fixed. */
    public enum Status { READY, WARNED, BLOCKED }
}
