package org.cristal.ui.preview;

import atlantafx.base.theme.Styles;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.cristal.story.BrochurePdf;
import org.cristal.story.Rendition;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The brochure's pages, one at a time, rasterised with PDFBox on the background executor at the
 * resolution the current zoom needs. The newest request wins (a counter drops the others), and a new
 * PDF replaces the page on screen only once its image is ready, so typing never flashes a blank page.
 */
public final class BrochurePreview extends BorderPane {
    /** How wide a page is drawn: the area's width, its printed size at 96 px per inch, or half as big again. */
    public enum Zoom { FIT_WIDTH, ACTUAL, LARGE }

    private static final System.Logger LOG = System.getLogger(BrochurePreview.class.getName());
    private static final double PAD = 16;
    private static final float A4_WIDTH_PT = 595;

    private final ResourceBundle text;
    private final Locale locale;
    private final Executor background;
    private final AtomicLong latest = new AtomicLong();
    private final ImageView page = new ImageView();
    private final StackPane sheet = new StackPane(page);
    private final ScrollPane scroll = new ScrollPane(sheet);
    private final Label status;
    private final Label pageLabel = new Label();
    private final Button prev;
    private final Button next;
    private final ObjectProperty<Zoom> zoomLevel = new SimpleObjectProperty<>(this, "zoom", Zoom.FIT_WIDTH);
    private final MenuButton zoom = new MenuButton();
    private final HBox controls;
    private final ReadOnlyIntegerWrapper pageIndex = new ReadOnlyIntegerWrapper(0);
    private final Map<Integer, PdfRaster.Page> cache = new HashMap<>();
    private byte[] pdf;
    private byte[] cachedPdf;
    private PdfRaster.Page shown;
    private int wanted;

    public BrochurePreview(ResourceBundle text, Locale locale, Executor background) {
        this.text = text;
        this.locale = locale;
        this.background = background;
        setId("brochurePreview");
        prev = Widgets.iconButton("brochurePrev", Feather.CHEVRON_LEFT,
                Widgets.format(text, locale, "preview.brochure.prev"));
        next = Widgets.iconButton("brochureNext", Feather.CHEVRON_RIGHT,
                Widgets.format(text, locale, "preview.brochure.next"));
        prev.setOnAction(e -> goTo(wanted - 1));
        next.setOnAction(e -> goTo(wanted + 1));
        prev.setDisable(true);
        next.setDisable(true);
        pageLabel.setId("brochurePage");
        pageLabel.getStyleClass().add(Styles.TEXT_SMALL);
        pageLabel.setMinWidth(Label.USE_PREF_SIZE);
        zoomControl();
        controls = Widgets.controls(prev, pageLabel, next, zoom);

        status = new Label(Widgets.format(text, locale, "preview.loading"));
        status.getStyleClass().add(Styles.TEXT_MUTED);
        page.setPreserveRatio(true);
        page.setSmooth(true);
        page.getStyleClass().add("brochure-page");
        sheet.getStyleClass().add("brochure-sheet");
        sheet.setPadding(new Insets(PAD));
        sheet.getChildren().add(status);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setId("brochureScroll");
        scroll.viewportBoundsProperty().addListener((o, old, now) -> {
            if (old.getWidth() != now.getWidth()) {
                fit();
            }
        });
        setCenter(scroll);
    }

