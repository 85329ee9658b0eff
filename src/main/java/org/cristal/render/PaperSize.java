package org.cristal.render;

/**
 * Brochure paper, in millimetres (portrait): A4 and US Letter for the brochure, A5 and Half Letter
 * (5.5 × 8.5 in) for the flyer.
 */
public enum PaperSize {
    A4(210, 297), LETTER(215.9, 279.4), A5(148, 210), HALF_LETTER(139.7, 215.9);

    private final double widthMm;
    private final double heightMm;

    PaperSize(double widthMm, double heightMm) {
        this.widthMm = widthMm;
        this.heightMm = heightMm;
    }

    public double widthMm() {
        return widthMm;
    }

    public double heightMm() {
        return heightMm;
    }

    /** A5 and Half Letter: a flyer, laid out with narrower margins and smaller headings. */
    public boolean isFlyer() {
        return this == A5 || this == HALF_LETTER;
    }

    /** The North American size a print shop there stocks in place of this ISO one (itself if not ISO). */
    public PaperSize northAmerican() {
        return switch (this) {
            case A4 -> LETTER;
            case A5 -> HALF_LETTER;
            default -> this;
        };
    }
}
