package org.cristal.render;

/** Brochure paper, in millimetres (portrait). */
public enum PaperSize {
    A4(210, 297), LETTER(215.9, 279.4);

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
}
