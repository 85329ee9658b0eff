package org.cristal.ui.preview;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
import org.kordamp.ikonli.feather.Feather;

/**
 * The four channel previews in a 2×2 grid, or one of them on the whole area ({@link #layoutProperty()}).
 * A preview that is hidden is not refreshed; it catches up with the newest renditions when it is
 * shown again (WebViews and PDF pages are the costly part of a keystroke).
 */
public final class PreviewGrid extends StackPane {
    private final WebPreview web;
    private final EmailPreview email;
    private final SocialPreview social;
    private final BrochurePreview brochure;
    private final Map<PreviewLayout, Quadrant> quadrants = new EnumMap<>(PreviewLayout.class);
    /** The rendition each preview was last given: the brochure arriving after the text must not redo the web pages. */
    private final Map<PreviewLayout, Object> shown = new EnumMap<>(PreviewLayout.class);
    private final ObjectProperty<PreviewLayout> layout = new SimpleObjectProperty<>(this, "layout", PreviewLayout.GRID);
    private final GridPane grid = new GridPane();
    private Renderers.All latest;

    public PreviewGrid(ResourceBundle text, Locale locale, Executor background) {
        setId("previewGrid");
        getStyleClass().add("preview-grid");
        getStylesheets().add(Objects.requireNonNull(PreviewGrid.class.getResource("preview.css")).toExternalForm());
        web = new WebPreview(text, locale, background);
        email = new EmailPreview(text, locale, background);
        social = new SocialPreview(text, locale);
        brochure = new BrochurePreview(text, locale, background);
        String enlarge = Widgets.format(text, locale, "preview.maximise");
        String restore = Widgets.format(text, locale, "preview.restore");
        quadrants.put(PreviewLayout.WEB, new Quadrant("web", Feather.GLOBE,
                Widgets.format(text, locale, "preview.web.title"), web, web.controls(), enlarge, restore));
        quadrants.put(PreviewLayout.EMAIL, new Quadrant("email", Feather.MAIL,
                Widgets.format(text, locale, "preview.email.title"), email, email.controls(), enlarge, restore));
        quadrants.put(PreviewLayout.SOCIAL, new Quadrant("social", Feather.MESSAGE_CIRCLE,
                Widgets.format(text, locale, "preview.social.title"), social, social.controls(), enlarge, restore));
        quadrants.put(PreviewLayout.BROCHURE, new Quadrant("brochure", Feather.BOOK_OPEN,
                Widgets.format(text, locale, "preview.brochure.title"), brochure, brochure.controls(), enlarge,
                restore));
        quadrants.forEach((channel, q) -> q.maximiseButton().setOnAction(
                e -> setLayout(getLayout() == channel ? PreviewLayout.GRID : channel)));

        grid.getStyleClass().add("preview-cells");
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
        grid.getChildren().addAll(quadrants.values());
        getChildren().add(grid);
        layout.addListener((o, old, now) -> arrange());
        arrange();
    }

    /** Shows new renditions of the four channels (call on the FX thread; slow work goes to the executor). */
    public void show(Renderers.All all) {
        latest = Objects.requireNonNull(all);
        refreshVisible();
    }

    /** The open story's A/B variants, side by side in the e-mail preview. */
    public void showVariants(VariantSummary summary) {
        email.showVariants(summary);
    }

    /** The brand of the story shown: names, colours and handles of the inbox and social cards. */
    public void setBrand(Brand brand) {
        email.setBrand(brand);
        social.setBrand(brand);
    }

    /** The story shown, for what the social cards take from it beyond the posts. */
    public void setStory(org.cristal.story.StoryDocument doc) {
        social.setStory(doc);
    }

    private void arrange() {
        PreviewLayout now = getLayout() == null ? PreviewLayout.GRID : getLayout();
        int i = 0;
        for (Map.Entry<PreviewLayout, Quadrant> e : quadrants.entrySet()) {
            Quadrant q = e.getValue();
            boolean alone = e.getKey() == now;
            boolean visible = now == PreviewLayout.GRID || alone;
            q.setVisible(visible);
            q.setManaged(visible);
            q.setAlone(alone);
            if (alone) {
                GridPane.setConstraints(q, 0, 0, 2, 2);
            } else {
                GridPane.setConstraints(q, i % 2, i / 2, 1, 1);
            }
            i++;
        }
        refreshVisible();
    }

    private void refreshVisible() {
        if (latest == null) {
            return;
        }
        for (Map.Entry<PreviewLayout, Quadrant> e : quadrants.entrySet()) {
            Object part = switch (e.getKey()) {
                case WEB -> latest.web();
                case EMAIL -> latest.email();
                case SOCIAL -> latest.social();
                case BROCHURE -> latest.brochure();
                default -> throw new IllegalStateException(e.getKey().name());
            };
            if (e.getValue().isVisible() && shown.get(e.getKey()) != part) {
                shown.put(e.getKey(), part);
                switch (e.getKey()) {
                    case WEB -> web.show(latest.web());
                    case EMAIL -> email.show(latest.email());
                    case SOCIAL -> social.show(latest.social());
                    case BROCHURE -> {
                        if (latest.brochure() != null) {
                            brochure.show(latest.brochure());
                        }
                    }
                    default -> throw new IllegalStateException(e.getKey().name());
                }
            }
        }
    }

    /**
     * True once every visible preview shows something of its own: the web and e-mail pages loaded, the
     * social cards built, a brochure page rasterised.
     */
    public boolean filled() {
        return quadrants.entrySet().stream().filter(e -> e.getValue().isVisible()).allMatch(e -> switch (e.getKey()) {
            case WEB -> web.htmlView().isIdle();
            case EMAIL -> email.htmlView().isIdle();
            case SOCIAL -> social.hasPosts();
            case BROCHURE -> brochure.shownPdf() != null;
            default -> true;
        });
    }

    public ObjectProperty<PreviewLayout> layoutProperty() {
        return layout;
    }

    public PreviewLayout getLayout() {
        return layout.get();
    }

    public void setLayout(PreviewLayout value) {
        layout.set(value);
    }

    public WebPreview web() {
        return web;
    }

    public EmailPreview email() {
        return email;
    }

    public SocialPreview social() {
        return social;
    }

    public BrochurePreview brochure() {
        return brochure;
    }
}
