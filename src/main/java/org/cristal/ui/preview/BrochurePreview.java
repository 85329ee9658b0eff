package org.cristal.ui.preview;

import java.awt.image.BufferedImage;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.cristal.story.BrochurePdf;
import org.cristal.story.Rendition;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The brochure's pages as the printer will get them, rasterised by PDFBox off the UI thread. A new
 * PDF replaces the pages only once it is ready, and a render overtaken by a newer one is dropped.
 */
final class BrochurePreview {
    private static final float DPI = 110;
    final ImageView page = new ImageView();
    final Label pageLabel = new Label();
    final Button prev = new Button(null, new FontIcon(Feather.CHEVRON_LEFT));
    final Button next = new Button(null, new FontIcon(Feather.CHEVRON_RIGHT));
    final ComboBox<String> zoom = new ComboBox<>();
    final Pane pane;
    private final ResourceBundle text;
    private final Locale locale;
    private final Executor background;
    private final AtomicLong generation = new AtomicLong();
    private final ScrollPane scroll;
    private List<Image> pages = List.of();
    private int index;

    BrochurePreview(ResourceBundle text, Locale locale, Executor background) {
        this.text = text;
        this.locale = locale;
        this.background = background;
        page.setPreserveRatio(true);
        page.setSmooth(true);
        page.setId("brochurePageImage");
        StackPane holder = new StackPane(page);
        holder.setAlignment(Pos.TOP_CENTER);
        holder.getStyleClass().add("brochure-desk");
        scroll = new ScrollPane(holder);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        prev.setId("brochurePrev");
        next.setId("brochureNext");
        tip(prev, text.getString("preview.prevPage"));
        tip(next, text.getString("preview.nextPage"));
        prev.setOnAction(e -> go(index - 1));
        next.setOnAction(e -> go(index + 1));
        pageLabel.setId("brochurePage");
        zoom.setId("brochureZoom");
        zoom.getItems().addAll(text.getString("preview.zoomFit"), "100 %", "150 %");
        zoom.setValue(zoom.getItems().get(0));
        zoom.valueProperty().addListener((o, a, b) -> fit());
        scroll.viewportBoundsProperty().addListener((o, a, b) -> fit());
        pane = new Pane("brochurePreview", Feather.BOOK_OPEN, text.getString("channel.brochure"),
                text.getString("preview.maximise"), scroll);
        pane.controls.getChildren().addAll(prev, pageLabel, next, zoom);
        update();
    }

    private static void tip(Button b, String tip) {
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        b.getStyleClass().addAll("button-icon", "flat");
    }

    void show(Rendition<BrochurePdf> brochure) {
        long gen = generation.incrementAndGet();
        byte[] pdf = brochure.body().pdf();
        background.execute(() -> {
            if (gen != generation.get()) {
                return;
            }
            List<Image> images = new ArrayList<>();
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                PDFRenderer renderer = new PDFRenderer(doc);
                for (int i = 0; i < doc.getNumberOfPages() && gen == generation.get(); i++) {
                    images.add(toFx(renderer.renderImageWithDPI(i, DPI, ImageType.RGB)));
                }
            } catch (java.io.IOException | RuntimeException e) {
                System.getLogger(BrochurePreview.class.getName()).log(System.Logger.Level.WARNING,
                        "brochure preview failed", e);
                return;
            }
            Platform.runLater(() -> {
                if (gen == generation.get()) {
                    pages = images;
                    go(Math.min(index, images.size() - 1));
                }
            });
        });
    }

    /** PDFBox draws into AWT images; the pixels are copied over as they are (no javafx-swing needed). */
    private static Image toFx(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        WritableImage out = new WritableImage(w, h);
        out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return out;
    }

    private void go(int i) {
        if (pages.isEmpty()) {
            index = 0;
        } else {
            index = Math.max(0, Math.min(i, pages.size() - 1));
            page.setImage(pages.get(index));
        }
        update();
        fit();
    }

    private void update() {
        pageLabel.setText(new MessageFormat(text.getString("preview.page"), locale)
                .format(new Object[] {pages.isEmpty() ? 0 : index + 1, pages.size()}));
        prev.setDisable(index <= 0);
        next.setDisable(index >= pages.size() - 1);
    }

    private void fit() {
        Image img = page.getImage();
        if (img == null) {
            return;
        }
        int z = zoom.getSelectionModel().getSelectedIndex();
        double natural = img.getWidth() * 72 / DPI * 96 / 72;
        double width = switch (z) {
            case 1 -> natural;
            case 2 -> natural * 1.5;
            default -> Math.max(100, scroll.getViewportBounds().getWidth() - 16);
        };
        page.setFitWidth(width);
    }

    int pageCount() {
        return pages.size();
    }
}
