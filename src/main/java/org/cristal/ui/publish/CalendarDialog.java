package org.cristal.ui.publish;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.cristal.library.OutboxEntry;
import org.cristal.ui.Icons;
import org.cristal.ui.Styles;
import org.cristal.ui.Text;
import org.cristal.ui.model.Dates;
import org.cristal.ui.publish.CalendarModel.Chip;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * What goes out when: a month or a week of publications, each a chip coloured by its state. A scheduled
 * chip dragged to another day keeps its time of day; in the week view it can change hour too.
 */
public final class CalendarDialog {
    private final ResourceBundle text;
    private final CalendarModel model;
    private final Consumer<Throwable> failed;
    private final Consumer<String> openLink;
    private final Reconnect reconnect;
    private final Locale locale;
    private final GridPane grid = new GridPane();
    private final Label title = new Label();
    private Chip dragged;

    private CalendarDialog(ResourceBundle text, CalendarModel model, Consumer<String> openLink, Reconnect reconnect,
            Consumer<Throwable> failed) {
        this.text = text;
        this.model = model;
        this.failed = failed;
        this.openLink = openLink;
        this.reconnect = reconnect;
        this.locale = model.locale();
    }

    public static void show(Window owner, ResourceBundle text, CalendarModel model, Consumer<String> openLink,
            Reconnect reconnect, Consumer<Throwable> failed) {
        new CalendarDialog(text, model, openLink, reconnect, failed).open(owner);
    }

    private void open(Window owner) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(javafx.stage.Modality.NONE);
        dialog.setTitle(text.getString("calendar.title"));
        dialog.setResizable(true);
        Styles.add(dialog);

        Button previous = Icons.button("calendarPrevious", Feather.CHEVRON_LEFT, text.getString("calendar.previous"));
        previous.setOnAction(e -> move(-1));
        Button next = Icons.button("calendarNext", Feather.CHEVRON_RIGHT, text.getString("calendar.next"));
        next.setOnAction(e -> move(1));
        Button today = new Button(text.getString("calendar.today"));
        today.setId("calendarToday");
        today.setOnAction(e -> {
            model.today(LocalDate.now(model.zone()));
            reload();
        });
        ToggleGroup modes = new ToggleGroup();
        ToggleButton month = new ToggleButton(text.getString("calendar.month"));
        month.setId("calendarMonth");
        ToggleButton week = new ToggleButton(text.getString("calendar.week"));
        week.setId("calendarWeek");
        month.setToggleGroup(modes);
        week.setToggleGroup(modes);
        month.setSelected(true);
        month.setOnAction(e -> {
            month.setSelected(true);
            model.modeProperty().set(CalendarModel.Mode.MONTH);
            reload();
        });
        week.setOnAction(e -> {
            week.setSelected(true);
            model.modeProperty().set(CalendarModel.Mode.WEEK);
            reload();
        });
        title.setId("calendarTitle");
        title.getStyleClass().add("title-3");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label zone = new Label(Text.format(text, locale, "calendar.zone", Dates.zoneName(model.zone(), locale)));
        zone.getStyleClass().add("field-help");
        HBox header = new HBox(8, previous, today, next, title, spacer, zone, month, week);
        header.setAlignment(Pos.CENTER_LEFT);
        Label legend = new Label(text.getString("calendar.legend"));
        legend.getStyleClass().add("field-help");
        legend.setWrapText(true);

