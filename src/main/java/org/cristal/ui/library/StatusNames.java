package org.cristal.ui.library;

import java.util.ResourceBundle;
import org.cristal.story.Status;

/** Localized story statuses. */
final class StatusNames {
    private StatusNames() {
    }

    static String name(ResourceBundle text, Status s) {
        return switch (s) {
            case DRAFT -> text.getString("status.draft");
            case REVIEW -> text.getString("status.review");
            case APPROVED -> text.getString("status.approved");
            case PUBLISHED -> text.getString("status.published");
            case ARCHIVED -> text.getString("status.archived");
        };
    }
}
