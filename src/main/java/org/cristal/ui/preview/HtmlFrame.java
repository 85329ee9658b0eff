package org.cristal.ui.preview;

import javafx.concurrent.Worker;
import javafx.scene.layout.StackPane;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;

/**
 * A WebView that never runs a story's scripts, created on first use (WebKit costs hundreds of
 * milliseconds to start), and that keeps its scroll position when the content is replaced.
 */
final class HtmlFrame extends StackPane {
    private WebView view;
    private String shown = "";
    private double scrollY;

    HtmlFrame(String id) {
        setId(id);
        getStyleClass().add("html-frame");
    }

    void show(String html) {
        if (html.equals(shown)) {
            return;
        }
        shown = html;
        WebEngine engine = engine();
        scrollY = readScroll(engine);
        engine.loadContent(html, "text/html");
    }

    /** The HTML last shown, as given. */
    String html() {
        return shown;
    }

    WebEngine engine() {
        if (view == null) {
            view = new WebView();
            view.setContextMenuEnabled(false);
            WebEngine engine = view.getEngine();
            engine.setJavaScriptEnabled(false);
            engine.setUserAgent("Cristal preview");
            engine.getLoadWorker().stateProperty().addListener((o, a, b) -> {
                if (b == Worker.State.SUCCEEDED && scrollY > 0) {
                    restoreScroll(engine, scrollY);
                }
            });
            getChildren().add(view);
        }
        return view.getEngine();
    }

    void setContentWidth(double width) {
        if (view != null || width > 0) {
            engine();
            view.setMaxWidth(width <= 0 ? Double.MAX_VALUE : width);
            view.setPrefWidth(width <= 0 ? USE_COMPUTED_SIZE : width);
        }
    }

    /*
     * Scripts stay off while content loads, so nothing in a story can run. Scrolling is read and set
     * from Java with scripting on for that single call only, after the page has loaded.
     */
    private static double readScroll(WebEngine engine) {
        if (engine.getLoadWorker().getState() != Worker.State.SUCCEEDED) {
            return 0;
        }
        try {
            engine.setJavaScriptEnabled(true);
            Object y = engine.executeScript("window.scrollY");
            return y instanceof Number n ? n.doubleValue() : 0;
        } catch (RuntimeException e) {
            return 0;
        } finally {
            engine.setJavaScriptEnabled(false);
        }
    }

    private static void restoreScroll(WebEngine engine, double y) {
        try {
            engine.setJavaScriptEnabled(true);
            engine.executeScript("window.scrollTo(0," + (int) y + ")");
        } catch (RuntimeException e) {
            // Losing the scroll position is not worth an error.
        } finally {
            engine.setJavaScriptEnabled(false);
        }
    }
}