    /**
     * The zoom as an icon with a menu, not a drop-down showing its value: in a quadrant of a
     * 1366-pixel screen a drop-down left no room for the pane's name.
     */
    private void zoomControl() {
        zoom.setId("brochureZoom");
        zoom.setGraphic(new FontIcon(Feather.ZOOM_IN));
        zoom.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL,
                atlantafx.base.theme.Tweaks.NO_ARROW);
        zoom.setMinWidth(MenuButton.USE_PREF_SIZE);
        ToggleGroup group = new ToggleGroup();
        for (Zoom z : Zoom.values()) {
            RadioMenuItem item = new RadioMenuItem(zoomName(z));
            item.setId("brochureZoom" + switch (z) {
                case FIT_WIDTH -> "Fit";
                case ACTUAL -> "Actual";
                case LARGE -> "Large";
            });
            item.setToggleGroup(group);
            item.setUserData(z);
            item.setSelected(z == zoomLevel.get());
            item.setOnAction(e -> zoomLevel.set(z));
            zoom.getItems().add(item);
        }
        String tip = Widgets.format(text, locale, "preview.brochure.zoom");
        zoom.setTooltip(Widgets.tooltip(tip));
        zoom.setAccessibleText(tip);
        zoomLevel.addListener((o, old, now) -> {
            group.getToggles().forEach(t -> t.setSelected(t.getUserData() == now));
            fit();
        });
    }

    private String zoomName(Zoom z) {
        return switch (z) {
            case FIT_WIDTH -> Widgets.format(text, locale, "preview.brochure.zoom.fit");
            case ACTUAL -> Widgets.format(text, locale, "preview.brochure.zoom.actual");
            case LARGE -> Widgets.format(text, locale, "preview.brochure.zoom.large");
        };
    }

    public void show(Rendition<BrochurePdf> rendition) {
        show(rendition.body());
    }

    public void show(BrochurePdf brochure) {
        // The renderers are pure: the same bytes are the same pages, nothing to redo.
        if (pdf != null && Arrays.equals(pdf, brochure.pdf())) {
            return;
        }
        pdf = brochure.pdf();
        if (brochure.pages() > 0) {
            wanted = Math.min(wanted, brochure.pages() - 1);
        }
        request(wanted);
    }

    /** Shows page {@code index} (0-based) of the current brochure. */
    public void goTo(int index) {
        if (shown == null || pdf == null) {
            return;
        }
        wanted = Math.max(0, Math.min(index, shown.count() - 1));
        PdfRaster.Page cached = cachedPdf == pdf ? cache.get(wanted) : null;
        if (cached != null && sharpEnough(cached)) {
            latest.incrementAndGet();
            display(cached);
        } else {
            request(wanted);
        }
    }

    private void request(int index) {
        long id = latest.incrementAndGet();
        byte[] bytes = pdf;
        double px = Math.ceil(neededPixels() / 100) * 100;
        CompletableFuture.supplyAsync(() -> {
            if (id != latest.get()) {
                return null;
            }
            try {
                TypingTrace.mark(TypingTrace.Stage.RASTER_START);
                PdfRaster.Page raster = PdfRaster.render(bytes, index, px);
                TypingTrace.mark(TypingTrace.Stage.RASTER_DONE);
                return raster;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, background).whenComplete((result, error) -> Platform.runLater(() -> {
            if (id != latest.get()) {
                return;
            }
            if (error != null) {
                LOG.log(System.Logger.Level.WARNING, "brochure page could not be rasterised", error);
                failed();
            } else if (result != null) {
                accept(bytes, result);
            }
        }));
    }

    private void accept(byte[] bytes, PdfRaster.Page result) {
        if (cachedPdf != bytes) {
            cache.clear();
            cachedPdf = bytes;
        }
        cache.put(result.index(), result);
        display(result);
    }

    private void display(PdfRaster.Page p) {
        boolean turned = shown == null || shown.index() != p.index();
        shown = p;
        TypingTrace.mark(TypingTrace.Stage.PAGE_SWAPPED);
        wanted = p.index();
        pageIndex.set(p.index());
        page.setImage(p.image());
        status.setVisible(false);
        page.setVisible(true);
        pageLabel.setText(Widgets.format(text, locale, "preview.brochure.page", p.index() + 1, p.count()));
        prev.setDisable(p.index() == 0);
        next.setDisable(p.index() >= p.count() - 1);
        fit();
        if (turned) {
            scroll.setVvalue(0);
        }
    }

    private void failed() {
        shown = null;
        page.setImage(null);
        page.setVisible(false);
        status.setText(Widgets.format(text, locale, "preview.brochure.failed"));
        status.setVisible(true);
        pageLabel.setText("");
        prev.setDisable(true);
        next.setDisable(true);
    }

    /** Sizes the page for the zoom, and asks for a sharper image when the one shown would be blurred. */
    private void fit() {
        page.setFitWidth(displayWidth());
        if (shown != null && pdf != null && !sharpEnough(shown)) {
            request(wanted);
        }
    }

    private boolean sharpEnough(PdfRaster.Page p) {
        double max = p.widthPt() / 72 * PdfRaster.MAX_DPI;
        return p.image().getWidth() >= Math.min(neededPixels(), max) * 0.9;
    }

    private double displayWidth() {
        float widthPt = shown == null ? A4_WIDTH_PT : shown.widthPt();
        return switch (zoomLevel.get() == null ? Zoom.FIT_WIDTH : zoomLevel.get()) {
            // Before the first layout the viewport has no width yet; a typical quadrant's will do.
            case FIT_WIDTH -> scroll.getViewportBounds().getWidth() <= 0 ? 560
                    : Math.max(100, scroll.getViewportBounds().getWidth() - 2 * PAD - 2);
            case ACTUAL -> widthPt / 72.0 * 96;
            case LARGE -> widthPt / 72.0 * 96 * 1.5;
        };
    }

    private double neededPixels() {
        double scale = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getRenderScaleX() : 1;
        return displayWidth() * Math.max(1, scale);
    }

    /** The PDF whose page is on screen (the very array it was given), or null before the first page. */
    public byte[] shownPdf() {
        return shown == null ? null : cachedPdf;
    }

    public ObjectProperty<Zoom> zoomProperty() {
        return zoomLevel;
    }

    /** The page on screen, 0-based. */
    public ReadOnlyIntegerProperty pageIndexProperty() {
        return pageIndex.getReadOnlyProperty();
    }

    /** This preview's own controls; the grid puts them in the quadrant's header. */
    public HBox controls() {
        return controls;
    }
}
