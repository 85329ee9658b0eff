package org.cristal.render;

import java.util.Locale;
import java.util.Optional;

/**
 * Brochure paper, in millimetres as the reader holds the unfolded sheet: A4 and US Letter for the
 * brochure (portrait), A5 and Half Letter (5.5 × 8.5 in) for the flyer, and A4 or Letter landscape
 * folded in three (the tri-fold, printed on both sides).
 */
public enum PaperSize {
    A4(210, 297), LETTER(215.9, 279.4), A5(148, 210), HALF_LETTER(139.7, 215.9),
    /** A4 landscape rolled in three: panels of 100, 100 and 97 mm, the one folded in narrowest. */
    TRI_FOLD(297, 210),
    /** Letter landscape rolled in three: panels of 3 11/16, 3 11/16 and 3 5/8 in. */
    LETTER_TRI_FOLD(279.4, 215.9);

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

    /** A sheet folded in three panels, printed on both sides. */
    public boolean isTriFold() {
        return this == TRI_FOLD || this == LETTER_TRI_FOLD;
    }

    /** The North American size a print shop there stocks in place of this ISO one (itself if not ISO). */
    public PaperSize northAmerican() {
        return switch (this) {
            case A4 -> LETTER;
            case A5 -> HALF_LETTER;
            case TRI_FOLD -> LETTER_TRI_FOLD;
            default -> this;
        };
    }

    /**
     * A paper as a user writes it in front matter or on the command line, case, spaces, hyphens and
     * underscores ignored: a4, a5, letter, half-letter, tri-fold (A4), letter-tri-fold.
     */
    public static Optional<PaperSize> parse(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "")) {
            case "a4" -> Optional.of(A4);
            case "a5" -> Optional.of(A5);
            case "letter", "usletter" -> Optional.of(LETTER);
            case "halfletter" -> Optional.of(HALF_LETTER);
            case "trifold", "a4trifold" -> Optional.of(TRI_FOLD);
            case "lettertrifold" -> Optional.of(LETTER_TRI_FOLD);
            default -> Optional.empty();
        };
    }
}
