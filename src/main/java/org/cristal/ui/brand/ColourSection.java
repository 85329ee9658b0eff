package org.cristal.ui.brand;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import java.util.regex.Pattern;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.cristal.ui.brand.BrandEditorModel.Field;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The five brand colours, each as a picker and a hex field (brand guidelines give hex codes to
 * paste), beside a live sample and the text/background contrast with its WCAG AA badge.
 */
final class ColourSection extends HBox {
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3}");

    ColourSection(BrandText t, BrandEditorModel model) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        // The label column lines up with the other sections'; picker and hex field keep their size.
        grid.getColumnConstraints().addAll(BrandForm.labelColumn(), new ColumnConstraints(56),
                new ColumnConstraints(110));
        int row = 0;
        row = colour(grid, row, t, model, Field.PRIMARY, "colorPrimary", "brand.colour.primary");
        row = colour(grid, row, t, model, Field.SECONDARY, "colorSecondary", "brand.colour.secondary");
        row = colour(grid, row, t, model, Field.ACCENT, "colorAccent", "brand.colour.accent");
        row = colour(grid, row, t, model, Field.TEXT, "colorText", "brand.colour.text");
        colour(grid, row, t, model, Field.BACKGROUND, "colorBackground", "brand.colour.background");

        Label ratio = new Label();
        ratio.setId("brandContrast");
        Label badge = new Label();
        badge.setId("brandContrastBadge");
        badge.setPadding(new Insets(2, 8, 2, 8));
        model.contrastProperty().addListener((obs, was, now) -> contrast(t, ratio, badge, now.doubleValue()));
        contrast(t, ratio, badge, model.contrastProperty().get());
        HBox contrastRow = new HBox(8, ratio, badge);
        contrastRow.setAlignment(Pos.CENTER_LEFT);

        IssueLabel contrastIssue = new IssueLabel(t, model.getIssues(), ColourSection::isContrast,
                "brandContrastIssue");
        contrastIssue.setPrefWidth(240);
        VBox sample = new VBox(8, new BrandSample(t, model.previewBrandProperty()), contrastRow, contrastIssue);
        HBox.setHgrow(sample, Priority.ALWAYS);
        setSpacing(24);
        getChildren().addAll(grid, sample);
    }

    private static int colour(GridPane grid, int row, BrandText t, BrandEditorModel model, Field field, String id,
            String label) {
        StringProperty value = model.property(field);
        ColorPicker picker = new ColorPicker();
        picker.setId(id);
        // The hex field beside it says the value; the picker is the swatch.
        picker.setStyle("-fx-color-label-visible: false;");
        picker.setMaxWidth(Double.MAX_VALUE);
        picker.setTooltip(new Tooltip(t.get(label)));
        TextField hex = new TextField();
        hex.setId(id + "Hex");
        hex.setPrefColumnCount(7);
        hex.textProperty().bindBidirectional(value);
        boolean[] syncing = {false};
        picker.valueProperty().addListener((obs, was, now) -> {
            if (!syncing[0] && now != null) {
                value.set(hex(now));
            }
        });
        Runnable toPicker = () -> {
            String v = value.get() == null ? "" : value.get().strip();
            if (!HEX.matcher(v).matches()) {
                return; // being typed: the picker keeps the last good colour
            }
            Color wanted = Color.web(v);
            if (picker.getValue() == null || !hex(picker.getValue()).equals(hex(wanted))) {
                syncing[0] = true;
                picker.setValue(wanted);
                syncing[0] = false;
            }
        };
        value.addListener((obs, was, now) -> toPicker.run());
        toPicker.run();
        Label name = new Label(t.get(label));
        name.setLabelFor(hex);
        grid.addRow(row, name, picker, hex);
        // The contrast warning goes under the sample and its badge, where the user looks for it.
        IssueLabel issue = new IssueLabel(t, model.getIssues(), i -> i.field() == field && !isContrast(i),
                id + "Issue");
        issue.setPrefWidth(170); // wraps within the two columns instead of widening them
        grid.add(issue, 1, row + 1, 2, 1);
        return row + 2;
    }

    private static boolean isContrast(BrandEditorModel.Issue i) {
        return i.key().equals("brand.warning.contrast");
    }

    private static void contrast(BrandText t, Label ratio, Label badge, double value) {
        ratio.setText(t.format("brand.contrast.value", value));
        boolean pass = value >= BrandEditorModel.MIN_CONTRAST;
        badge.setText(t.get(pass ? "brand.contrast.pass" : "brand.contrast.fail"));
        badge.setGraphic(new FontIcon(pass ? Feather.CHECK : Feather.ALERT_TRIANGLE));
        badge.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.BG_SUCCESS_SUBTLE, Styles.BG_DANGER_SUBTLE);
        badge.getStyleClass().addAll(pass ? Styles.SUCCESS : Styles.DANGER,
                pass ? Styles.BG_SUCCESS_SUBTLE : Styles.BG_DANGER_SUBTLE);
    }

    /** {@code #RRGGBB} of a picked colour (8 bits per channel, as brand kits store them). */
    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02X%02X%02X", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }
}
