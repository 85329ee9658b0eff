package org.cristal.ui.contacts;

import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.web.WebView;
import javafx.stage.Window;
import org.cristal.ui.Styles;

/** The newsletter as one contact reads it: its subject and its body, nothing sent. */
public final class PreviewAsView {
    private PreviewAsView() {
    }

    public static void open(Window owner, ResourceBundle text, String who, PreviewAsModel model) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(javafx.stage.Modality.NONE);
        dialog.setTitle(new java.text.MessageFormat(text.getString("contacts.preview.title")).format(new Object[] {who}));
        dialog.setResizable(true);
        Styles.add(dialog);
        Label subject = new Label();
        subject.setId("previewAsSubject");
        subject.setWrapText(true);
        subject.getStyleClass().add("title-4");
        Label problem = ContactsView.problemLabel("previewAsProblem", model.problemProperty());
        WebView body = new WebView();
        body.setId("previewAsBody");
        // The newsletter's own HTML, shown as a mail reader would: no scripts.
        body.getEngine().setJavaScriptEnabled(false);
        body.setContextMenuEnabled(false);
        model.previewProperty().addListener((o, a, p) -> {
            subject.setText(p == null ? "" : p.subject());
            body.getEngine().loadContent(p == null ? "" : p.html());
        });
        VBox box = new VBox(8, subject, problem, body);
        VBox.setVgrow(body, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        box.setPrefSize(760, 640);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(text.getString("dialog.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.show();
        Styles.size(dialog, 820, 740);
    }
}
