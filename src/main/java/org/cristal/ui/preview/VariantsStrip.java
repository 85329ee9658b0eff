package org.cristal.ui.preview;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.cristal.story.Variants;

/**
 * The story's A/B variants side by side, above the e-mail: a column per arm ("A · as written", "B"…), a
 * row per element that varies, so the author compares the subjects (or buttons, first paragraphs) the
 * way the test will send them. Hidden when the story has no variants. A long text is cut to two lines,
 * whole in its tooltip.
 */
final class VariantsStrip extends GridPane {
    private static final double TWO_LINES = 2.6;
    private final ResourceBundle text;
    private final Locale locale;
    private VariantSummary shown = VariantSummary.NONE;

    VariantsStrip(ResourceBundle text, Locale locale) {
        this.text = text;
        this.locale = locale;
        setId("variantsStrip");
        getStyleClass().add("variants-strip");
        setHgap(12);
        setVgap(4);
        setPadding(new Insets(6, 12, 6, 12));
        show(VariantSummary.NONE);
    }

    void show(VariantSummary summary) {
        if (summary.equals(shown) && !getChildren().isEmpty()) {
            return;
        }
        shown = summary;
        getChildren().clear();
        getColumnConstraints().clear();
        boolean any = !summary.isEmpty();
        setVisible(any);
        setManaged(any);
        if (!any) {
            return;
        }
        ColumnConstraints names = new ColumnConstraints();
        names.setHgrow(Priority.NEVER);
        // The element's name ("Subject") is never cut to "…": the arms' texts give way instead.
        names.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        getColumnConstraints().add(names);
        Label caption = new Label(Widgets.format(text, locale, "preview.variants.caption"));
        caption.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        add(caption, 0, 0);
        for (int i = 0; i < summary.arms().size(); i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setHgrow(Priority.ALWAYS);
            c.setPercentWidth(-1);
            c.setMinWidth(40);
            getColumnConstraints().add(c);
            String arm = summary.arms().get(i);
            String upper = arm.toUpperCase(Locale.ROOT);
            Label head = new Label(arm.equals(Variants.CONTROL)
                    ? Widgets.format(text, locale, "preview.variants.control", upper) : upper);
            head.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TEXT_SMALL);
            add(head, i + 1, 0);
        }
        int row = 1;
        for (VariantSummary.Row r : summary.rows()) {
            Label name = new Label(Widgets.format(text, locale, key(r.element())));
            name.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            name.setId("variantName-" + r.element().id());
            add(name, 0, row);
            for (int i = 0; i < r.texts().size(); i++) {
                Label t = new Label(r.texts().get(i));
                t.setId("variant-" + r.element().id() + "-" + summary.arms().get(i));
                t.setWrapText(true);
                t.setTextOverrun(OverrunStyle.ELLIPSIS);
                t.maxHeightProperty().bind(t.fontProperty().map(f -> f.getSize() * TWO_LINES));
                t.setTooltip(new Tooltip(r.texts().get(i)));
                if (i > 0 && r.texts().get(i).equals(r.texts().get(0))) {
                    // An arm that keeps the story's text for this element: muted, so what differs stands out.
                    t.getStyleClass().add(Styles.TEXT_MUTED);
                }
                add(t, i + 1, row);
            }
            row++;
        }
    }

    private static String key(Variants.Element e) {
        return switch (e) {
            case SUBJECT -> "preview.variants.subject";
            case TITLE -> "preview.variants.title";
            case CTA -> "preview.variants.cta";
            case LEAD -> "preview.variants.lead";
        };
    }
}
