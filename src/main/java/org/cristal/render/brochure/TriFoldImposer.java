package org.cristal.render.brochure;

import java.io.IOException;
import org.apache.pdfbox.multipdf.LayerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * Places panel-sized pages on the two sides of a tri-fold sheet: each source page becomes a form
 * XObject (its fonts and images come along), drawn at its panel's place and clipped to it. The story
 * pages are as wide as the flap; on a wider panel they are centred.
 */
final class TriFoldImposer {
    private static final float PT = 72f / 25.4f;

    private final PDDocument out;
    private final LayerUtility layers;
    private final Sheet sheet;
    private final TriFold fold;

    TriFoldImposer(PDDocument out, Sheet sheet, TriFold fold) {
        this.out = out;
        this.layers = new LayerUtility(out);
        this.sheet = sheet;
        this.fold = fold;
    }

    /**
     * Sources must have been saved and read back: openhtmltopdf's fonts are subset only on saving, and a
     * form copied before that would carry an empty font program.
     */
    void impose(PDDocument cover, PDDocument back, PDDocument story) throws IOException {
        PDPage outside = newSide();
        try (PDPageContentStream cs = new PDPageContentStream(out, outside)) {
            double[] x = fold.outside();
            place(cs, story, TriFoldBrochure.STORY_PANELS - 1, x[0], fold.flapMm());
            place(cs, back, 0, x[1], fold.wideMm());
            place(cs, cover, 0, x[2], fold.wideMm());
        }
        PDPage inside = newSide();
        try (PDPageContentStream cs = new PDPageContentStream(out, inside)) {
            double[] x = fold.inside();
            place(cs, story, 0, x[0], fold.wideMm());
            place(cs, story, 1, x[1], fold.wideMm());
            place(cs, story, 2, x[2], fold.flapMm());
        }
        if (sheet.printReady()) {
            PrintMarks.apply(out, sheet);
            PrintMarks.folds(out, outside, sheet, new double[] {fold.outside()[1], fold.outside()[2]});
            PrintMarks.folds(out, inside, sheet, new double[] {fold.inside()[1], fold.inside()[2]});
        }
    }

    private PDPage newSide() {
        PDPage page = new PDPage(new PDRectangle((float) sheet.mediaWidthMm() * PT, (float) sheet.mediaHeightMm() * PT));
        out.addPage(page);
        return page;
    }

    private void place(PDPageContentStream cs, PDDocument source, int index, double xMm, double panelMm)
            throws IOException {
        if (index >= source.getNumberOfPages()) {
            return;
        }
        PDFormXObject form = layers.importPageAsForm(source, index);
        double sourceMm = source.getPage(index).getMediaBox().getWidth() / PT;
        double left = sheet.bleedMm() + xMm;
        double bottom = sheet.bleedMm();
        cs.saveGraphicsState();
        cs.addRect((float) left * PT, (float) bottom * PT, (float) panelMm * PT, (float) fold.heightMm() * PT);
        cs.clip();
        cs.transform(Matrix.getTranslateInstance((float) (left + (panelMm - sourceMm) / 2) * PT, (float) bottom * PT));
        cs.drawForm(form);
        cs.restoreGraphicsState();
    }
}
