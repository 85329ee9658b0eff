package org.cristal.ui;

import java.util.ResourceBundle;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Short messages in the bottom-right corner of the window ("… is in the trash. Undo"). They are drawn
 * inside the window, not in popups beside it, and are never wider than the window less a margin, so
 * a long French sentence wraps instead of running off the screen; an action's label is never cut.
 */
final class Notices {
    static final double MAX_WIDTH = 440;
    private static final double MARGIN = 16;

    private final ResourceBundle text;
    private final VBox stack = new VBox(8);
    private final StackPane layer = new StackPane(stack);

    Notices(ResourceBundle text) {
        this.text = text;
        layer.setId("noticeLayer");
        // Clicks go through the empty part of the layer to the window below.
        layer.setPickOnBounds(false);
        stack.setPickOnBounds(false);
        stack.setAlignment(Pos.BOTTOM_RIGHT);
        stack.setFillWidth(false);
        stack.setPadding(new Insets(MARGIN, MARGIN, MARGIN + 30, MARGIN));
        StackPane.setAlignment(stack, Pos.BOTTOM_RIGHT);
    }

    /** The layer to put over the window's content. */
    StackPane layer() {
        return layer;
    }

    void show(String message, Duration hideAfter) {
        show(message, hideAfter, null, null, false);
    }

    /**
     * Shows a message for {@code hideAfter}, with an action button when {@code actionLabel} is given;
     * the action hides the notice. A warning has the warning sign instead of the information one.
     */
    void show(String message, Duration hideAfter, String actionLabel, Runnable action, boolean warning) {
        FontIcon icon = new FontIcon(warning ? Feather.ALERT_TRIANGLE : Feather.INFO);
        icon.getStyleClass().add(warning ? "warning" : "accent");
        Label words = new Label(message);
        words.setId("noticeText");
        words.setWrapText(true);
        words.setMinHeight(Region.USE_PREF_SIZE);
        words.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox notice = new HBox(10, icon, words);
        notice.getStyleClass().add("notice");
        notice.setAlignment(Pos.CENTER_LEFT);
        notice.setPadding(new Insets(10, 8, 10, 12));
        // Never wider than the window allows; never so narrow that the words stand one per line.
        notice.maxWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(200, Math.min(MAX_WIDTH, layer.getWidth() - 2 * MARGIN)), layer.widthProperty()));
        notice.prefWidthProperty().bind(notice.maxWidthProperty());
        notice.setMinHeight(Region.USE_PREF_SIZE);
        PauseTransition timer = new PauseTransition(hideAfter);
        Runnable hide = () -> {
            timer.stop();
            stack.getChildren().remove(notice);
        };
        if (actionLabel != null && action != null) {
            Button act = new Button(actionLabel);
            act.setId("noticeAction");
            act.setMinWidth(Region.USE_PREF_SIZE);
            act.setOnAction(e -> {
                hide.run();
                action.run();
            });
            notice.getChildren().add(act);
        }
        Button close = Icons.button("noticeClose", Feather.X, text.getString("dialog.close"));
        close.setMinWidth(Region.USE_PREF_SIZE);
        close.setOnAction(e -> hide.run());
        notice.getChildren().add(close);
        // A notice being read stays until the pointer leaves it.
        notice.setOnMouseEntered(e -> timer.pause());
        notice.setOnMouseExited(e -> timer.play());
        timer.setOnFinished(e -> hide.run());
        stack.getChildren().add(notice);
        timer.play();
    }
}
