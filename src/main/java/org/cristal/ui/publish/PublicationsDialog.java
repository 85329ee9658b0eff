package org.cristal.ui.publish;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.cristal.library.OutboxEntry;
import org.cristal.library.OutboxState;
import org.cristal.ui.Styles;
import org.cristal.ui.Text;
import org.cristal.ui.model.Dates;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Where and when one story was published, or why not, with retry and cancel for what has not gone. */
public final class PublicationsDialog {
    private PublicationsDialog() {
    }

    public static void show(Window owner, ResourceBundle text, Locale locale, String storyTitle, String storyId,
            PublicationsModel model, Consumer<String> openLink, Reconnect reconnect, Consumer<Throwable> failed) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Text.format(text, locale, "publications.title", storyTitle));
        dialog.setResizable(true);
        Styles.add(dialog);
        java.time.ZoneId zone = java.time.ZoneId.systemDefault();
        ListView<OutboxEntry> list = new ListView<>(model.entries());
        list.setId("publicationList");
        list.setPlaceholder(new Label(text.getString("publications.none")));
        Consumer<java.util.concurrent.CompletableFuture<Void>> watch = f -> f.exceptionally(t -> {
            Platform.runLater(() -> failed.accept(t));
            return null;
        });
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(OutboxEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(null);
                if (empty || e == null) {
                    setGraphic(null);
                    return;
                }
                Label where = new Label(e.target().isBlank() ? e.account() : e.target(),
                        new FontIcon(CalendarDialog.channelIcon(e.channel())));
                where.getStyleClass().add("field-label");
                Label state = new Label(OutboxStates.name(text, e.state()));
                state.getStyleClass().addAll("calendar-chip", "chip-" + e.state().name().toLowerCase(Locale.ROOT));
                Label when = new Label(Dates.dateTime(e.publishedAt() != null ? e.publishedAt() : e.scheduledAt(),
                        zone, locale));
                when.getStyleClass().add("field-help");
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                HBox top = new HBox(10, where, state, spacer, when);
                top.setAlignment(Pos.CENTER_LEFT);
                VBox box = new VBox(4, top);
                if (e.url() != null && !e.url().isBlank()) {
                    Hyperlink link = new Hyperlink(e.url());
                    link.setOnAction(x -> openLink.accept(e.url()));
                    box.getChildren().add(link);
                }
                String error = e.error() == null ? "" : e.error().getOrDefault(locale.getLanguage(),
                        e.error().getOrDefault("en", ""));
                if (!error.isBlank() && e.state() != OutboxState.SENT) {
                    Label l = new Label(error);
                    l.setWrapText(true);
                    l.getStyleClass().add("field-problem");
                    box.getChildren().add(l);
                }
                HBox actions = new HBox(8);
                if (e.awaitsReconnection()) {
                    Button again = new Button(text.getString("publications.reconnect"), new FontIcon(Feather.LINK));
                    again.setId("reconnect-" + e.id());
                    again.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
                    again.setMinWidth(Region.USE_PREF_SIZE);
                    // Connected again, the post is due now: the list shows it so, then sent.
                    again.setOnAction(x -> reconnect.open(getListView().getScene().getWindow(), e.account(),
                            () -> watch.accept(model.load(storyId))));
                    actions.getChildren().add(again);
                }
                if (e.state() == OutboxState.FAILED || e.state().isPending()) {
                    Button retry = new Button(text.getString("publications.retryNow"), new FontIcon(Feather.SEND));
                    retry.setOnAction(x -> watch.accept(model.retryNow(e)));
                    retry.setMinWidth(Region.USE_PREF_SIZE);
                    actions.getChildren().add(retry);
                }
                if (e.state().isPending() || e.state() == OutboxState.FAILED) {
                    Button cancel = new Button(text.getString("publications.cancel"), new FontIcon(Feather.X));
                    cancel.setOnAction(x -> watch.accept(model.cancel(e)));
                    cancel.setMinWidth(Region.USE_PREF_SIZE);
                    actions.getChildren().add(cancel);
                }
                if (!actions.getChildren().isEmpty()) {
                    box.getChildren().add(actions);
                }
                box.setPadding(new Insets(4));
                setGraphic(box);
            }
        });
        Button refresh = new Button(text.getString("publications.refresh"), new FontIcon(Feather.REFRESH_CW));
        refresh.setOnAction(e -> watch.accept(model.load(storyId)));
        VBox content = new VBox(8, list, refresh);
        VBox.setVgrow(list, Priority.ALWAYS);
        dialog.getDialogPane().setPrefSize(780, 500);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(text.getString("dialog.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes().get(0)).setId("publicationsClose");
        watch.accept(model.load(storyId));
        dialog.show();
        Styles.size(dialog, 800, 520);
    }
}
