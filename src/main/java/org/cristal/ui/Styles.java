package org.cristal.ui;

import javafx.scene.control.Dialog;

/** The studio's own styles for a dialog, which has a scene of its own. */
public final class Styles {
    private Styles() {
    }

    /**
     * Gives a shown dialog the size it asks for (a resizable dialog otherwise opens at the width of its
     * button bar), within the screen.
     */
    public static void size(Dialog<?> dialog, double width, double height) {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        dialog.setWidth(Math.min(width, screen.getWidth() - 40));
        dialog.setHeight(Math.min(height, screen.getHeight() - 40));
        javafx.stage.Window w = dialog.getDialogPane().getScene().getWindow();
        w.centerOnScreen();
        // Centring puts a window a third of the way down: a tall one would run off a laptop screen's bottom,
        // with its buttons.
        if (w.getY() + w.getHeight() > screen.getMaxY()) {
            w.setY(Math.max(screen.getMinY(), screen.getMaxY() - w.getHeight()));
        }
    }

    public static void add(Dialog<?> dialog) {
        dialog.getDialogPane().getStylesheets().add(Styles.class.getResource("studio.css").toExternalForm());
    }
}
