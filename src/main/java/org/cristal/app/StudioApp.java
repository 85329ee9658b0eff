package org.cristal.app;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.stage.Stage;
import org.cristal.library.SampleContent;
import org.cristal.library.Workspace;
import org.cristal.library.WorkspaceException;
import org.cristal.library.WorkspaceLocations;
import org.cristal.ui.StudioWindow;

/**
 * The studio application: shows the window at once, then opens the workspace (seeding the default
 * one with sample content on first run) on a background thread.
 */
public final class StudioApp extends Application {
    private static final System.Logger LOG = System.getLogger(StudioApp.class.getName());

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cristal-background");
        t.setDaemon(true);
        return t;
    });
    private Workspace workspace;
    private boolean stopped;

    @Override
    public void start(Stage stage) {
        Locale locale = "fr".equals(Locale.getDefault().getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
        ResourceBundle text = StudioWindow.bundle(locale);
        ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(text.getString("workspace.opening"));
        new StudioWindow(text).show(stage, status.getReadOnlyProperty());

        Path path = WorkspaceLocations.resolve(Optional.empty(), System.getenv());
        Task<String> open = new Task<>() {
            @Override
            protected String call() {
                Workspace ws = Workspace.open(path);
                synchronized (StudioApp.this) {
                    if (stopped) {
                        // The window closed while the file was opening: fold the WAL back now.
                        ws.close();
                        return "";
                    }
                    workspace = ws;
                }
                SampleContent.seedIfEmpty(ws);
                return new MessageFormat(text.getString("workspace.opened"), locale).format(new Object[] {
                    path.getFileName().toString(), ws.stories().count(), ws.brands().list().size()});
            }
        };
        open.setOnSucceeded(e -> status.set(open.getValue()));
        open.setOnFailed(e -> {
            Throwable t = open.getException();
            LOG.log(System.Logger.Level.WARNING, "cannot open workspace " + path, t);
            String reason = t instanceof WorkspaceException w ? w.localizedMessage(locale) : String.valueOf(t);
            status.set(new MessageFormat(text.getString("workspace.failed"), locale).format(new Object[] {reason}));
        });
        background.submit(open);
    }

    @Override
    public synchronized void stop() {
        stopped = true;
        background.shutdownNow();
        if (workspace != null) {
            workspace.close();
        }
    }
}
