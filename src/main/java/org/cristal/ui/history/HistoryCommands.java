package org.cristal.ui.history;

import org.cristal.ui.CommandContext;
import org.cristal.ui.StudioModel;

/** The history command: the open story's revisions, one of which can be restored. */
public final class HistoryCommands {
    private final CommandContext window;

    public HistoryCommands(CommandContext window) {
        this.window = window;
    }

    public void show() {
        StudioModel model = window.model();
        if (!model.editor().isOpen()) {
            return;
        }
        HistoryDialog.show(window.stage(), window.text(), model.locale(), model.history(),
                () -> model.report(window.text().getString("history.restoreFailed")));
    }
}
