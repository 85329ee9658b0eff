package org.cristal.ui.contacts;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import org.cristal.ui.CommandContext;
import org.cristal.ui.StudioModel;

/** Opens the contacts screen, and what its buttons ask of the window: a folder, a confirmation, a notice. */
public final class ContactsCommands {
    private final CommandContext window;
    private final StudioModel model;
    private final java.util.ResourceBundle text;
    private Dialog<ButtonType> open;

    public ContactsCommands(CommandContext window) {
        this.window = window;
        this.model = window.model();
        this.text = window.text();
    }

    public void show() {
        if (model.workspaceProperty().get() == null) {
            model.report(text.getString("workspace.none"));
            return;
        }
        if (open != null && open.isShowing()) {
            open.getDialogPane().getScene().getWindow().requestFocus();
            return;
        }
        ContactsModel list = new ContactsModel(model.workers(), model.workspaceProperty()::get, text, model.locale());
        ContactDetailModel detail = new ContactDetailModel(model.workers(), model.workspaceProperty()::get, text,
                model.locale());
        FrequencyCapModel cap = new FrequencyCapModel(model.workers(), model.workspaceProperty()::get, text,
                model.locale());
        SegmentsModel segments = new SegmentsModel(model.workers(), model.workspaceProperty()::get, text,
                model.locale(), list.segmentProperty());
        ContactsView[] view = new ContactsView[1];
        ContactDetailView.Actions actions = new ContactDetailView.Actions() {
            @Override
            public void save() {
                detail.save().thenAccept(saved -> {
                    if (saved != null) {
                        window.notify(text.getString("contacts.saved"));
                        segments.load();
                        list.reload().thenRun(() -> view[0].select(saved));
                    }
                });
            }

            @Override
            public void exportData() {
                exportDataOf(detail);
            }

            @Override
            public void previewAs() {
                var c = detail.contactProperty().get();
                if (c == null) {
                    return;
                }
                PreviewAsModel preview = new PreviewAsModel(model.workers(), model.workspaceProperty()::get,
                        model.publishing()::publisher, text, model.locale());
                PreviewAsView.open(owner(), text, c.fullName().isEmpty() ? c.email() : c.fullName(), preview);
                preview.show(model.editor().isOpen() ? model.editor().storyId() : "", c.id());
            }

            @Override
            public void erase() {
                eraseShown(detail, () -> {
                    list.reload();
                    segments.load();
                });
            }
        };
        view[0] = new ContactsView(text, model.locale(), list, detail, cap, segments, actions,
                () -> importFile(() -> {
                    list.reload();
                    segments.load();
                }));
        open = view[0].open(window.stage());
    }

    /** Chooses a file, then shows what importing it would do before anything is written. */
    private void importFile(Runnable changed) {
        window.choosers().openFile(owner(), text.getString("contacts.import.choose"),
                text.getString("contacts.import.filter"), java.util.List.of("*.csv", "*.txt", "*.tsv"))
                .ifPresent(file -> {
                    ImportModel wizard = new ImportModel(model.workers(), model.workspaceProperty()::get, text,
                            model.locale());
                    new ImportWizard(text, wizard).open(owner(), changed);
                    wizard.open(file);
                });
    }

    private javafx.stage.Window owner() {
        return open == null ? window.stage() : open.getDialogPane().getScene().getWindow();
    }

    private void exportDataOf(ContactDetailModel detail) {
        if (detail.contactProperty().get() == null) {
            return;
        }
        window.choosers().folder(window.stage(), text.getString("contacts.export.choose"))
                .ifPresent(folder -> window.then(detail.exportData(folder),
                        written -> window.notify(window.format("contacts.export.done", written))));
    }

    private void eraseShown(ContactDetailModel detail, Runnable changed) {
        if (detail.contactProperty().get() == null) {
            return;
        }
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION);
        ask.initOwner(owner());
        ask.setTitle(text.getString("contacts.erase.title"));
        ask.setHeaderText(text.getString("contacts.erase.title"));
        ask.setContentText(detail.eraseQuestion());
        ask.getDialogPane().setPrefWidth(560);
        ButtonType erase = new ButtonType(text.getString("contacts.erase.confirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(text.getString("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        ask.getButtonTypes().setAll(erase, keep);
        ask.getDialogPane().lookupButton(erase).setId("confirmErase");
        // Erasing cannot be undone: Enter keeps the person.
        ((javafx.scene.control.Button) ask.getDialogPane().lookupButton(erase)).setDefaultButton(false);
        ((javafx.scene.control.Button) ask.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        ask.showAndWait().filter(b -> b == erase).ifPresent(b -> detail.erase().thenAccept(done -> {
            if (done) {
                window.notify(text.getString("contacts.erased"));
                changed.run();
            }
        }));
    }
}
