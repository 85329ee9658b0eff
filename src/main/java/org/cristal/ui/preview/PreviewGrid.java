package org.cristal.ui.preview;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import org.cristal.render.Renderers;
import org.cristal.story.Brand;

/** The four previews in a 2×2 grid, or one of them filling the area. */
public final class PreviewGrid extends StackPane {
    private final ObjectProperty<PreviewLayout> layout = new SimpleObjectProperty<>(PreviewLayout.GRID);
    private final WebPreview web;
    private final EmailPreview email;
    private final SocialPreview social;
    private final BrochurePreview brochure;
    private final GridPane grid = new GridPane();
    private Brand brand = Brand.DEFAULT;

    public PreviewGrid(ResourceBundle text, Locale locale, Executor background) {
        setId("previewGrid");
        web = new WebPreview(text);
        email = new EmailPreview(text, locale);
        social = new SocialPreview(text, locale);
        brochure = new BrochurePreview(text, locale, background);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            r.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(r);
        }
        grid.setHgap(6);
        grid.setVgap(6);
        wire(web.pane, PreviewLayout.WEB);
        wire(email.pane, PreviewLayout.EMAIL);
        wire(social.pane, PreviewLayout.SOCIAL);
        wire(brochure.pane, PreviewLayout.BROCHURE);
        layout.addListener((o, a, b) -> arrange());
        arrange();
    }

    private void wire(Pane pane, PreviewLayout own) {
        pane.maximise.setOnAction(e -> layout.set(layout.get() == own ? PreviewLayout.GRID : own));
    }

    private void arrange() {
        grid.getChildren().clear();
        getChildren().clear();
        PreviewLayout l = layout.get();
        if (l == PreviewLayout.GRID) {
            grid.add(web.pane, 0, 0);
            grid.add(email.pane, 1, 0);
            grid.add(social.pane, 0, 1);
            grid.add(brochure.pane, 1, 1);
            getChildren().add(grid);
        } else {
            getChildren().add(switch (l) {
                case WEB -> web.pane;
                case EMAIL -> email.pane;
                case SOCIAL -> social.pane;
                default -> brochure.pane;
            });
        }
    }

    public ObjectProperty<PreviewLayout> layoutProperty() {
        return layout;
    }

    /** The brand the previews speak for (sender name, avatar); the renditions carry the rest. */
    public void setBrand(Brand b) {
        brand = b == null ? Brand.DEFAULT : b;
    }

    public void show(Renderers.All all) {
        web.show(all.web());
        email.show(all.email(), brand.name());
        social.show(all.social(), brand);
        brochure.show(all.brochure());
    }

    /** For tests and tools: the HTML the web preview holds. */
    public String webHtml() {
        return web.frame.html();
    }

    public int brochurePages() {
        return brochure.pageCount();
    }
}
