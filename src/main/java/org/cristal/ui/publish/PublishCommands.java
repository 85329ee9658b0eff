package org.cristal.ui.publish;

import javafx.util.Duration;
import org.cristal.library.results.FetchState;
import org.cristal.publish.Outcome;
import org.cristal.publish.PeriodicFetch;
import org.cristal.publish.ResultsFetcher;
import org.cristal.ui.CommandContext;
import org.cristal.ui.StudioModel;

/** What the publishing commands do: channels, publish everywhere, the calendar, a story's publications. */
public final class PublishCommands {
    private final CommandContext window;
    private final StudioModel model;
    private final java.util.ResourceBundle text;

    public PublishCommands(CommandContext window) {
        this.window = window;
        this.model = window.model();
        this.text = window.text();
    }

    public void showChannels() {
        if (model.workspaceProperty().get() == null) {
            model.report(text.getString("workspace.none"));
            return;
        }
        ChannelsDialog.show(window.stage(), text, model.locale(), window.choosers(), model.publishing().channels(),
                window.links(), window::failed);
    }

    public void showPublish() {
        if (!model.editor().isOpen()) {
            return;
        }
        // What goes out is the saved story: save what is typed first.
        model.editor().saveNow();
        PublishDialog.show(window.stage(), text, model.locale(), model.editor().form().titleProperty().get(),
                model.editor().storyId(), model.publishing().publishDialog(), window.links(), this::showChannels,
                window::failed);
    }

    public void showCalendar() {
        if (model.workspaceProperty().get() == null) {
            return;
        }
        CalendarDialog.show(window.stage(), text, model.publishing().calendar(), window.links(), this::reconnect,
                window::failed);
    }

    public void showPublications() {
        if (!model.editor().isOpen()) {
            return;
        }
        PublicationsDialog.show(window.stage(), text, model.locale(), model.editor().form().titleProperty().get(),
                model.editor().storyId(), model.publishing().publications(), window.links(), this::reconnect,
                window::failed);
    }

    /**
     * Reconnect… of a post waiting for its account: the same form as Channels and accounts › Modify, where the
     * Connect button is. A Connect makes the account's waiting posts due (the connector does), and the woken
     * scheduler sends them within seconds instead of at its next look.
     */
    private void reconnect(javafx.stage.Window owner, String accountId, Runnable connected) {
        PublishingModel publishing = model.publishing();
        publishing.channels().edit(accountId).whenComplete((form, t) -> javafx.application.Platform.runLater(() -> {
            if (t != null) {
                window.failed(t);
                return;
            }
            form.onConnected(() -> {
                publishing.wake();
                connected.run();
            });
            AccountDialog.show(owner, text, model.locale(), window.choosers(), form, window.links(),
                    a -> publishing.channels().refresh(), window::failed);
        }));
    }

    /** Reads the publications' results now, in the background; {@link #resultsRead} says what came back. */
    public void fetchResults() {
        org.cristal.library.Workspace ws = model.workspaceProperty().get();
        if (ws == null) {
            model.report(text.getString("workspace.none"));
            return;
        }
        if (ws.readOnly()) {
            // Counts are kept in the workspace: nothing could be recorded.
            model.report(window.format("workspace.readOnly", ws.path().getFileName()));
            return;
        }
        model.publishing().fetchResultsNow();
    }

    /** What a reading the user asked for brought, as a notification; background readings stay quiet. */
    public void resultsRead(PeriodicFetch.Done done) {
        if (!done.asked()) {
            return;
        }
        ResultsFetcher.Round r = done.round();
        String message = r.lines().isEmpty() ? text.getString("notice.resultsNothing")
                : window.format("notice.resultsFetched", r.count(FetchState.Status.OK),
                        r.count(FetchState.Status.WAITING), r.count(FetchState.Status.UNAVAILABLE),
                        r.count(FetchState.Status.FAILED));
        window.notice(message, Duration.seconds(10), null, null, false);
    }

    /** What the scheduler sent while the studio is open, as a notification. */
    public void published(Outcome o) {
        String account = o.entry().target() == null || o.entry().target().isBlank() ? o.entry().account()
                : o.entry().target();
        if (o.sent()) {
            String url = o.entry().url();
            boolean link = url != null && !url.isBlank();
            window.notice(window.format("notice.published", account), Duration.seconds(10),
                    link ? text.getString("notice.openLink") : null, link ? () -> window.links().accept(url) : null,
                    false);
        } else {
            String reason = o.message() == null ? "" : o.message().get(model.locale());
            window.notice(window.format("notice.publishFailed", account, reason), Duration.seconds(10), null, null,
                    true);
        }
    }
}
