package org.cristal.ui.library;

import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Window;
import org.cristal.library.TrashedStory;

/** Deleted stories, with restore (history included) and empty trash. */
public final class TrashDialog {
    private TrashDialog() {
    }

    public static void show(Window owner, ResourceBundle text, Locale locale, LibraryModel model,
            Consumer<TrashedStory> restore) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.getString("trash.title"));
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZoneId.systemDefault());
        ListView<TrashedStory> list = new ListView<>(model.trash());
        list.setId("trashList");
        list.setPrefSize(520, 320);
        list.setPlaceholder(new Label(text.getString("trash.empty")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(TrashedStory t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : new MessageFormat(text.getString("trash.item"), locale)
                        .format(new Object[] {t.title(), when.format(t.deletedAt()), t.revisions()}));
            }
        });
        ButtonType restoreType = new ButtonType(text.getString("trash.restore"), ButtonBar.ButtonData.LEFT);
        ButtonType emptyType = new ButtonType(text.getString("trash.emptyAction"), ButtonBar.ButtonData.LEFT);
        dialog.getDialogPane().getButtonTypes().addAll(restoreType, emptyType,
                new ButtonType(text.getString("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        Button restoreButton = (Button) dialog.getDialogPane().lookupButton(restoreType);
        restoreButton.setId("trashRestore");
        restoreButton.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        restoreButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            restore.accept(list.getSelectionModel().getSelectedItem());
        });
        Button emptyButton = (Button) dialog.getDialogPane().lookupButton(emptyType);
        emptyButton.setId("trashEmpty");
        emptyButton.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.trash()));
        emptyButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            model.emptyTrash();
        });
        dialog.getDialogPane().setContent(list);
        model.refresh();
        dialog.show();
    }
}
