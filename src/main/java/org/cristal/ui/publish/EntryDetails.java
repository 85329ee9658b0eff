package org.cristal.ui.publish;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.cristal.library.OutboxEntry;
import org.cristal.library.OutboxState;
import org.cristal.ui.Styles;
import org.cristal.ui.Text;
import org.cristal.ui.model.Dates;
import org.cristal.ui.publish.CalendarModel.Chip;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One publication of the calendar: where, when, how it stands and why, with Send now, Cancel and Try again,
 * and Reconnect… when it waits for its account to be connected again.
 */
final class EntryDetails {
    private EntryDetails() {
    }

    static void show(Window owner, ResourceBundle text, CalendarModel model, Chip chip, Consumer<String> openLink,
            Reconnect reconnect, Consumer<Throwable> failed) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.getString("calendar.details.title"));
        Styles.add(dialog);
        dialog.getDialogPane().setContent(content(dialog, text, model, chip, openLink, reconnect, failed));
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(text.getString("dialog.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes().get(0)).setId("entryClose");
        dialog.show();
    }

    private static VBox content(Dialog<ButtonType> dialog, ResourceBundle text, CalendarModel model, Chip chip,
            Consumer<String> openLink, Reconnect reconnect, Consumer<Throwable> failed) {
        Locale locale = model.locale();
        OutboxEntry e = chip.entry();
        Label title = new Label(chip.title());
        title.setId("entryTitle");
        title.getStyleClass().add("title-4");
        title.setWrapText(true);
        Label state = new Label(OutboxStates.name(text, e.state()), stateIcon(e.state()));
        state.setId("entryState");
        state.getStyleClass().addAll("calendar-chip", "chip-" + e.state().name().toLowerCase(Locale.ROOT));
        Label where = new Label(e.target().isBlank() ? e.account() : e.target(),
                new FontIcon(CalendarDialog.channelIcon(e.channel())));
        where.getStyleClass().add("field-label");
        HBox top = new HBox(10, state, where);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(8, title, top);
        if (e.publishedAt() != null) {
            content.getChildren().add(new Label(Text.format(text, locale, "calendar.details.published",
                    Dates.dateTime(e.publishedAt(), model.zone(), locale))));
        } else {
            content.getChildren().add(new Label(Text.format(text, locale, "calendar.details.planned",
                    Dates.dateTime(e.scheduledAt(), model.zone(), locale))));
        }
        if (e.state() == OutboxState.RETRYING && e.nextAttemptAt() != null) {
            Label next = new Label(Text.format(text, locale, "calendar.details.nextAttempt",
                    Dates.dateTime(e.nextAttemptAt(), model.zone(), locale), e.attempts()));
            next.setId("entryNextAttempt");
            content.getChildren().add(next);
        }
        String error = e.error() == null ? "" : e.error().getOrDefault(locale.getLanguage(), e.error().getOrDefault("en", ""));
        if (!error.isBlank() && e.state() != OutboxState.SENT) {
            Label why = new Label(error);
            why.setId("entryError");
            why.setWrapText(true);
            why.getStyleClass().add("field-problem");
            content.getChildren().add(why);
        }
        if (e.url() != null && !e.url().isBlank()) {
            Hyperlink link = new Hyperlink(e.url());
            link.setId("entryLink");
            link.setOnAction(x -> openLink.accept(e.url()));
            content.getChildren().add(link);
        }
        content.setPrefWidth(460);

        HBox actions = new HBox(8);
        if (chip.canReconnect()) {
            Button b = new Button(text.getString("calendar.details.reconnect"), new FontIcon(Feather.LINK));
            b.setId("entryReconnect");
            b.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
            b.setDefaultButton(true);
            // Connected again, the post is due now: show it as it stands (the scheduler was woken), in place, as
            // the account's form (which says "Connected as …") stays open above.
            b.setOnAction(x -> reconnect.open(dialog.getDialogPane().getScene().getWindow(), e.account(),
                    () -> model.load().whenComplete((v, t) -> {
                        if (t != null) {
                            failed.accept(t);
                            return;
                        }
                        model.chips().stream().filter(c -> c.entry().id() == e.id()).findFirst().ifPresent(c -> dialog
                                .getDialogPane().setContent(content(dialog, text, model, c, openLink, reconnect,
                                        failed)));
                    })));
            actions.getChildren().add(b);
        }
        action(actions, "entrySendNow", Feather.SEND, text.getString("calendar.details.sendNow"), chip.canSendNow(),
                model::sendNow, chip, dialog, failed);
        action(actions, "entryRetry", Feather.ROTATE_CW, text.getString("calendar.details.retry"), chip.canRetry(),
                model::sendNow, chip, dialog, failed);
        action(actions, "entryCancel", Feather.X, text.getString("calendar.details.cancel"), chip.canCancel(),
                model::cancel, chip, dialog, failed);
        if (!actions.getChildren().isEmpty()) {
            content.getChildren().add(actions);
        }
        return content;
    }

    private static void action(HBox actions, String id, Feather icon, String label, boolean offered,
            Function<Chip, CompletableFuture<Boolean>> run, Chip chip, Dialog<ButtonType> dialog,
            Consumer<Throwable> failed) {
        if (!offered) {
            return;
        }
        Button b = new Button(label, new FontIcon(icon));
        b.setId(id);
        b.setOnAction(x -> {
            actions.setDisable(true);
            run.apply(chip).whenComplete((changed, t) -> Platform.runLater(() -> {
                if (t != null) {
                    failed.accept(t);
                }
                dialog.close();
            }));
        });
        actions.getChildren().add(b);
    }

    /** A state's own icon, so a retrying or failed publication does not look like a scheduled one. */
    static FontIcon stateIcon(OutboxState state) {
        return new FontIcon(switch (state) {
            case SCHEDULED -> Feather.CLOCK;
            case SENDING -> Feather.UPLOAD_CLOUD;
            case RETRYING -> Feather.ROTATE_CW;
            case SENT -> Feather.CHECK;
            case FAILED -> Feather.ALERT_TRIANGLE;
            case CANCELLED -> Feather.SLASH;
        });
    }
}
