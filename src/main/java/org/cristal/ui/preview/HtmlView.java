package org.cristal.ui.preview;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.concurrent.Worker;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;

/**
 * A rendition's HTML in a WebView, inert and steady while the user types.
 *
 * <ul>
 * <li>JavaScript is off: stories are hostile input and nothing in them may run (the renderers strip
 * scripts and forbid them by CSP; this is the last wall). Our own {@code executeScript} calls still
 * work, which is how the scroll position is read and restored.</li>
 * <li>The WebView is created on the first page, not with the component: the first WebView of a
 * process takes about a second to start WebKit, and the studio must open before that.</li>
 * <li>A page with a fixed width wider than the area is scaled down to fit, never reflowed.</li>
 * <li>The HTML is prepared ({@link PreviewHtml}) on the background executor; only the newest
 * preparation is loaded, an identical page is not reloaded, and the scroll position survives a
 * reload.</li>
 * <li>When only the page's body changed (typing), the nodes that changed are replaced in place
 * ({@link DomPatch}) instead of loading the page again: a keystroke re-lays out a paragraph, not the
 * page with its styles and images.</li>
 * </ul>
 */
final class HtmlView extends StackPane {
    private static final System.Logger LOG = System.getLogger(HtmlView.class.getName());

    private final Executor background;
    private final PreviewHtml preparer = new PreviewHtml();
    private final AtomicLong latest = new AtomicLong();
    private final DoubleProperty pageWidth = new SimpleDoubleProperty(Double.MAX_VALUE);
    private long applied;
    private WebView view;
    private String displayed;
    /** The prepared copy the page on screen was made from, or null when it is not known (loading, blocked). */
    private org.jsoup.nodes.Document displayedDoc;
    /** Where to scroll once the page being loaded is ready: {x, y}, or null. */
    private double[] restore;
    private TypingTrace.Stage preparedStage;
    private TypingTrace.Stage appliedStage;

    HtmlView(String placeholder, Executor background) {
        this.background = background;
        getStyleClass().add("html-view");
        Label waiting = new Label(placeholder);
        waiting.getStyleClass().add("text-muted");
        getChildren().add(waiting);
    }

    /** Which stages of the typing trace this view's preparation and patch are. */
    void trace(TypingTrace.Stage prepared, TypingTrace.Stage applied) {
        preparedStage = prepared;
        appliedStage = applied;
    }

    /** The widest the page may be: {@code Double.MAX_VALUE} to fill the area, or a phone's width (centred). */
    DoubleProperty pageWidthProperty() {
        return pageWidth;
    }

    void show(String html, Map<String, byte[]> files) {
        long generation = latest.incrementAndGet();
        CompletableFuture.supplyAsync(() -> generation == latest.get() ? preparer.prepareDocument(html, files) : null,
                background).whenComplete((prepared, error) -> {
                    if (error != null) {
                        LOG.log(System.Logger.Level.WARNING, "preview HTML could not be prepared", error);
                    } else if (prepared != null) {
                        String page = prepared.outerHtml();
                        mark(preparedStage);
                        Platform.runLater(() -> load(generation, page, prepared));
                    }
                });
    }

    private void load(long generation, String html, org.jsoup.nodes.Document doc) {
        if (generation != latest.get()) {
            return;
        }
        applied = generation;
        if (html.equals(displayed)) {
            return;
        }
        WebEngine engine = view().getEngine();
        if (displayedDoc != null && engine.getLoadWorker().getState() == Worker.State.SUCCEEDED && patched(engine, doc)) {
            displayed = html;
            displayedDoc = doc;
            mark(appliedStage);
            return;
        }
        displayedDoc = doc;
        // While a load is in flight, its target still stands; the half-loaded page has no position yet.
        if (!engine.getLoadWorker().isRunning()) {
            restore = scroll(engine);
        }
        displayed = html;
        engine.loadContent(html);
    }

