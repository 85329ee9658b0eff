package org.cristal.ui.preview;

import java.util.ResourceBundle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import org.cristal.story.Rendition;
import org.cristal.story.WebPage;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The web page as a browser shows it, at desktop width or a phone's 390 px. */
final class WebPreview {
    static final double MOBILE = 390;
    final HtmlFrame frame = new HtmlFrame("webView");
    final ToggleButton mobile = new ToggleButton(null, new FontIcon(Feather.SMARTPHONE));
    final Pane pane;

    WebPreview(ResourceBundle text) {
        mobile.setId("webWidthToggle");
        mobile.setTooltip(new Tooltip(text.getString("preview.mobileWidth")));
        mobile.setAccessibleText(text.getString("preview.mobileWidth"));
        mobile.selectedProperty().addListener((o, a, b) -> frame.setContentWidth(b ? MOBILE : 0));
        pane = new Pane("webPreview", Feather.GLOBE, text.getString("channel.web"), text.getString("preview.maximise"),
                frame);
        pane.controls.getChildren().add(mobile);
    }

    void show(Rendition<WebPage> web) {
        frame.show(InlineImages.inline(web.body().html(), web.body().files()));
    }
}
