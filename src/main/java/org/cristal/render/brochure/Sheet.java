package org.cristal.render.brochure;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cristal.render.PaperSize;
import org.cristal.render.RenderOptions;
import org.cristal.story.Brand;
import org.cristal.story.Channel;
import org.cristal.story.Finding;
import org.cristal.story.Severity;
import org.cristal.story.Story;

/**
 * The sheet a brochure is laid out on: the trimmed paper, plus the bleed a print shop cuts away when the
 * brochure is print-ready. Everything on the page is placed relative to the trim, so the same story gives
 * the same layout with or without bleed.
 *
 * @param paper   the trimmed size the reader holds
 * @param bleedMm extra paper on every side, 0 for the screen
 */
record Sheet(PaperSize paper, double bleedMm) {
    /** Print shops ask for 3 mm on every side. */
    static final double BLEED_MM = 3;

    /** "…, Portland, ME 04101, USA", "…, Toronto, ON M5V 2T6, Canada". */
    private static final Pattern NORTH_AMERICA = Pattern.compile(
            "(?i)(\\b(usa|u\\.s\\.a\\.?|united states( of america)?|canada)\\W*$)"
                    + "|(\\b[A-Z]{2}\\s+\\d{5}(-\\d{4})?\\W*$)|(\\b[A-Z]{2}\\s+[A-Z]\\d[A-Z]\\s?\\d[A-Z]\\d\\W*$)");

    /**
     * The sheet for a render. The story's own choice comes first: {@code channels.brochure.paper} names
     * the exact paper ({@code a4}, {@code a5}, {@code letter}, {@code half-letter}, {@code tri-fold},
     * {@code letter-tri-fold}), {@code channels.brochure.layout} a layout ({@code page}, {@code flyer},
     * {@code tri-fold}) whose paper follows the brand's country. Otherwise the options' paper. A brand based
     * in the United States or Canada gets the North American size for the ISO one (print shops there do not
     * stock A4), with a note saying so, unless the paper was chosen exactly.
     */
    static Sheet of(RenderOptions options, Brand brand, Story story, List<Finding> findings) {
        PaperSize paper = options.paper();
        boolean exact = options.exactPaper();
        Optional<String> storyPaper = story.override("brochure", "paper");
        Optional<String> storyLayout = story.override("brochure", "layout");
        if (storyPaper.isPresent()) {
            Optional<PaperSize> p = PaperSize.parse(storyPaper.get());
            if (p.isPresent()) {
                paper = p.get();
                exact = true;
            } else {
                findings.add(Finding.of(Severity.WARNING, Channel.BROCHURE, "brochure.paper.unknown", 0,
                        storyPaper.get().strip(), "paper"));
            }
        } else if (storyLayout.isPresent()) {
            Optional<PaperSize> p = layout(storyLayout.get());
            if (p.isPresent()) {
                paper = p.get();
                exact = false;
            } else {
                findings.add(Finding.of(Severity.WARNING, Channel.BROCHURE, "brochure.paper.unknown", 0,
                        storyLayout.get().strip(), "layout"));
            }
        }
        if (!exact && northAmerican(brand) && paper.northAmerican() != paper) {
            findings.add(Finding.of(Severity.INFO, Channel.BROCHURE, "brochure.paper.northAmerican", 0,
                    name(paper.northAmerican()), name(paper)));
            paper = paper.northAmerican();
        }
        return new Sheet(paper, options.printReady() ? BLEED_MM : 0);
    }

    private static Optional<PaperSize> layout(String name) {
        return switch (key(name)) {
            case "page", "brochure", "a4" -> Optional.of(PaperSize.A4);
            case "flyer", "a5" -> Optional.of(PaperSize.A5);
            case "trifold" -> Optional.of(PaperSize.TRI_FOLD);
            default -> Optional.empty();
        };
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
    }

    static boolean northAmerican(Brand brand) {
        String address = brand.contact().address().strip();
        return !address.isEmpty() && NORTH_AMERICA.matcher(address).find();
    }

    private static String name(PaperSize paper) {
        return switch (paper) {
            case A4 -> "A4";
            case A5 -> "A5";
            case LETTER -> "Letter";
            case HALF_LETTER -> "Half Letter";
            case TRI_FOLD -> "A4 tri-fold";
            case LETTER_TRI_FOLD -> "Letter tri-fold";
        };
    }

    double mediaWidthMm() {
        return paper.widthMm() + 2 * bleedMm;
    }

    double mediaHeightMm() {
        return paper.heightMm() + 2 * bleedMm;
    }

    boolean printReady() {
        return bleedMm > 0;
    }

    /** Left and right margins from the trim: narrower on a flyer, whose column would be too thin otherwise. */
    double sideMarginMm() {
        return paper.isFlyer() ? 12 : paper.isTriFold() ? TriFold.SIDE_MARGIN_MM : 20;
    }

    /** The widest an image prints: the text column, or on a tri-fold the cover panel's. */
    double columnWidthMm() {
        return paper.isTriFold() ? TriFold.of(paper).wideMm() - 2 * sideMarginMm() : paper.widthMm() - 2 * sideMarginMm();
    }

    String key() {
        return paper.name() + (printReady() ? "+bleed" : "");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %.1f×%.1f mm", key(), mediaWidthMm(), mediaHeightMm());
    }
}
