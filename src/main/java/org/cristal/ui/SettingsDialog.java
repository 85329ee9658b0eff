package org.cristal.ui;

import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Language (system, French, English), theme, and whether spelling and grammar are checked. Changing
 * the language rebuilds the window.
 */
final class SettingsDialog {
    private SettingsDialog() {
    }

    static void show(Window owner, StudioModel model, Runnable relaunch) {
        ResourceBundle text = model.text();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.getString("settings.title"));
        ComboBox<String> language = new ComboBox<>();
        language.setId("languageChoice");
        language.getItems().addAll("system", "fr", "en");
        language.setConverter(converter(text, "settings.language.system", "settings.language.fr",
                "settings.language.en"));
        language.setValue(model.settings().get("language", "system"));
        ComboBox<String> theme = new ComboBox<>();
        theme.setId("themeChoice");
        theme.getItems().addAll("light", "dark");
        theme.setConverter(converter(text, "settings.theme.light", "settings.theme.dark", ""));
        theme.setValue(model.settings().get("theme", "light"));
        CheckBox spelling = new CheckBox(text.getString("settings.spelling"));
        spelling.setId("spellingChoice");
        spelling.setSelected(model.preview().spellingProperty().get());
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(10));
        grid.addRow(0, new Label(text.getString("settings.language")), language);
        grid.addRow(1, new Label(text.getString("settings.theme")), theme);
        grid.add(spelling, 1, 2);
        dialog.getDialogPane().setContent(grid);
        ButtonType ok = new ButtonType(text.getString("dialog.ok"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok,
                new ButtonType(text.getString("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().lookupButton(ok).setId("settingsOk");
        dialog.setOnHidden(e -> {
            if (dialog.getResult() != ok) {
                return;
            }
            String before = model.settings().get("language", "system");
            model.settings().put("language", language.getValue());
            model.settings().put("theme", theme.getValue());
            Theme.apply("dark".equals(theme.getValue()));
            // Drops or starts the spelling findings at once; the studio model remembers the choice.
            model.preview().spellingProperty().set(spelling.isSelected());
            model.settings().save();
            if (!before.equals(language.getValue())) {
                relaunch.run();
            }
        });
        dialog.show();
    }

    private static StringConverter<String> converter(ResourceBundle text, String first, String second, String third) {
        return new StringConverter<>() {
            @Override
            public String toString(String v) {
                if (v == null) {
                    return "";
                }
                return switch (v) {
                    case "system", "light" -> text.getString(first);
                    case "fr", "dark" -> text.getString(second);
                    default -> text.getString(third);
                };
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        };
    }
}
