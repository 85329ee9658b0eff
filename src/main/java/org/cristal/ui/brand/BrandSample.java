package org.cristal.ui.brand;

import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.cristal.render.common.Colours;
import org.cristal.story.Brand;

/**
 * A small page in the brand's colours and fonts — a band in the secondary colour with a heading in
 * the primary one over an accent rule, a paragraph in the text colour on the background, and a
 * button — so the user judges a palette as readers will meet it, not as five swatches.
 *
 * <p>Colours and fonts are set as objects, never as CSS text: a brand's values cannot leak into a
 * style sheet.
 */
final class BrandSample extends VBox {
    private final Label heading = new Label();
    private final Region rule = new Region();
    private final VBox band = new VBox(6, heading, rule);
    private final Label body = new Label();
    private final Label button = new Label();

    BrandSample(BrandText t, ObservableValue<Brand> brand) {
        setId("brandSample");
        heading.setText(t.get("brand.sample.heading"));
        heading.setWrapText(true);
        body.setText(t.get("brand.sample.body"));
        body.setWrapText(true);
        button.setText(t.get("brand.sample.button"));
        button.setPadding(new Insets(6, 14, 6, 14));
        rule.setPrefHeight(3);
        rule.setMaxWidth(56);
        band.setPadding(new Insets(12, 14, 10, 14));
        VBox content = new VBox(10, body, button);
        content.setPadding(new Insets(10, 14, 14, 14));
        getChildren().addAll(band, content);
        setMinWidth(240);
        setPrefWidth(300);
        apply(brand.getValue());
        brand.addListener((obs, was, now) -> apply(now));
    }

    private void apply(Brand b) {
        Brand.Colors c = b.colors();
        Color primary = colour(c.primary(), "#1F4E79");
        Color background = colour(c.background(), "#FFFFFF");
        setBackground(fill(background, 6));
        setBorder(new Border(new BorderStroke(Color.gray(0.5, 0.5), BorderStrokeStyle.SOLID, new CornerRadii(6),
                BorderWidths.DEFAULT)));
        band.setBackground(new Background(new BackgroundFill(colour(c.secondary(), "#EEF3F8"),
                new CornerRadii(6, 6, 0, 0, false), Insets.EMPTY)));
        heading.setTextFill(primary);
        heading.setFont(Font.font(family(b.fonts().heading()), FontWeight.BOLD, 20));
        rule.setBackground(fill(colour(c.accent(), "#C8553D"), 2));
        body.setTextFill(colour(c.text(), "#1B1B1B"));
        body.setFont(Font.font(family(b.fonts().body()), 13));
        button.setBackground(fill(primary, 4));
        button.setTextFill(readableOn(c.primary()));
        button.setFont(Font.font(family(b.fonts().body()), FontWeight.BOLD, 13));
    }

    private static Background fill(Color c, double radius) {
        return new Background(new BackgroundFill(c, new CornerRadii(radius), Insets.EMPTY));
    }

    private static Color colour(String hex, String fallback) {
        int rgb = Colours.rgb(hex, fallback);
        return Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }

    /** White or near-black, whichever reads better on the colour (as the renderers choose). */
    private static Color readableOn(String hex) {
        int rgb = Colours.rgb(hex, "#1F4E79");
        return Colours.contrast(rgb, 0xFFFFFF) >= Colours.contrast(rgb, 0x1B1B1B) ? Color.WHITE : Color.web("#1B1B1B");
    }

    /** The JavaFX family for a brand font: generic names to the fonts the app embeds or Java's logical ones. */
    static String family(String font) {
        String f = font == null ? "" : font.strip().toLowerCase(Locale.ROOT);
        return switch (f) {
            case "", "sans-serif", "sans", "system-ui" -> installed("Noto Sans", "SansSerif");
            case "serif" -> installed("Noto Serif", "Serif");
            case "monospace", "mono" -> installed("Noto Sans Mono", "Monospaced");
            default -> font.strip();
        };
    }

    private static String installed(String family, String fallback) {
        return Font.getFamilies().contains(family) ? family : fallback;
    }
}
