package org.cristal.ui.help;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * Help › Keyboard shortcuts: every command of the menu bar that has a shortcut, read from the menus themselves,
 * so the list can never disagree with what the keys do.
 */
public final class ShortcutsDialog {
    /** One shortcut: the menu it is in, the command, the keys as the platform writes them (Ctrl+S, ⌘S). */
    public record Row(String menu, String command, String keys) {
    }

    private ShortcutsDialog() {
    }

    public static List<Row> rows(MenuBar bar) {
        List<Row> rows = new ArrayList<>();
        for (Menu menu : bar.getMenus()) {
            collect(menuName(menu), menu.getItems(), rows);
        }
        return rows;
    }

    private static void collect(String menu, List<MenuItem> items, List<Row> rows) {
        for (MenuItem item : items) {
            if (item instanceof Menu sub) {
                collect(menu, sub.getItems(), rows);
            } else if (item.getAccelerator() != null) {
                rows.add(new Row(menu, item.getText(), item.getAccelerator().getDisplayText()));
            }
        }
    }

    // Some menus show a label node (tests click it) instead of text.
    private static String menuName(Menu menu) {
        if (menu.getText() != null && !menu.getText().isBlank()) {
            return menu.getText();
        }
        return menu.getGraphic() instanceof Labeled l ? l.getText() : "";
    }

    public static Dialog<ButtonType> show(Window owner, ResourceBundle text, MenuBar bar) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.getString("help.shortcuts.title"));
        dialog.getDialogPane().setId("shortcutsDialog");
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(4);
        grid.setPadding(new Insets(10));
        grid.setId("shortcutsList");
        int r = 0;
        String lastMenu = null;
        for (Row row : rows(bar)) {
            if (!row.menu().equals(lastMenu)) {
                Label menu = new Label(row.menu());
                menu.setStyle("-fx-font-weight: bold;");
                menu.setPadding(new Insets(r == 0 ? 0 : 8, 0, 0, 0));
                grid.add(menu, 0, r++, 2, 1);
                lastMenu = row.menu();
            }
            Label keys = new Label(row.keys());
            keys.getStyleClass().add("shortcut-keys");
            grid.addRow(r++, new Label(row.command()), keys);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(440);
        dialog.getDialogPane().setContent(scroll);
        dialog.getDialogPane().getButtonTypes().add(
                new ButtonType(text.getString("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.show();
        return dialog;
    }
}
