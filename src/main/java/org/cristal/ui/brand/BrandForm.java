package org.cristal.ui.brand;

import atlantafx.base.theme.Styles;
import javafx.beans.property.StringProperty;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.cristal.ui.brand.BrandEditorModel.Field;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The form of one brand kit, section by section, every field bound to the model. */
final class BrandForm extends VBox {
    /** The families the app embeds, and the generic names the renderers map onto them. */
    private static final String[] FONTS = {"sans-serif", "serif", "monospace", "Noto Sans", "Noto Serif",
        "Noto Sans Mono"};

    private final BrandText t;
    private final BrandEditorModel model;

    BrandForm(BrandText t, BrandEditorModel model, Runnable chooseLogo) {
        this.t = t;
        this.model = model;
        setId("brandForm");
        setSpacing(18);
        setPadding(new Insets(12, 18, 18, 18));
        disableProperty().bind(model.editingProperty().not());

        GridPane identity = grid();
        int row = 0;
        row = row(identity, row, "brand.field.name", text("brandName", Field.NAME), Field.NAME);
        row = row(identity, row, "brand.field.tagline", text("brandTagline", Field.TAGLINE), Field.TAGLINE);
        TextField website = text("brandWebsite", Field.WEBSITE);
        website.setPromptText("https://");
        row = row(identity, row, "brand.field.website", website, Field.WEBSITE);
        Button choose = new Button(t.get("brand.logo.choose"), new FontIcon(Feather.IMAGE));
        choose.setId("brandChooseLogo");
        choose.setOnAction(e -> chooseLogo.run());
        TextField logo = text("brandLogo", Field.LOGO);
        HBox.setHgrow(logo, Priority.ALWAYS);
        HBox logoRow = new HBox(8, logo, choose);
        logoRow.setAlignment(Pos.CENTER_LEFT);
        row(identity, row, "brand.field.logo", logoRow, Field.LOGO);

        GridPane fonts = grid();
        row = row(fonts, 0, "brand.font.heading", font("brandHeadingFont", Field.HEADING_FONT), Field.HEADING_FONT);
        row(fonts, row, "brand.font.body", font("brandBodyFont", Field.BODY_FONT), Field.BODY_FONT);

        GridPane voice = grid();
        row = row(voice, 0, "brand.voice.tone", text("brandTone", Field.TONE), Field.TONE);
        row = row(voice, row, "brand.voice.banned", area("brandBanned", Field.BANNED, 4), Field.BANNED);
        row(voice, row, "brand.voice.preferred", area("brandPreferred", Field.PREFERRED, 3), Field.PREFERRED);

        GridPane contact = grid();
        row = row(contact, 0, "brand.contact.address", area("brandAddress", Field.ADDRESS, 2), Field.ADDRESS);
        row = row(contact, row, "brand.contact.email", text("brandEmail", Field.EMAIL), Field.EMAIL);
        row(contact, row, "brand.contact.phone", text("brandPhone", Field.PHONE), Field.PHONE);

        GridPane channels = grid();
        row = row(channels, 0, "brand.social", area("brandSocial", Field.SOCIAL, 3), Field.SOCIAL);
        row(channels, row, "brand.utm", area("brandUtm", Field.UTM, 2), Field.UTM);

        getChildren().addAll(section("brand.section.identity", identity),
                section("brand.section.colours", new ColourSection(t, model)),
                section("brand.section.fonts", fonts), section("brand.section.voice", voice),
                section("brand.section.contact", contact), section("brand.section.channels", channels));
    }

    private VBox section(String titleKey, Node content) {
        Label title = new Label(t.get(titleKey));
        title.getStyleClass().add(Styles.TITLE_4);
        return new VBox(8, title, content);
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(4);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        g.getColumnConstraints().addAll(labelColumn(), fields);
        return g;
    }

    /** The column of field names, the same width in every section so the fields line up. */
    static ColumnConstraints labelColumn() {
        ColumnConstraints labels = new ColumnConstraints(150, 190, 230);
        labels.setHalignment(HPos.LEFT);
        return labels;
    }

    /** A labelled field and, under it, the field's inline messages. Returns the next free row. */
    private int row(GridPane g, int row, String labelKey, Node field, Field f) {
        Label label = new Label(t.get(labelKey));
        label.setWrapText(true);
        label.setLabelFor(field);
        GridPane.setValignment(label, field instanceof TextArea ? javafx.geometry.VPos.TOP
                : javafx.geometry.VPos.CENTER);
        g.addRow(row, label, field);
        String id = field.getId() != null ? field.getId() : "brand" + f.name();
        g.add(new IssueLabel(t, model.getIssues(), f, id + "Issue"), 1, row + 1);
        return row + 2;
    }

    private TextField text(String id, Field f) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(model.property(f));
        return field;
    }

    private TextArea area(String id, Field f, int rows) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setPrefRowCount(rows);
        area.setWrapText(true);
        area.textProperty().bindBidirectional(model.property(f));
        return area;
    }

    private ComboBox<String> font(String id, Field f) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.setEditable(true);
        box.getItems().addAll(FONTS);
        box.setMaxWidth(320);
        StringProperty value = model.property(f);
        box.valueProperty().bindBidirectional(value);
        return box;
    }
}
