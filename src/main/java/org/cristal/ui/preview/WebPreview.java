package org.cristal.ui.preview;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.cristal.story.Rendition;
import org.cristal.story.WebPage;
import org.kordamp.ikonli.feather.Feather;

/**
 * The web page as a browser shows it, at desktop width or at a phone's width (390 px, centred).
 * Scripts never run, links do not navigate, the page's images come from the rendition's files.
 */
public final class WebPreview extends BorderPane {
    /** A common phone viewport width in CSS pixels (iPhone 12 to 15). */
    public static final double MOBILE_WIDTH = 390;

    private final HtmlView html;
    private final ToggleButton widthToggle;
    private final HBox controls;

    public WebPreview(ResourceBundle text, Locale locale, Executor background) {
        setId("webPreview");
        html = new HtmlView(Widgets.format(text, locale, "preview.loading"), background);
        html.trace(TypingTrace.Stage.WEB_PREPARED, TypingTrace.Stage.WEB_PATCHED);
        widthToggle = Widgets.iconToggle("webWidthToggle", Feather.SMARTPHONE,
                Widgets.format(text, locale, "preview.web.mobile"));
        html.pageWidthProperty().bind(Bindings.when(widthToggle.selectedProperty())
                .then(MOBILE_WIDTH).otherwise(Double.MAX_VALUE));
        controls = Widgets.controls(widthToggle);
        setCenter(html);
    }

    public void show(Rendition<WebPage> rendition) {
        show(rendition.body());
    }

    public void show(WebPage page) {
        html.show(page.html(), page.files());
    }

    /** Phone width when true, desktop width when false. */
    public BooleanProperty mobileProperty() {
        return widthToggle.selectedProperty();
    }

    /** This preview's own controls; the grid puts them in the quadrant's header. */
    public HBox controls() {
        return controls;
    }

    /** The HTML the preview loaded (images inlined, links inert), or null before the first page. */
    public String displayedHtml() {
        return html.displayedHtml();
    }

    /** True when the page on screen, fully loaded, contains {@code words}. */
    public boolean showsText(String words) {
        return html.showsText(words);
    }

    HtmlView htmlView() {
        return html;
    }
}
