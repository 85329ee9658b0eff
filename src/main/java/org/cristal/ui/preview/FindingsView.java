package org.cristal.ui.preview;

import atlantafx.base.theme.Styles;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.cristal.story.Channel;
import org.cristal.story.Finding;
import org.cristal.story.Severity;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * What the renderers found, errors first: severity, channel, the message in the reader's language and
 * the story line. A click or Enter on one hands it to {@link #setOnOpen} (the studio jumps to the line).
 */
public final class FindingsView extends VBox {
    private final ResourceBundle text;
    private final Locale locale;
    private final Label summary = new Label();
    private final ListView<Finding> list = new ListView<>();
    private Consumer<Finding> onOpen = f -> { };
    private ToIntFunction<Finding> editorLine = Finding::line;

    public FindingsView(ResourceBundle text, Locale locale) {
        this.text = text;
        this.locale = locale;
        setId("findingsView");
        getStyleClass().add("findings-view");
        getStylesheets().add(Objects.requireNonNull(FindingsView.class.getResource("preview.css")).toExternalForm());
        summary.setId("findingsSummary");
        summary.getStyleClass().addAll("findings-summary", Styles.TEXT_BOLD);
        list.setId("findingsList");
        list.getStyleClass().add(Styles.DENSE);
        Label empty = new Label(Widgets.format(text, locale, "findings.empty"));
        empty.setId("findingsEmpty");
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.setWrapText(true);
        list.setPlaceholder(empty);
        list.setCellFactory(v -> new FindingCell());
        list.setOnKeyPressed(e -> {
            Finding selected = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null) {
                onOpen.accept(selected);
                e.consume();
            }
        });
        setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(summary, list);
        show(List.of());
    }

    public void show(List<Finding> findings) {
        List<Finding> sorted = findings.stream()
                .sorted(Comparator.comparing(Finding::severity).reversed()).toList();
        list.getItems().setAll(sorted);
        summary.setText(Widgets.format(text, locale, "findings.summary", count(findings, Severity.ERROR),
                count(findings, Severity.WARNING), count(findings, Severity.INFO)));
    }

    private static long count(List<Finding> findings, Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /**
     * The line to show for a finding, as the editor numbers it (0: none). Findings count the lines of
     * the story file; the editor shows the body without the front matter, so "line 11" of the file
     * can be the editor's first line.
     */
    public void setEditorLine(ToIntFunction<Finding> line) {
        editorLine = line == null ? Finding::line : line;
        list.refresh();
    }

    /** Called with the finding the user opens (click or Enter). */
    public void setOnOpen(Consumer<Finding> action) {
        onOpen = action == null ? f -> { } : action;
    }

    private String channelName(Channel channel) {
        if (channel == null) {
            // Content checks and the parser speak about the story itself, not one channel.
            return Widgets.format(text, locale, "findings.story");
        }
        return switch (channel) {
            case WEB -> Widgets.format(text, locale, "preview.web.title");
            case EMAIL -> Widgets.format(text, locale, "preview.email.title");
            case SOCIAL -> Widgets.format(text, locale, "preview.social.title");
            case BROCHURE -> Widgets.format(text, locale, "preview.brochure.title");
        };
    }

    private FontIcon icon(Severity severity) {
        FontIcon icon = switch (severity) {
            case ERROR -> new FontIcon(Feather.X_CIRCLE);
            case WARNING -> new FontIcon(Feather.ALERT_TRIANGLE);
            case INFO -> new FontIcon(Feather.INFO);
        };
        icon.getStyleClass().add(switch (severity) {
            case ERROR -> Styles.DANGER;
            case WARNING -> Styles.WARNING;
            case INFO -> Styles.ACCENT;
        });
        return icon;
    }

    private String severityName(Severity severity) {
        return switch (severity) {
            case ERROR -> Widgets.format(text, locale, "findings.severity.error");
            case WARNING -> Widgets.format(text, locale, "findings.severity.warning");
            case INFO -> Widgets.format(text, locale, "findings.severity.info");
        };
    }

    private final class FindingCell extends ListCell<Finding> {
        FindingCell() {
            getStyleClass().add("finding-cell");
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && !isEmpty() && getItem() != null) {
                    onOpen.accept(getItem());
                }
            });
        }

        @Override
        protected void updateItem(Finding finding, boolean empty) {
            super.updateItem(finding, empty);
            if (empty || finding == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                setAccessibleText(null);
                return;
            }
            String message = finding.message(locale);
            Label body = new Label(message);
            body.setWrapText(true);
            body.getStyleClass().add("finding-message");
            // Wrap inside the list's width (less icon, gaps and scroll bar) instead of widening the cell.
            body.prefWidthProperty().bind(list.widthProperty().subtract(64));
            body.setMinHeight(Region.USE_PREF_SIZE);
            int line = Math.max(0, editorLine.applyAsInt(finding));
            Label where = new Label(line > 0
                    ? Widgets.format(text, locale, "findings.where", channelName(finding.channel()), line)
                    : channelName(finding.channel()));
            where.setId("findingWhere");
            where.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            VBox lines = new VBox(2, body, where);
            lines.setMinWidth(0);
            HBox.setHgrow(lines, Priority.ALWAYS);
            FontIcon icon = icon(finding.severity());
            HBox row = new HBox(8, icon, lines);
            row.setAlignment(Pos.TOP_LEFT);
            row.setMinWidth(0);
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            setText(null);
            setGraphic(row);
            setAccessibleText(Widgets.format(text, locale, "findings.item", severityName(finding.severity()), message));
            setTooltip(line > 0 ? Widgets.tooltip(Widgets.format(text, locale, "findings.open", line)) : null);
        }
    }
}
