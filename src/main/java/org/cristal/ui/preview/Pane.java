package org.cristal.ui.preview;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** One quadrant of the grid: a header with the channel's name, its controls, and maximise. */
final class Pane extends BorderPane {
    final HBox controls = new HBox(4);
    final Button maximise = new Button();

    Pane(String id, Ikon icon, String title, String maximiseTip, Node content) {
        setId(id);
        getStyleClass().add("preview-pane");
        Label name = new Label(title, new FontIcon(icon));
        name.getStyleClass().add("preview-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        maximise.setGraphic(new FontIcon(org.kordamp.ikonli.feather.Feather.MAXIMIZE_2));
        maximise.setTooltip(new Tooltip(maximiseTip));
        maximise.setAccessibleText(maximiseTip);
        maximise.getStyleClass().addAll("button-icon", "flat");
        maximise.setId(id + "Maximise");
        controls.setAlignment(Pos.CENTER_RIGHT);
        HBox header = new HBox(6, name, spacer, controls, maximise);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(2, 6, 2, 8));
        header.getStyleClass().add("preview-header");
        setTop(header);
        setCenter(content);
        setMinSize(0, 0);
    }
}
