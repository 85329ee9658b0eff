package org.cristal.ui.preview;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Where a card's picture goes, with its description. The cards are rebuilt as the user types, on the FX
 * thread, which must not read image files: the web preview shows the picture itself.
 */
final class Photo {
    private Photo() {
    }

    static StackPane of(ResourceBundle text, Locale locale, String alt, double height) {
        String words = alt == null || alt.isBlank() ? Widgets.format(text, locale, "preview.card.photo")
                : Widgets.format(text, locale, "preview.card.photoAlt", alt.strip());
        Label label = new Label(words, new FontIcon(Feather.IMAGE));
        label.setWrapText(true);
        label.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        StackPane frame = new StackPane(label);
        frame.getStyleClass().add("card-photo");
        frame.setAlignment(Pos.CENTER);
        frame.setMinHeight(height);
        frame.setPrefHeight(height);
        return frame;
    }
}
