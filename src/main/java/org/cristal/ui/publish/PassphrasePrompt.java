package org.cristal.ui.publish;

import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.cristal.publish.PassphraseSource;

/**
 * Asks for the passphrase of the secrets file when there is no system keychain. Called by the secret
 * store on a publishing thread; the dialog shows on the UI thread while that thread waits. On the UI
 * thread itself it answers "no" rather than block it. When the passphrase is being chosen (no file yet)
 * it is typed twice, and the dialog stays open while the two differ: a typo there would lock every saved
 * password away for good.
 */
public final class PassphrasePrompt implements PassphraseSource {
    private final Supplier<Window> owner;
    private final ResourceBundle text;

    public PassphrasePrompt(Supplier<Window> owner, ResourceBundle text) {
        this.owner = owner;
        this.text = text;
    }

    @Override
    public Optional<char[]> ask(boolean choosing) {
        if (Platform.isFxApplicationThread()) {
            return Optional.empty();
        }
        CompletableFuture<Optional<char[]>> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(show(choosing)));
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    private Optional<char[]> show(boolean choosing) {
        Dialog<char[]> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(text.getString(choosing ? "secrets.prompt.chooseTitle" : "secrets.prompt.title"));
        PasswordField field = new PasswordField();
        field.setId("passphraseField");
        Label intro = new Label(text.getString(choosing ? "secrets.prompt.chooseIntro" : "secrets.prompt.intro"));
        intro.setWrapText(true);
        intro.setMaxWidth(420);
        VBox content = new VBox(10, intro, field);
        PasswordField again = new PasswordField();
        again.setId("passphraseConfirmField");
        Label mismatch = new Label(text.getString("secrets.prompt.mismatch"));
        mismatch.setId("passphraseMismatch");
        mismatch.getStyleClass().add("field-problem");
        mismatch.setWrapText(true);
        mismatch.setMaxWidth(420);
        mismatch.setVisible(false);
        mismatch.setManaged(false);
        if (choosing) {
            again.setPromptText(text.getString("secrets.prompt.confirm"));
            content.getChildren().addAll(new Label(text.getString("secrets.prompt.confirm")), again, mismatch);
        }
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("passphraseOk");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            if (choosing && !field.getText().equals(again.getText())) {
                // Ask again: keep the dialog open, clear the second field, say why.
                e.consume();
                mismatch.setVisible(true);
                mismatch.setManaged(true);
                again.clear();
                again.requestFocus();
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
        dialog.setResultConverter(b -> b == ButtonType.OK && !field.getText().isEmpty()
                ? field.getText().toCharArray() : null);
        Platform.runLater(field::requestFocus);
        Optional<char[]> result = dialog.showAndWait();
        // The fields' text cannot be wiped (Strings), but the dialog no longer holds it.
        field.clear();
        again.clear();
        return result;
    }
}
