package org.cristal.ui;

import javafx.scene.control.Dialog;

/** The studio's own styles for a dialog, which has a scene of its own. */
final class Styles {
    private Styles() {
    }

    static void add(Dialog<?> dialog) {
        dialog.getDialogPane().getStylesheets().add(Styles.class.getResource("studio.css").toExternalForm());
    }
}
