package org.cristal.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.cristal.library.Workspace;

/** Copies a chosen picture into the workspace (so the file travels with it) and makes it the hero image. */
final class ImageImport {
    private static final long MAX_BYTES = 40L * 1024 * 1024;

    private ImageImport() {
    }

    static void attach(StudioModel model, Path file, Consumer<Throwable> onError) {
        Workspace ws = model.workspaceProperty().get();
        if (ws == null) {
            return;
        }
        model.workers().io().execute(() -> {
            try {
                if (Files.size(file) > MAX_BYTES) {
                    throw new java.io.IOException(model.text().getString("image.tooLarge"));
                }
                String name = file.getFileName().toString();
                ws.assets().put(name, Files.readAllBytes(file), "");
                Platform.runLater(() -> model.editor().form().imageProperty().set(name));
            } catch (Exception e) {
                Platform.runLater(() -> onError.accept(e));
            }
        });
    }
}
