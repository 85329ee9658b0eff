package org.cristal.render.brochure;

import org.cristal.render.PaperSize;

/**
 * Where the personal parts of a mailed brochure go, in millimetres from the top-left corner of the trimmed
 * page (the first page of an A4/A5 brochure, or the outside of a tri-fold). The positions and their sources
 * are in ADR 0032:
 * <ul>
 * <li>A4, window on the left: DIN 5008 form B's address field, 20 mm from the left and 45 mm from the top,
 *     85 × 45 mm (a C5/6 or DL envelope's window, 90 × 45 mm at 20 mm from the left and 15 mm from the
 *     bottom, shows it once the sheet is folded in three);</li>
 * <li>A4, window on the right: La Poste's DL envelope (220 × 110 mm) has its 100 × 45 mm window 20 mm from
 *     the right edge and 15 mm from the bottom, that is 95 to 195 mm from the left of a centred A4 and 50 to
 *     95 mm from its top; the block keeps 5 mm inside it;</li>
 * <li>A5 folded once into a C6 window envelope (162 × 114 mm, window 90 × 45 at 20 mm from the side and 15 mm
 *     from the bottom): 56 to 94 mm from the top, on the left or the right;</li>
 * <li>Letter: the #10 envelope's window (4½ × 1⅛ in, ⅞ in from the left, ½ in from the bottom): 64 mm from
 *     the top, 12 mm from the left (the United States have no right-hand window);</li>
 * <li>tri-fold: the outside middle panel is the mailing panel of a self-mailer, read in landscape like a DL
 *     envelope (the piece turned a quarter to the right): sender top left, stamp top right, the address
 *     in the lower right, the QR code lower left. Everything there is drawn rotated a quarter turn.</li>
 * </ul>
 *
 * @param address  the address block (x, y, width, height)
 * @param qr       the personal QR code's square (x, y, side), with its caption under it
 * @param zoneMm   how far down the page the layout leaves room for them (A4/A5: from the top of the trim)
 * @param panelMm  the tri-fold's mailing panel's left edge and width, or 0 for a page
 */
record MailLayout(double[] address, double[] qr, double zoneMm, double[] panelMm) {
    static MailLayout of(PaperSize paper, MailWindow window) {
        boolean left = window == MailWindow.LEFT;
        return switch (paper) {
            case A4 -> left ? new MailLayout(new double[] {20, 45, 85, 45}, new double[] {160, 45, 28}, 97, null)
                    : new MailLayout(new double[] {100, 52, 90, 40}, new double[] {20, 45, 28}, 97, null);
            case A5, HALF_LETTER -> left
                    ? new MailLayout(new double[] {18, 56, 80, 38}, new double[] {112, 56, 24}, 100, null)
                    : new MailLayout(new double[] {50, 56, 80, 38}, new double[] {12, 56, 24}, 100, null);
            case LETTER -> new MailLayout(new double[] {12, 64, 108, 27}, new double[] {165, 50, 28}, 97, null);
            case TRI_FOLD, LETTER_TRI_FOLD -> {
                TriFold fold = TriFold.of(paper);
                yield new MailLayout(null, null, 0, new double[] {fold.outside()[1], fold.wideMm()});
            }
        };
    }

    boolean triFold() {
        return panelMm != null;
    }
}