        grid.setId("calendarGrid");
        grid.getStyleClass().add("calendar-grid");
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        VBox content = new VBox(8, header, scroll, legend);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        dialog.getDialogPane().setPrefSize(1180, 780);
        legend.setMinHeight(Region.USE_PREF_SIZE);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(text.getString("dialog.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes().get(0)).setId("calendarClose");
        // Left and right move between months (weeks); Home comes back to today.
        dialog.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.PAGE_UP) {
                move(-1);
                e.consume();
            } else if (e.getCode() == KeyCode.RIGHT || e.getCode() == KeyCode.PAGE_DOWN) {
                move(1);
                e.consume();
            } else if (e.getCode() == KeyCode.HOME) {
                today.fire();
                e.consume();
            }
        });
        model.chips().addListener((javafx.collections.ListChangeListener<Chip>) c -> draw());
        reload();
        dialog.show();
        Styles.size(dialog, 1200, 800);
    }

    private void move(int periods) {
        model.move(periods);
        reload();
    }

    private void reload() {
        title.setText(model.title());
        draw();
        model.load().exceptionally(t -> {
            Platform.runLater(() -> failed.accept(t));
            return null;
        });
    }

    private void draw() {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        boolean weekView = model.modeProperty().get() == CalendarModel.Mode.WEEK;
        int first = weekView ? 1 : 0;
        if (weekView) {
            ColumnConstraints hours = new ColumnConstraints(52);
            grid.getColumnConstraints().add(hours);
        }
        for (int i = 0; i < 7; i++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(weekView ? 13.5 : 100.0 / 7);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        List<String> names = model.weekdayNames();
        List<LocalDate> days = model.days();
        for (int i = 0; i < 7; i++) {
            String head = weekView ? names.get(i) + " " + days.get(i).getDayOfMonth() : names.get(i);
            Label l = new Label(head);
            l.getStyleClass().add("calendar-head");
            l.setMaxWidth(Double.MAX_VALUE);
            grid.add(l, first + i, 0);
        }
        LocalDate today = LocalDate.now(model.zone());
        if (!weekView) {
            int weeks = days.size() / 7;
            for (int w = 0; w < weeks; w++) {
                RowConstraints rc = new RowConstraints(96, 110, Double.MAX_VALUE);
                rc.setVgrow(Priority.ALWAYS);
                grid.getRowConstraints().add(rc);
            }
            grid.getRowConstraints().add(0, new RowConstraints());
            for (int i = 0; i < days.size(); i++) {
                LocalDate day = days.get(i);
                Label number = new Label(String.valueOf(day.getDayOfMonth()));
                number.getStyleClass().add("calendar-day-number");
                VBox cell = new VBox(3, number);
                cell.setId("day-" + day);
                cell.getStyleClass().add("calendar-day");
                if (day.getMonth() != model.anchorProperty().get().getMonth()) {
                    cell.getStyleClass().add("calendar-other-month");
                }
                if (day.equals(today)) {
                    cell.getStyleClass().add("calendar-today");
                }
                for (Chip chip : model.on(day)) {
                    cell.getChildren().add(chip(chip));
                }
                dropTarget(cell, day, null);
                grid.add(cell, i % 7, 1 + i / 7);
            }
        } else {
            for (int h = 0; h < 24; h++) {
                Label hour = new Label(String.format(locale, "%02d:00", h));
                hour.getStyleClass().add("field-help");
                grid.add(hour, 0, 1 + h);
                for (int i = 0; i < 7; i++) {
                    LocalDate day = days.get(i);
                    VBox slot = new VBox(2);
                    slot.setId("slot-" + day + "-" + h);
                    slot.getStyleClass().add("calendar-slot");
                    slot.setMinHeight(30);
                    int hh = h;
                    for (Chip chip : model.on(day)) {
                        if (chip.local().getHour() == hh) {
                            slot.getChildren().add(chip(chip));
                        }
                    }
                    dropTarget(slot, day, h);
                    grid.add(slot, first + i, 1 + h);
                }
            }
        }
    }

    private Node chip(Chip chip) {
        OutboxEntry e = chip.entry();
        // The state's icon first: a retrying or failed publication must not pass for a scheduled one.
        // The plugin's own icon tells a Facebook Page from a Google listing; the channel's when it is gone.
        FontIcon where = model.plugin(e).map(PluginIcons::of).orElseGet(() -> new FontIcon(channelIcon(e.channel())));
        where.setId("chipIcon-" + e.id());
        HBox icons = new HBox(2, EntryDetails.stateIcon(e.state()), where);
        Label l = new Label(Dates.time(e.publishedAt() != null ? e.publishedAt() : e.scheduledAt(), model.zone(),
                locale) + " " + chip.title(), icons);
        l.setId("chip-" + e.id());
        l.getStyleClass().addAll("calendar-chip", "chip-" + e.state().name().toLowerCase(Locale.ROOT));
        l.setMaxWidth(Double.MAX_VALUE);
        String state = OutboxStates.name(text, e.state());
        StringBuilder tip = new StringBuilder(chip.title()).append('\n').append(e.target().isBlank() ? e.account()
                : e.target()).append(" — ").append(state).append('\n')
                .append(Dates.dateTime(e.publishedAt() != null ? e.publishedAt() : e.scheduledAt(), model.zone(),
                        locale));
        String error = e.error() == null ? "" : e.error().getOrDefault(locale.getLanguage(),
                e.error().getOrDefault("en", ""));
        if (!error.isBlank()) {
            tip.append('\n').append(error);
        }
        tip.append('\n').append(text.getString("calendar.detailsHint"));
        l.setFocusTraversable(true);
        l.setOnMouseClicked(ev -> {
            if (ev.isStillSincePress()) {
                details(l, chip);
            }
        });
        l.setOnKeyPressed(ev -> {
            if (ev.getCode() == KeyCode.ENTER || ev.getCode() == KeyCode.SPACE) {
                details(l, chip);
                ev.consume();
            }
        });
        if (chip.movable()) {
            tip.append('\n').append(text.getString("calendar.dragHint"));
            l.setOnDragDetected(ev -> {
                dragged = chip;
                l.startFullDrag();
                ev.consume();
            });
            l.setCursor(javafx.scene.Cursor.HAND);
        }
        l.setTooltip(new Tooltip(tip.toString()));
        l.setAccessibleText(tip.toString());
        return l;
    }

    private void details(Node from, Chip chip) {
        EntryDetails.show(from.getScene().getWindow(), text, model, chip, openLink, reconnect, failed);
    }

    private void dropTarget(VBox target, LocalDate day, Integer hour) {
        target.setOnMouseDragEntered(e -> {
            if (dragged != null) {
                target.getStyleClass().add("calendar-drop");
            }
        });
        target.setOnMouseDragExited(e -> target.getStyleClass().remove("calendar-drop"));
        target.setOnMouseDragReleased(e -> {
            target.getStyleClass().remove("calendar-drop");
            Chip chip = dragged;
            dragged = null;
            if (chip == null) {
                return;
            }
            model.drop(chip, day, hour).whenComplete((moved, t) -> {
                if (t != null) {
                    Platform.runLater(() -> failed.accept(t));
                }
            });
        });
    }

    static Feather channelIcon(String channel) {
        // An entry for a plugin of several renditions names them all ("email,web"): the first decides.
        String first = channel == null ? "" : channel.split(",")[0].strip();
        return switch (first) {
            case "social" -> Feather.MESSAGE_CIRCLE;
            case "email" -> Feather.MAIL;
            case "brochure" -> Feather.BOOK_OPEN;
            default -> Feather.GLOBE;
        };
    }
}
