package org.cristal.ui.export;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.cristal.ui.CommandContext;
import org.cristal.ui.StudioModel;

/** What the export commands do: export the open story, import a folder, export the whole workspace. */
public final class ExportCommands {
    private final CommandContext window;
    private final StudioModel model;
    private final java.util.ResourceBundle text;
    private final Consumer<ExportModel.Job> showJob;

    /** {@code showJob} shows a running job's progress (and its cancel button) in the window. */
    public ExportCommands(CommandContext window, Consumer<ExportModel.Job> showJob) {
        this.window = window;
        this.model = window.model();
        this.text = window.text();
        this.showJob = showJob;
    }

    public void importFolder() {
        window.choosers().folder(window.stage(), text.getString("menu.import"))
                .ifPresent(dir -> run(model.exports().start(ExportModel.Kind.IMPORT, dir)));
    }

    public void exportWorkspace() {
        window.choosers().folder(window.stage(), text.getString("menu.exportWorkspace"))
                .ifPresent(dir -> run(model.exports().start(ExportModel.Kind.WORKSPACE, dir)));
    }

    public void exportStory(ExportModel.Kind kind) {
        if (!model.editor().isOpen()) {
            return;
        }
        model.editor().saveNow();
        Optional<Path> target;
        if (kind == ExportModel.Kind.WEB || kind == ExportModel.Kind.ALL) {
            target = window.choosers().folder(window.stage(),
                    text.getString(kind == ExportModel.Kind.ALL ? "menu.exportAll" : "menu.exportWeb"))
                    .map(dir -> dir.resolve(model.exports().suggestedName(kind)));
        } else {
            String title = switch (kind) {
                case BROCHURE -> text.getString("menu.exportBrochure");
                case EMAIL_EML -> text.getString("menu.exportEml");
                default -> text.getString("menu.exportEmailHtml");
            };
            target = window.choosers().saveFile(window.stage(), title, model.exports().suggestedName(kind));
        }
        target.ifPresent(t -> run(model.exports().start(kind, t)));
    }

    public void run(ExportModel.Job job) {
        showJob.accept(job);
        job.result().whenComplete((files, t) -> Platform.runLater(() -> {
            if (t == null) {
                window.notify(model.exports().doneMessage(job, files));
                model.library().refresh();
            } else if (!(unwrap(t) instanceof CancellationException)) {
                window.failed(t);
            }
        }));
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
