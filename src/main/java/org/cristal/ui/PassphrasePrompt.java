package org.cristal.ui;

import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for the passphrase of the secrets file when there is no system keychain. Called by the secret
 * store on a publishing thread; the dialog shows on the UI thread while that thread waits. On the UI
 * thread itself it answers "no" rather than block it.
 */
final class PassphrasePrompt implements Supplier<Optional<char[]>> {
    private final Supplier<Window> owner;
    private final ResourceBundle text;

    PassphrasePrompt(Supplier<Window> owner, ResourceBundle text) {
        this.owner = owner;
        this.text = text;
    }

    @Override
    public Optional<char[]> get() {
        if (Platform.isFxApplicationThread()) {
            return Optional.empty();
        }
        CompletableFuture<Optional<char[]>> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(ask()));
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    private Optional<char[]> ask() {
        Dialog<char[]> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(text.getString("secrets.prompt.title"));
        PasswordField field = new PasswordField();
        field.setId("passphraseField");
        Label intro = new Label(text.getString("secrets.prompt.intro"));
        intro.setWrapText(true);
        intro.setMaxWidth(420);
        dialog.getDialogPane().setContent(new VBox(10, intro, field));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ButtonType.OK && !field.getText().isEmpty()
                ? field.getText().toCharArray() : null);
        Platform.runLater(field::requestFocus);
        return dialog.showAndWait();
    }
}
