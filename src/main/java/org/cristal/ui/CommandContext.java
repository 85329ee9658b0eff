package org.cristal.ui;

import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * What a screen's commands need from the window: its stage, the studio model, the texts, the file choosers,
 * how links open, and one way to tell the user of a failure or a result. Each screen package keeps the
 * commands of its feature (library, history, publishing, export) and reaches the window only through this.
 */
public interface CommandContext {
    Stage stage();

    StudioModel model();

    ResourceBundle text();

    /** A message of the bundle with its arguments, in the studio's language. */
    String format(String key, Object... args);

    Choosers choosers();

    /** How a link to what went live is opened (the app's HostServices; tests record it). */
    Consumer<String> links();

    /** Every failure reaches the user as one localized sentence; the details go to the log. */
    void failed(Throwable t);

    /** A short notice that fades (an export done, a story archived). */
    void notify(String message);

    /** A notice inside the window for {@code hideAfter}, with an action button when {@code actionLabel} is set. */
    void notice(String message, Duration hideAfter, String actionLabel, Runnable action, boolean warning);

    /** On the UI thread once {@code work} is done: {@code onDone} with its result, or the failure told to the user. */
    <T> void then(CompletableFuture<T> work, Consumer<T> onDone);
}
