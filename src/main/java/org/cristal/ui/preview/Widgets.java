package org.cristal.ui.preview;

import atlantafx.base.theme.Styles;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small builders shared by the previews: messages in the reader's locale, icon buttons with tooltips. */
final class Widgets {
    private Widgets() {
    }

    /** The message {@code key} formatted for {@code locale} (numbers and plurals through MessageFormat). */
    static String format(ResourceBundle text, Locale locale, String key, Object... args) {
        return new MessageFormat(text.getString(key), locale).format(args);
    }

    static Button iconButton(String id, Ikon icon, String tip) {
        return decorate(new Button(), id, icon, tip);
    }

    static ToggleButton iconToggle(String id, Ikon icon, String tip) {
        return decorate(new ToggleButton(), id, icon, tip);
    }

    private static <B extends ButtonBase> B decorate(B button, String id, Ikon icon, String tip) {
        button.setId(id);
        button.setGraphic(new FontIcon(icon));
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        // Icon-only: the tooltip and the accessible text say what it does.
        button.setTooltip(tooltip(tip));
        button.setAccessibleText(tip);
        button.setFocusTraversable(true);
        return button;
    }

    static Tooltip tooltip(String tip) {
        Tooltip t = new Tooltip(tip);
        t.setShowDelay(Duration.millis(400));
        t.setWrapText(true);
        t.setMaxWidth(360);
        return t;
    }

    static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    static HBox controls(javafx.scene.Node... nodes) {
        HBox box = new HBox(2, nodes);
        box.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        return box;
    }
}
