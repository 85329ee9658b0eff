package org.cristal.ui.publish;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.cristal.library.ChannelAccount;
import org.cristal.publish.oauth.Browser;
import org.cristal.publish.spi.Connected;
import org.cristal.ui.Styles;
import org.cristal.ui.Text;
import org.cristal.ui.help.BuildInfo;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The account form's Connect part: the app id explained once, the Connect button with its wait and Cancel,
 * the place question, "Connected as …" and Disconnect.
 */
final class ConnectBox {
    private static final String DOCS = "https://github.com/cristal-studio/cristal/blob/main/docs/publishing.md";

    private ConnectBox() {
    }

    /** The collapsible "you need your own app id" box, or null when the plugin wants none. */
    static Node appIdBox(ResourceBundle text, AccountFormModel form, Consumer<String> links) {
        return form.appIdHelp().map(help -> {
            Label where = new Label(help.howTo());
            where.setId("appIdHowTo");
            where.setWrapText(true);
            where.setMinHeight(Region.USE_PREF_SIZE);
            Label once = new Label(text.getString("channels.connect.appIdOnce"));
            once.setWrapText(true);
            once.getStyleClass().add("field-help");
            Hyperlink guide = new Hyperlink(text.getString("channels.connect.appIdGuide"));
            guide.setId("appIdGuide");
            guide.setOnAction(e -> links.accept(guideAddress(form.plugin().id())));
            TitledPane box = new TitledPane(help.title(), new VBox(6, where, once, guide));
            box.setId("appIdBox");
            // Open while it is news; once connected it has done its work and folds away (still there to read).
            box.setExpanded(!form.connectedProperty().get());
            form.connectedProperty().addListener((o, a, b) -> box.setExpanded(!b));
            return (Node) box;
        }).orElse(null);
    }

    /** Connect, Cancel and Disconnect (beside "Test the connection"), and the line saying how it went. */
    record Parts(List<Node> buttons, Node status) {
    }

    static Parts buttons(Window owner, ResourceBundle text, Locale locale, AccountFormModel form,
            Consumer<String> links, Consumer<ChannelAccount> saved) {
        Button connect = new Button(text.getString("channels.connect"), new FontIcon(Feather.LOG_IN));
        connect.setId("connectAccount");
        connect.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        connect.setMinWidth(Region.USE_PREF_SIZE);
        connect.disableProperty().bind(form.connectingProperty());
        Button cancel = new Button(text.getString("dialog.cancel"));
        cancel.setId("cancelConnect");
        show(cancel, form.connectingProperty());
        cancel.setOnAction(e -> form.cancelConnect());
        Button disconnect = new Button(text.getString("channels.connect.disconnect"), new FontIcon(Feather.LOG_OUT));
        disconnect.setId("disconnectAccount");
        disconnect.setMinWidth(Region.USE_PREF_SIZE);
        show(disconnect, form.connectedProperty().and(form.connectingProperty().not()));
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        show(spinner, form.connectingProperty());
        Label status = new Label();
        status.setId("connectStatus");
        status.setWrapText(true);
        status.textProperty().bind(form.connectStatusProperty());
        form.connectFailedProperty().addListener((o, a, b) -> status.getStyleClass().setAll("label",
                b ? "field-problem" : "test-ok"));

        // The system browser (RFC 8252): the app's HostServices, on the FX thread it wants.
        Browser browser = uri -> Platform.runLater(() -> links.accept(uri.toString()));
        connect.setOnAction(e -> form.connect(browser, (who, places) -> choosePlace(owner, text, locale, who, places))
                .thenRun(() -> {
                    if (form.account() != null) {
                        saved.accept(form.account());
                    }
                }));
        disconnect.setOnAction(e -> {
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION);
            ask.initOwner(owner);
            Styles.add(ask);
            ask.setHeaderText(Text.format(text, locale, "channels.connect.disconnectQuestion",
                    form.nameProperty().get()));
            ask.setContentText(text.getString("channels.connect.disconnectExplain"));
            ButtonType yes = new ButtonType(text.getString("channels.connect.disconnect"),
                    ButtonBar.ButtonData.OK_DONE);
            ask.getButtonTypes().setAll(yes, new ButtonType(text.getString("dialog.cancel"),
                    ButtonBar.ButtonData.CANCEL_CLOSE));
            ask.getDialogPane().lookupButton(yes).setId("confirmDisconnect");
            ask.showAndWait().filter(b -> b == yes).ifPresent(b -> form.disconnect());
        });
        HBox line = new HBox(8, spinner, status);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(status, Priority.ALWAYS);
        line.managedProperty().bind(status.textProperty().isNotEmpty());
        line.visibleProperty().bind(status.textProperty().isNotEmpty());
        return new Parts(List.of(connect, cancel, disconnect), line);
    }

    /** Asks where to post, without blocking: the answer completes when the dialog closes. */
    static CompletableFuture<Optional<Connected.Target>> choosePlace(Window owner, ResourceBundle text, Locale locale,
            String who, List<Connected.Target> places) {
        CompletableFuture<Optional<Connected.Target>> answer = new CompletableFuture<>();
        Dialog<Connected.Target> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.getString("channels.connect.chooseTitle"));
        dialog.setHeaderText(Text.format(text, locale, "channels.connect.chooseHeader", who));
        Styles.add(dialog);
        ListView<Connected.Target> list = new ListView<>();
        list.setId("placeList");
        list.getItems().setAll(places);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Connected.Target t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.name());
            }
        });
        list.getSelectionModel().selectFirst();
        list.setPrefHeight(Math.min(320, 40 + 32 * places.size()));
        dialog.getDialogPane().setContent(list);
        ButtonType ok = new ButtonType(text.getString("channels.connect.chooseOk"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, new ButtonType(text.getString("dialog.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().lookupButton(ok).setId("choosePlace");
        dialog.getDialogPane().lookupButton(ok).disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        dialog.setResultConverter(b -> b == ok ? list.getSelectionModel().getSelectedItem() : null);
        dialog.setOnHidden(e -> answer.complete(Optional.ofNullable(dialog.getResult())));
        dialog.show();
        return answer;
    }

    /** The section of the publishing guide about this service, on the project's site. */
    static String guideAddress(String pluginId) {
        String id = pluginId.toLowerCase(Locale.ROOT);
        String section = id.contains("facebook") ? "facebook-page"
                : id.contains("instagram") ? "instagram-professional-account"
                : id.contains("linkedin") ? "linkedin"
                : id.contains("google") ? "google-business-profile"
                : id.contains("mastodon") || id.equals("x") ? "mastodon-and-x"
                : "services-you-connect-with-a-button";
        String issues = BuildInfo.current().issues();
        String base = issues.endsWith("/issues") ? issues.substring(0, issues.length() - "/issues".length())
                + "/blob/main/docs/publishing.md" : DOCS;
        return URI.create(base + "#" + section).toString();
    }

    private static void show(Node node, javafx.beans.value.ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }
}
