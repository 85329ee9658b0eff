package org.cristal.ui.preview;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** One channel's place in the grid: a header (icon, name, the preview's controls, enlarge/restore) over the preview. */
final class Quadrant extends BorderPane {
    private final Button maximise;
    private final FontIcon maximiseIcon = new FontIcon(Feather.MAXIMIZE_2);
    private final String enlargeTip;
    private final String restoreTip;

    Quadrant(String id, Ikon icon, String title, Node preview, HBox controls, String enlargeTip, String restoreTip) {
        this.enlargeTip = enlargeTip;
        this.restoreTip = restoreTip;
        getStyleClass().add("preview-quadrant");
        Label name = new Label(title, new FontIcon(icon));
        name.getStyleClass().addAll("preview-title", Styles.TEXT_BOLD);
        // The name is never cut: the controls are kept compact enough for a quadrant of a 1366-pixel screen.
        name.setMinWidth(Label.USE_PREF_SIZE);
        name.setTooltip(Widgets.tooltip(title));
        maximise = Widgets.iconButton(id + "Maximise", Feather.MAXIMIZE_2, enlargeTip);
        maximise.setGraphic(maximiseIcon);
        HBox header = new HBox(6, name, Widgets.spacer(), controls, maximise);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("preview-header");
        setTop(header);
        setCenter(preview);
        // A quadrant may be narrower than its preview's natural width; the preview scrolls inside.
        setMinSize(0, 0);
    }

    Button maximiseButton() {
        return maximise;
    }

    /** Shows the enlarge or the restore action, as the grid's layout says. */
    void setAlone(boolean alone) {
        maximiseIcon.setIconCode(alone ? Feather.MINIMIZE_2 : Feather.MAXIMIZE_2);
        String tip = alone ? restoreTip : enlargeTip;
        maximise.getTooltip().setText(tip);
        maximise.setAccessibleText(tip);
    }
}
