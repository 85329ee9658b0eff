package org.cristal.ui.preview;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.cristal.render.common.Colours;

/**
 * A round avatar with the brand's initial, as inboxes and social networks show a sender without a
 * photo. Its colour is the brand's (part of what is previewed, not of the app's theme).
 */
final class Avatar {
    private Avatar() {
    }

    static StackPane of(String name, String brandColour, double radius) {
        int rgb = Colours.rgb(brandColour, "#1F4E79");
        Circle circle = new Circle(radius, Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF));
        Label initial = new Label(initial(name));
        boolean light = Colours.luminance(rgb) > 0.45;
        initial.setStyle("-fx-text-fill: " + (light ? "#1B1B1B" : "#FFFFFF") + "; -fx-font-weight: bold; -fx-font-size: "
                + Math.round(radius * 0.9) + "px;");
        StackPane avatar = new StackPane(circle, initial);
        avatar.getStyleClass().add("avatar");
        avatar.setMinSize(2 * radius, 2 * radius);
        avatar.setMaxSize(2 * radius, 2 * radius);
        return avatar;
    }

    static String initial(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            return "?";
        }
        return new String(Character.toChars(n.codePointAt(0))).toUpperCase(Locale.ROOT);
    }
}
