package org.cristal.ui.preview;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.cristal.story.Channel;
import org.cristal.story.Finding;
import org.cristal.story.Severity;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Every rendition's findings in one list; choosing one jumps to its line in the story. */
public final class FindingsView extends VBox {
    private final ResourceBundle text;
    private final Locale locale;
    private final ListView<Finding> list = new ListView<>();
    private final Label summary = new Label();
    private Consumer<Finding> onOpen = f -> { };

    public FindingsView(ResourceBundle text, Locale locale) {
        this.text = text;
        this.locale = locale;
        setId("findings");
        setSpacing(4);
        setPadding(new Insets(4, 6, 4, 6));
        summary.setId("findingsSummary");
        summary.getStyleClass().add("findings-summary");
        list.setId("findingsList");
        list.setPlaceholder(new Label(text.getString("findings.none")));
        list.setCellFactory(v -> new FindingCell());
        list.setOnMouseClicked(e -> open());
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(summary, list);
        show(List.of());
    }

    public void setOnOpen(Consumer<Finding> action) {
        onOpen = action;
    }

    public void show(List<Finding> findings) {
        list.getItems().setAll(findings);
        long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        long notes = findings.size() - errors - warnings;
        summary.setText(new MessageFormat(text.getString("findings.summary"), locale)
                .format(new Object[] {errors, warnings, notes}));
    }

    private void open() {
        Finding f = list.getSelectionModel().getSelectedItem();
        if (f != null) {
            onOpen.accept(f);
        }
    }

    private String channel(Channel c) {
        return switch (c) {
            case WEB -> text.getString("channel.web");
            case EMAIL -> text.getString("channel.email");
            case SOCIAL -> text.getString("channel.social");
            case BROCHURE -> text.getString("channel.brochure");
        };
    }

    private final class FindingCell extends ListCell<Finding> {
        @Override
        protected void updateItem(Finding f, boolean empty) {
            super.updateItem(f, empty);
            if (empty || f == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            FontIcon icon = new FontIcon(switch (f.severity()) {
                case ERROR -> Feather.X_OCTAGON;
                case WARNING -> Feather.ALERT_TRIANGLE;
                default -> Feather.INFO;
            });
            icon.getStyleClass().add("severity-" + f.severity().name().toLowerCase(Locale.ROOT));
            Label where = new Label(f.hasLine() ? channel(f.channel()) + " · " + new MessageFormat(
                    text.getString("findings.line"), locale).format(new Object[] {f.line()}) : channel(f.channel()));
            where.getStyleClass().add("finding-where");
            Label message = new Label(f.message(locale));
            message.setWrapText(true);
            HBox.setHgrow(message, Priority.ALWAYS);
            HBox row = new HBox(8, icon, message, where);
            row.setMaxWidth(Double.MAX_VALUE);
            message.setMaxWidth(Double.MAX_VALUE);
            setText(null);
            setGraphic(row);
        }
    }
}