    private static void mark(TypingTrace.Stage stage) {
        if (stage != null) {
            TypingTrace.mark(stage);
        }
    }

    private boolean patched(WebEngine engine, org.jsoup.nodes.Document doc) {
        try {
            return DomPatch.apply(engine.getDocument(), displayedDoc, doc);
        } catch (RuntimeException e) {
            // A node the live document refused (a strange attribute name …): load the whole page instead.
            LOG.log(System.Logger.Level.DEBUG, "preview patch refused, reloading: " + e);
            return false;
        }
    }

    private WebView view() {
        if (view == null) {
            view = new WebView();
            WebEngine engine = view.getEngine();
            engine.setJavaScriptEnabled(false);
            engine.setCreatePopupHandler(features -> null);
            view.setContextMenuEnabled(false);
            pageWidth.addListener((o, old, now) -> fitPage());
            widthProperty().addListener((o, old, now) -> fitPage());
            fitPage();
            engine.getLoadWorker().stateProperty().addListener((o, old, state) -> onState(engine, state));
            getChildren().setAll(view);
        }
        return view;
    }

    /**
     * A fixed-width page (an email's 600 px, a phone) narrower than the area is centred; wider, it is
     * scaled down to fit, so its layout stays the one readers get instead of reflowing to the quadrant.
     */
    private void fitPage() {
        double page = pageWidth.get();
        double available = getWidth();
        if (page == Double.MAX_VALUE || available <= 0 || available >= page) {
            view.setZoom(1);
            view.setMaxWidth(page);
        } else {
            view.setZoom(available / page);
            view.setMaxWidth(available);
        }
    }

    private void onState(WebEngine engine, Worker.State state) {
        String location = engine.getLocation();
        if (state == Worker.State.SCHEDULED && location != null && !location.isEmpty()
                && !location.equals("about:blank")) {
            // Something tried to navigate away (links have no href in the preview, so this is a
            // surprise): stop it and put the preview back.
            LOG.log(System.Logger.Level.WARNING, "preview navigation blocked: {0}", location);
            engine.getLoadWorker().cancel();
            String html = displayed;
            org.jsoup.nodes.Document doc = displayedDoc;
            displayed = null;
            displayedDoc = null;
            Platform.runLater(() -> load(applied, html, doc));
        } else if (state == Worker.State.SUCCEEDED) {
            mark(appliedStage);
            scrollBack(engine);
        }
    }

    private void scrollBack(WebEngine engine) {
        if (restore != null) {
            double[] to = restore;
            restore = null;
            if (to[0] != 0 || to[1] != 0) {
                engine.executeScript("window.scrollTo(" + (int) to[0] + "," + (int) to[1] + ")");
            }
        }
    }

    private static double[] scroll(WebEngine engine) {
        try {
            Object x = engine.executeScript("window.scrollX");
            Object y = engine.executeScript("window.scrollY");
            return new double[] {((Number) x).doubleValue(), ((Number) y).doubleValue()};
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The HTML the view was last given (prepared), or null before the first page. */
    String displayedHtml() {
        return displayed;
    }

    /** True when the newest page is prepared and fully loaded. */
    boolean isIdle() {
        return view != null && applied == latest.get() && !view.getEngine().getLoadWorker().isRunning();
    }

    /**
     * True when the page on screen has finished loading and its text contains {@code words}: what a
     * reader sees, not what was handed to the view (the typing bench waits on it).
     */
    boolean showsText(String words) {
        if (view == null || view.getEngine().getLoadWorker().isRunning()) {
            return false;
        }
        org.w3c.dom.Document doc = view.getEngine().getDocument();
        return doc != null && doc.getDocumentElement() != null
                && doc.getDocumentElement().getTextContent().contains(words);
    }

    /** The engine, for tests; null before the first page. */
    WebEngine engine() {
        return view == null ? null : view.getEngine();
    }
}
