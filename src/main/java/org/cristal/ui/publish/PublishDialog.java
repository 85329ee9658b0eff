package org.cristal.ui.publish;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.cristal.publish.ChecklistItem;
import org.cristal.ui.Styles;
import org.cristal.ui.Text;
import org.cristal.ui.model.Dates;
import org.cristal.ui.publish.PublishModel.Row;
import org.cristal.ui.publish.PublishModel.RowState;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** "Publish everywhere": one row per enabled account, what is ready, when each goes, then the outcome of each. */
public final class PublishDialog {
    private PublishDialog() {
    }

    public static void show(Window owner, ResourceBundle text, Locale locale, String storyTitle, String storyId,
            PublishModel model, Consumer<String> openLink, Runnable openChannels, Consumer<Throwable> failed) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Text.format(text, locale, "publish.title", storyTitle));
        dialog.setResizable(true);
        Styles.add(dialog);

        VBox rows = new VBox(0);
        rows.setId("publishRows");
        Label intro = new Label(Text.format(text, locale, "publish.intro", storyTitle,
                Dates.zoneName(model.zone(), locale)));
        intro.setWrapText(true);
        intro.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label empty = new Label(text.getString("publish.noAccounts"));
        empty.setWrapText(true);
        Hyperlink channels = new Hyperlink(text.getString("publish.openChannels"));
        channels.setOnAction(e -> {
            dialog.close();
            openChannels.run();
        });
        VBox none = new VBox(6, empty, channels);
        none.visibleProperty().bind(model.loadedProperty().and(javafx.beans.binding.Bindings.isEmpty(model.rows())));
        none.managedProperty().bind(none.visibleProperty());
        model.rows().addListener((javafx.collections.ListChangeListener<Row>) c -> {
            rows.getChildren().clear();
            for (Row r : model.rows()) {
                rows.getChildren().add(row(r, text, locale, model, openLink));
            }
        });
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        Label checking = new Label(text.getString("publish.checking"));
        checking.setGraphic(new javafx.scene.control.ProgressIndicator());
        ((javafx.scene.control.ProgressIndicator) checking.getGraphic()).setPrefSize(18, 18);
        checking.visibleProperty().bind(model.loadedProperty().not());
        checking.managedProperty().bind(checking.visibleProperty());
        VBox content = new VBox(10, intro, checking, none, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        dialog.getDialogPane().setPrefSize(860, 600);
        content.setPadding(new Insets(4));
        dialog.getDialogPane().setContent(content);

        ButtonType publish = new ButtonType(text.getString("publish.go"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(text.getString("publish.cancel"), ButtonBar.ButtonData.OTHER);
        ButtonType close = new ButtonType(text.getString("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(publish, cancel, close);
        Button go = (Button) dialog.getDialogPane().lookupButton(publish);
        go.setId("publishGo");
        go.setGraphic(new FontIcon(Feather.SEND));
        Button stop = (Button) dialog.getDialogPane().lookupButton(cancel);
        stop.setId("publishCancel");
        dialog.getDialogPane().lookupButton(close).setId("publishClose");
        stop.visibleProperty().bind(model.busyProperty());
        javafx.beans.property.BooleanProperty done = new javafx.beans.property.SimpleBooleanProperty();
        go.disableProperty().bind(model.busyProperty().or(model.loadedProperty().not()).or(done)
                .or(javafx.beans.binding.Bindings.createBooleanBinding(() -> model.ticked().isEmpty(), model.rows(),
                        ticks(model))));
        go.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            done.set(true);
            model.publish().whenComplete((v, t) -> {
                if (t != null) {
                    Platform.runLater(() -> failed.accept(t));
                }
            });
        });
        stop.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            model.cancel();
        });
        model.load(storyId).exceptionally(t -> {
            Platform.runLater(() -> failed.accept(t));
            return null;
        });
        dialog.show();
        Styles.size(dialog, 880, 640);
    }

    /** Fires when any row is ticked or unticked, so the Publish button follows. */
    private static javafx.beans.Observable ticks(PublishModel model) {
        javafx.beans.property.IntegerProperty version = new javafx.beans.property.SimpleIntegerProperty();
        model.rows().addListener((javafx.collections.ListChangeListener<Row>) c -> {
            for (Row r : model.rows()) {
                r.includedProperty().addListener((o, a, b) -> version.set(version.get() + 1));
            }
            version.set(version.get() + 1);
        });
        return version;
    }

    private static VBox row(Row r, ResourceBundle text, Locale locale, PublishModel model, Consumer<String> openLink) {
        ChecklistItem item = r.item();
        String id = item.account().id();
        CheckBox include = new CheckBox();
        include.setId("include-" + id);
        include.selectedProperty().bindBidirectional(r.includedProperty());
        include.setDisable(!r.canTick());
        Label name = new Label(item.account().name());
        name.getStyleClass().add("field-label");
        name.setGraphic(PluginIcons.of(item.plugin()));
        Label status = new Label(switch (item.status()) {
            case READY -> "✓ " + text.getString("publish.ready");
            case WARNED -> "⚠ " + text.getString("publish.warned");
            case BLOCKED -> "✗ " + text.getString("publish.blocked");
        });
        status.setId("status-" + id);
        status.getStyleClass().add("publish-" + item.status().name().toLowerCase(Locale.ROOT));

        ToggleGroup when = new ToggleGroup();
        RadioButton now = new RadioButton(text.getString("publish.now"));
        now.setId("now-" + id);
        RadioButton later = new RadioButton(text.getString("publish.later"));
        later.setId("later-" + id);
        now.setToggleGroup(when);
        later.setToggleGroup(when);
        (r.nowProperty().get() ? now : later).setSelected(true);
        now.selectedProperty().addListener((o, a, b) -> r.nowProperty().set(b));
        DatePicker date = new DatePicker(r.dateProperty().get());
        date.setId("date-" + id);
        date.setPrefWidth(150);
        date.valueProperty().bindBidirectional(r.dateProperty());
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        TextField time = new TextField(hhmm.format(r.timeProperty().get()));
        time.setId("time-" + id);
        time.setPrefColumnCount(4);
        time.textProperty().addListener((o, a, b) -> {
            try {
                r.timeProperty().set(LocalTime.parse(b.strip(), hhmm));
                time.getStyleClass().remove("field-invalid");
            } catch (DateTimeParseException ex) {
                if (!time.getStyleClass().contains("field-invalid")) {
                    time.getStyleClass().add("field-invalid");
                }
            }
        });
        Label zone = new Label(Dates.zoneName(model.zone(), locale));
        zone.getStyleClass().add("field-help");
        date.disableProperty().bind(now.selectedProperty());
        time.disableProperty().bind(now.selectedProperty());
        HBox whenBox = new HBox(6, now, later, date, time, zone);
        whenBox.setAlignment(Pos.CENTER_LEFT);
        whenBox.setDisable(!r.canTick());

        HBox top = new HBox(10, include, name, status);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, top, whenBox);
        VBox.setMargin(whenBox, new Insets(0, 0, 0, 28));
        r.reach().ifPresent(line -> {
            // A newsletter's reach: how many get it, how many are left out and why.
            Label reach = new Label(line);
            reach.setId("reach-" + id);
            reach.setWrapText(true);
            reach.getStyleClass().add("field-help");
            // Who it goes to: everyone who agreed, or a saved segment; the reach is counted again on change.
            ComboBox<String> to = new ComboBox<>();
            to.setId("segment-" + id);
            to.getItems().add("");
            to.getItems().addAll(model.segments());
            to.setValue(model.segmentProperty().get());
            to.setConverter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(String s) {
                    return s == null || s.isEmpty() ? text.getString("publish.segment.everyone") : s;
                }

                @Override
                public String fromString(String s) {
                    return s;
                }
            });
            to.valueProperty().addListener((o, a, b) -> {
                model.segmentProperty().set(b == null ? "" : b);
                model.reload();
            });
            Label toLabel = new Label(text.getString("publish.segment.label"));
            toLabel.setLabelFor(to);
            HBox toBox = new HBox(6, toLabel, to);
            toBox.setAlignment(Pos.CENTER_LEFT);
            toBox.setDisable(!r.canTick() && model.segmentProperty().get().isEmpty() && model.segments().isEmpty());
            VBox.setMargin(toBox, new Insets(0, 0, 0, 28));
            VBox.setMargin(reach, new Insets(0, 0, 0, 28));
            box.getChildren().add(1, toBox);
            box.getChildren().add(2, reach);
            if (!model.testable().isEmpty()) {
                VBox test = abTestChoice(id, text, locale, model);
                test.setDisable(!r.canTick());
                VBox.setMargin(test, new Insets(0, 0, 0, 28));
                box.getChildren().add(3, test);
            }
        });
        box.getStyleClass().add("publish-row");
        box.setPadding(new Insets(8));
        for (String note : r.notes()) {
            Label n = new Label("• " + note);
            n.setWrapText(true);
            n.getStyleClass().add(item.status() == ChecklistItem.Status.BLOCKED ? "field-problem" : "field-help");
            VBox.setMargin(n, new Insets(0, 0, 0, 28));
            box.getChildren().add(n);
        }
        java.util.List<String> findings = r.findings(locale);
        if (!findings.isEmpty()) {
            // The findings panel of the studio lists them too; here they stay folded until asked for.
            VBox list = new VBox(2);
            for (String f : findings) {
                Label l = new Label("• " + f);
                l.setWrapText(true);
                l.getStyleClass().add("field-help");
                list.getChildren().add(l);
            }
            javafx.scene.control.TitledPane more = new javafx.scene.control.TitledPane(
                    Text.format(text, locale, "publish.findings", findings.size()), list);
            more.setExpanded(false);
            more.setAnimated(false);
            more.getStyleClass().add("flat");
            VBox.setMargin(more, new Insets(0, 0, 0, 28));
            box.getChildren().add(more);
        }

        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(r.progressProperty());
        progress.setPrefWidth(140);
        progress.visibleProperty().bind(r.stateProperty().isEqualTo(RowState.SENDING));
        progress.managedProperty().bind(progress.visibleProperty());
        Label message = new Label();
        message.setId("rowState-" + id);
        message.setWrapText(true);
        message.textProperty().bind(r.messageProperty());
        r.stateProperty().addListener((o, a, b) -> message.getStyleClass().setAll("label",
                b == RowState.FAILED ? "field-problem" : b == RowState.PUBLISHED ? "test-ok" : "field-help"));
        Hyperlink link = new Hyperlink();
        link.setId("link-" + id);
        link.textProperty().bind(r.urlProperty());
        link.setOnAction(e -> openLink.accept(r.urlProperty().get()));
        Button copy = new Button(null, new FontIcon(Feather.COPY));
        copy.setTooltip(new Tooltip(text.getString("publish.copyLink")));
        copy.setAccessibleText(text.getString("publish.copyLink"));
        copy.getStyleClass().addAll("button-icon", "flat");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(r.urlProperty().get());
            Clipboard.getSystemClipboard().setContent(c);
        });
        for (javafx.scene.Node n : new javafx.scene.Node[] {link, copy}) {
            n.visibleProperty().bind(r.urlProperty().isNotEmpty());
            n.managedProperty().bind(n.visibleProperty());
        }
        Button retry = new Button(text.getString("publish.retry"), new FontIcon(Feather.ROTATE_CW));
        retry.setId("retry-" + id);
        // A long error beside it wraps; the button keeps its whole label (it was cut to "⟳ …").
        retry.setMinWidth(Region.USE_PREF_SIZE);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(message, Priority.ALWAYS);
        retry.visibleProperty().bind(r.stateProperty().isEqualTo(RowState.FAILED));
        retry.managedProperty().bind(retry.visibleProperty());
        retry.disableProperty().bind(model.busyProperty());
        retry.setOnAction(e -> model.retry(r));
        Label note = new Label();
        note.setId("rowNote-" + id);
        note.setWrapText(true);
        note.getStyleClass().add("field-help");
        note.textProperty().bind(r.noteProperty());
        note.visibleProperty().bind(r.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        VBox.setMargin(note, new Insets(0, 0, 0, 28));
        box.getChildren().add(note);
        HBox outcome = new HBox(8, progress, message, link, copy, retry);
        outcome.setAlignment(Pos.CENTER_LEFT);
        VBox.setMargin(outcome, new Insets(0, 0, 0, 28));
        outcome.visibleProperty().bind(r.stateProperty().isNotNull());
        outcome.managedProperty().bind(outcome.visibleProperty());
        box.getChildren().add(outcome);
        return box;
    }

    /** For a story with variants: send the newsletter as an A/B test of one element, or as written to all. */
    private static VBox abTestChoice(String id, ResourceBundle text, Locale locale, PublishModel model) {
        ComboBox<String> choice = new ComboBox<>();
        choice.setId("abtest-" + id);
        choice.getItems().add("");
        choice.getItems().addAll(model.testable());
        choice.setValue(model.abTestProperty().get());
        choice.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null || s.isEmpty() ? text.getString("publish.abtest.none")
                        : Text.format(text, locale, "publish.abtest.of", elementName(text, s));
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        choice.valueProperty().addListener((o, a, b) -> model.abTestProperty().set(b == null ? "" : b));
        Label label = new Label(text.getString("publish.abtest.label"));
        label.setLabelFor(choice);
        HBox box = new HBox(6, label, choice);
        box.setAlignment(Pos.CENTER_LEFT);
        VBox plan = abTestPlan(id, text, model);
        plan.visibleProperty().bind(model.abTestProperty().isNotEmpty());
        plan.managedProperty().bind(plan.visibleProperty());
        return new VBox(6, box, plan);
    }

    /**
     * The test's plan, under the choice: the usual rate and the change worth knowing, and at once what that
     * needs and what this newsletter's reach can detect, with the warning when it cannot reach its size.
     */
    private static VBox abTestPlan(String id, ResourceBundle text, PublishModel model) {
        org.cristal.ui.abtest.PlannerModel p = model.planner();
        javafx.scene.control.TextField baseline = new javafx.scene.control.TextField();
        baseline.setId("abtestBaseline-" + id);
        baseline.setPrefColumnCount(4);
        baseline.textProperty().bindBidirectional(p.baselineProperty());
        javafx.scene.control.TextField effect = new javafx.scene.control.TextField();
        effect.setId("abtestEffect-" + id);
        effect.setPrefColumnCount(4);
        effect.textProperty().bindBidirectional(p.effectProperty());
        Label baselineLabel = new Label(text.getString("publish.abtest.baseline"));
        baselineLabel.setLabelFor(baseline);
        Label effectLabel = new Label(text.getString("publish.abtest.effect"));
        effectLabel.setLabelFor(effect);
        HBox fields = new HBox(6, baselineLabel, baseline, effectLabel, effect);
        fields.setAlignment(Pos.CENTER_LEFT);
        VBox out = new VBox(4, fields);
        for (javafx.beans.property.ReadOnlyStringProperty line : java.util.List.of(p.neededProperty(), p.reachProperty(),
                p.warningProperty(), p.problemProperty())) {
            Label l = new Label();
            l.textProperty().bind(line);
            l.setWrapText(true);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            l.managedProperty().bind(line.isNotEmpty());
            l.visibleProperty().bind(line.isNotEmpty());
            l.getStyleClass().add(line == p.warningProperty() || line == p.problemProperty() ? "field-problem"
                    : "field-help");
            if (line == p.warningProperty()) {
                l.setId("abtestWarning-" + id);
            }
            out.getChildren().add(l);
        }
        return out;
    }

    private static String elementName(ResourceBundle text, String element) {
        return switch (element) {
            case "subject" -> text.getString("preview.variants.subject");
            case "title" -> text.getString("preview.variants.title");
            case "cta" -> text.getString("preview.variants.cta");
            default -> text.getString("preview.variants.lead");
        };
    }
}
