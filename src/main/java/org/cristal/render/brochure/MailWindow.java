package org.cristal.render.brochure;

import java.util.Locale;
import java.util.Optional;
import org.cristal.story.Brand;

/**
 * Where the envelope's window is, for a personalised brochure's address block: on the left (DIN 5008 and
 * the DL/C5/C6 windows of ISO 269, usual in Germany, Switzerland, the UK and most of Europe) or on the
 * right (the French habit: La Poste's DL envelope with its window 20 mm from the right edge).
 */
public enum MailWindow {
    LEFT, RIGHT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MailWindow> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "left", "gauche" -> Optional.of(LEFT);
            case "right", "droite" -> Optional.of(RIGHT);
            default -> Optional.empty();
        };
    }

    /** A brand whose postal address is in France (or Monaco) gets the right-hand window; anyone else the left. */
    public static MailWindow forBrand(Brand brand) {
        String address = brand == null ? "" : brand.contact().address().toLowerCase(Locale.ROOT);
        return address.matches("(?s).*\\b(france|monaco)\\W*$") ? RIGHT : LEFT;
    }
}
