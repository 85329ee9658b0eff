package org.cristal.render.social;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cristal.render.social.LocalPost.Action;

/**
 * Google's button for a story's call to action, read from its label in French or English: "Réserver" is
 * BOOK, "Commander" ORDER … The word that comes first in the label wins ("Appeler pour réserver" calls).
 */
final class CtaActions {
    // Labels are compared without accents, in lower case, with ’ as '.
    private static final Pattern BOOK = Pattern.compile("\\b(reserv|book|rendez-vous|rdv\\b|appointment)");
    private static final Pattern ORDER = Pattern.compile("\\b(command|order)");
    private static final Pattern SHOP = Pattern.compile("\\b(achet|boutique|shop|buy\\b)");
    private static final Pattern SIGN_UP = Pattern.compile("(\\binscri|\\bsign[ -]?up\\b|\\bregister)");
    private static final Pattern CALL = Pattern.compile("\\b(appel|telephon|call\\b)");
    private static final Pattern LEARN_MORE = Pattern.compile(
            "(savoir plus|learn more|read more|lire la suite|\\bdecouvr|\\bdiscover|\\ben savoir)");

    private CtaActions() {
    }

    /** The button a label asks for, or empty when no known word is in it. */
    static Optional<Action> fromLabel(String label) {
        String l = plain(label);
        Action best = null;
        int at = Integer.MAX_VALUE;
        Object[][] rules = {{BOOK, Action.BOOK}, {ORDER, Action.ORDER}, {SHOP, Action.SHOP},
            {SIGN_UP, Action.SIGN_UP}, {CALL, Action.CALL}, {LEARN_MORE, Action.LEARN_MORE}};
        for (Object[] rule : rules) {
            Matcher m = ((Pattern) rule[0]).matcher(l);
            if (m.find() && m.start() < at) {
                at = m.start();
                best = (Action) rule[1];
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code channels.google.action} as written ("book", "Learn more", "sign-up"), or empty when unknown. */
    static Optional<Action> fromName(String name) {
        String n = plain(name).replaceAll("[\\s-]+", "_").toUpperCase(Locale.ROOT);
        for (Action a : Action.values()) {
            if (a != Action.NONE && a.name().equals(n)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    private static String plain(String s) {
        String n = Normalizer.normalize(s.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return n.replace('\u2019', '\'').toLowerCase(Locale.ROOT);
    }
}
