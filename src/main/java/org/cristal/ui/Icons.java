package org.cristal.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Icon buttons with the tooltip and accessible text every icon-only button needs. */
public final class Icons {
    private Icons() {
    }

    public static Button button(String id, Ikon icon, String tip) {
        Button b = new Button();
        b.setId(id);
        b.setGraphic(new FontIcon(icon));
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        b.getStyleClass().addAll("button-icon", "flat");
        return b;
    }
}
