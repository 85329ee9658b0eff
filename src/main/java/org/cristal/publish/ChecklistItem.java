// PLACEHOLDER until i6-core merges
package org.cristal.publish;

import java.util.List;
import org.cristal.library.ChannelAccount;
import org.cristal.story.Finding;

/** One line of "publish everywhere": an enabled account and whether the story can go there now. */
public record ChecklistItem(ChannelAccount account, ChannelPlugin plugin, Status status, List<Finding> findings,
        List<LocalText> reasons) {
    public enum Status { READY, WARNED, BLOCKED }
}
