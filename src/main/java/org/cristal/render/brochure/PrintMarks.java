package org.cristal.render.brochure;

import java.io.IOException;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * What a print shop needs on each page of a print-ready brochure: the trim box (the finished size), the
 * bleed box (the whole sheet: trim plus bleed on every side) and crop marks at the four corners, drawn in
 * the bleed outside the trim so the guillotine cuts them away.
 */
final class PrintMarks {
    private static final float POINTS_PER_MM = 72f / 25.4f;
    /** Marks stop this far from the trim, so a cut slightly inside the line never shows one. */
    static final float GAP_MM = 1;
    /** Hairline, as print shops draw them. */
    private static final float LINE_WIDTH = 0.25f;

    private PrintMarks() {
    }

    static void apply(PDDocument pdf, Sheet sheet) throws IOException {
        float bleed = (float) sheet.bleedMm() * POINTS_PER_MM;
        float gap = GAP_MM * POINTS_PER_MM;
        for (PDPage page : pdf.getPages()) {
            PDRectangle media = page.getMediaBox();
            PDRectangle trim = new PDRectangle(media.getLowerLeftX() + bleed, media.getLowerLeftY() + bleed,
                    media.getWidth() - 2 * bleed, media.getHeight() - 2 * bleed);
            page.setBleedBox(media);
            page.setTrimBox(trim);
            page.setCropBox(media);
            try (PDPageContentStream cs = new PDPageContentStream(pdf, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                // Not part of the document's content: screen readers and PDF/UA skip artifacts.
                cs.beginMarkedContent(COSName.ARTIFACT);
                cs.setStrokingColor(0f, 0f, 0f);
                cs.setLineWidth(LINE_WIDTH);
                float left = media.getLowerLeftX();
                float bottom = media.getLowerLeftY();
                float right = media.getUpperRightX();
                float top = media.getUpperRightY();
                for (float x : new float[] {trim.getLowerLeftX(), trim.getUpperRightX()}) {
                    line(cs, x, bottom, x, trim.getLowerLeftY() - gap);
                    line(cs, x, trim.getUpperRightY() + gap, x, top);
                }
                for (float y : new float[] {trim.getLowerLeftY(), trim.getUpperRightY()}) {
                    line(cs, left, y, trim.getLowerLeftX() - gap, y);
                    line(cs, trim.getUpperRightX() + gap, y, right, y);
                }
                cs.endMarkedContent();
            }
        }
    }

    private static void line(PDPageContentStream cs, float x1, float y1, float x2, float y2) throws IOException {
        cs.moveTo(x1, y1);
        cs.lineTo(x2, y2);
        cs.stroke();
    }

    /**
     * Fold marks: short dashed lines in the bleed above and below each fold, at the given distances from
     * the trim's left edge, so the finisher can set the folding machine.
     */
    static void folds(PDDocument pdf, PDPage page, Sheet sheet, double[] foldsMm) throws IOException {
        float bleed = (float) sheet.bleedMm() * POINTS_PER_MM;
        float gap = GAP_MM * POINTS_PER_MM;
        PDRectangle media = page.getMediaBox();
        try (PDPageContentStream cs = new PDPageContentStream(pdf, page, PDPageContentStream.AppendMode.APPEND,
                true, true)) {
            cs.beginMarkedContent(COSName.ARTIFACT);
            cs.setStrokingColor(0f, 0f, 0f);
            cs.setLineWidth(LINE_WIDTH);
            cs.setLineDashPattern(new float[] {1.5f, 1f}, 0);
            for (double fold : foldsMm) {
                float x = media.getLowerLeftX() + bleed + (float) fold * POINTS_PER_MM;
                line(cs, x, media.getLowerLeftY(), x, media.getLowerLeftY() + bleed - gap);
                line(cs, x, media.getUpperRightY() - bleed + gap, x, media.getUpperRightY());
            }
            cs.endMarkedContent();
        }
    }
}
