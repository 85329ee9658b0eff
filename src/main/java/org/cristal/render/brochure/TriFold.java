package org.cristal.render.brochure;

import org.cristal.render.PaperSize;

/**
 * The panels of a roll-folded (letter-fold) sheet, in millimetres from the trim's left edge. Looking at
 * the outside, left to right: the flap that folds in, the back, the cover; on the inside: the panel
 * behind the cover, the middle, and the back of the flap. The flap folds in first, so it is the
 * narrowest (3 mm on A4, 1/16 in on Letter): a panel as wide as the others would buckle in the fold.
 *
 * @param wideMm cover, back and the two inside panels
 * @param flapMm the fold-in panel, on both sides of the sheet
 */
record TriFold(double wideMm, double flapMm, double heightMm) {
    /** Inner margin of every panel: text stays clear of the folds. */
    static final double SIDE_MARGIN_MM = 8;

    static TriFold of(PaperSize paper) {
        return switch (paper) {
            case LETTER_TRI_FOLD -> new TriFold(3.6875 * 25.4, 3.625 * 25.4, paper.heightMm());
            default -> new TriFold(100, 97, PaperSize.TRI_FOLD.heightMm());
        };
    }

    /** Left edges on the outside: flap, back, cover. */
    double[] outside() {
        return new double[] {0, flapMm, flapMm + wideMm};
    }

    /** Left edges on the inside: first, middle, and the flap's back. */
    double[] inside() {
        return new double[] {0, wideMm, 2 * wideMm};
    }

    /** Story panels are all laid out at the flap's width, so a page moves to any panel unchanged. */
    double storyMm() {
        return flapMm;
    }
}
