package org.cristal.ui.publish;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.cristal.library.ChannelAccount;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.ui.Choosers;
import org.cristal.ui.Styles;
import org.cristal.ui.Text;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The channel accounts of the workspace: add one of a plugin, edit, switch off, delete. */
public final class ChannelsDialog {
    private ChannelsDialog() {
    }

    /** @param links opens an address in the system browser (a service's consent page, the guide) */
    public static void show(Window owner, ResourceBundle text, Locale locale, Choosers choosers, ChannelsModel model,
            Consumer<String> links, Consumer<Throwable> failed) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.getString("channels.title"));
        dialog.setResizable(true);
        Styles.add(dialog);

        ListView<ChannelAccount> list = new ListView<>(model.accounts());
        list.setId("accountList");
        Label none = new Label(text.getString("channels.none"));
        none.setWrapText(true);
        none.setPadding(new javafx.geometry.Insets(0, 24, 0, 24));
        list.setPlaceholder(none);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ChannelAccount a, boolean empty) {
                super.updateItem(a, empty);
                if (empty || a == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                ChannelPlugin p = model.plugin(a);
                FontIcon icon = PluginIcons.of(p);
                Label name = new Label(a.name());
                name.getStyleClass().add("field-label");
                Label kind = new Label(p == null ? Text.format(text, locale, "channels.pluginMissing", a.plugin())
                        : p.displayName().get(locale));
                kind.getStyleClass().add(p == null ? "field-problem" : "field-help");
                CheckBox on = new CheckBox(text.getString("channels.enabled"));
                on.setSelected(a.enabled());
                on.setOnAction(e -> model.setEnabled(a, on.isSelected())
                        .exceptionally(t -> report(failed, t)));
                VBox words = new VBox(2, name, kind);
                HBox.setHgrow(words, Priority.ALWAYS);
                HBox row = new HBox(10, icon, words, on);
                row.setAlignment(Pos.CENTER_LEFT);
                setText(null);
                setGraphic(row);
            }
        });

        MenuButton add = new MenuButton(text.getString("channels.add"), new FontIcon(Feather.PLUS));
        add.setId("addAccount");
        for (ChannelPlugin p : model.addable()) {
            MenuItem item = new MenuItem(p.displayName().get(locale), PluginIcons.of(p));
            item.setId("addPlugin-" + p.id());
            item.setOnAction(e -> AccountDialog.show(dialog.getDialogPane().getScene().getWindow(), text, locale,
                    choosers, model.newAccount(p), links, a -> model.refresh(), failed));
            add.getItems().add(item);
        }
        add.setDisable(model.plugins().isEmpty());
        Button edit = new Button(text.getString("channels.edit"), new FontIcon(Feather.EDIT_2));
        edit.setId("editAccount");
        Button delete = new Button(text.getString("channels.delete"), new FontIcon(Feather.TRASH_2));
        delete.setId("deleteAccount");
        edit.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        delete.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        Runnable editSelected = () -> {
            ChannelAccount a = list.getSelectionModel().getSelectedItem();
            if (a == null || model.plugin(a) == null) {
                return;
            }
            model.edit(a).whenComplete((form, t) -> Platform.runLater(() -> {
                if (t != null) {
                    failed.accept(t);
                } else {
                    AccountDialog.show(dialog.getDialogPane().getScene().getWindow(), text, locale, choosers, form,
                            links, x -> model.refresh(), failed);
                }
            }));
        };
        edit.setOnAction(e -> editSelected.run());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                editSelected.run();
            }
        });
        delete.setOnAction(e -> {
            ChannelAccount a = list.getSelectionModel().getSelectedItem();
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION);
            ask.initOwner(dialog.getDialogPane().getScene().getWindow());
            ask.setHeaderText(Text.format(text, locale, "channels.deleteQuestion", a.name()));
            ask.setContentText(text.getString("channels.deleteExplain"));
            ButtonType yes = new ButtonType(text.getString("channels.delete"), ButtonBar.ButtonData.OK_DONE);
            ask.getButtonTypes().setAll(yes, new ButtonType(text.getString("dialog.cancel"),
                    ButtonBar.ButtonData.CANCEL_CLOSE));
            ask.showAndWait().filter(b -> b == yes).ifPresent(b -> model.delete(a)
                    .exceptionally(t -> report(failed, t)));
        });
        HBox buttons = new HBox(8, add, edit, delete);
        Label secrets = new Label(Text.format(text, locale, "channels.secretsWhere",
                model.secretsDescription().get(locale)));
        secrets.setWrapText(true);
        secrets.getStyleClass().add("field-help");
        Label intro = new Label(text.getString("channels.intro"));
        intro.setWrapText(true);
        intro.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        secrets.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox content = new VBox(10, intro, buttons, list, secrets);
        VBox.setVgrow(list, Priority.ALWAYS);
        content.setPadding(new Insets(4));
        dialog.getDialogPane().setPrefSize(720, 520);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(text.getString("dialog.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes().get(0)).setId("channelsClose");
        model.refresh().exceptionally(t -> report(failed, t));
        dialog.show();
        Styles.size(dialog, 740, 540);
    }

    private static Void report(Consumer<Throwable> failed, Throwable t) {
        Platform.runLater(() -> failed.accept(t));
        return null;
    }
}
