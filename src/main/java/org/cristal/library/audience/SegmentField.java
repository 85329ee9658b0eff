package org.cristal.library.audience;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields a segment may test, with the French names a user may type instead (docs/audience.md,
 * "Segments"). Names are compared without regard to case or accents, so {@code Ville} and {@code étiquette}
 * work as typed.
 */
enum SegmentField {
    EMAIL(Kind.EMAIL, "c.email_key", "email", "e-mail", "courriel", "adresse_email"),
    DOMAIN(Kind.DOMAIN, "substr(c.email_key, instr(c.email_key, '@') + 1)", "domain", "domaine"),
    FIRST_NAME(Kind.TEXT, "c.first_name", "first_name", "firstname", "prenom"),
    LAST_NAME(Kind.TEXT, "c.last_name", "last_name", "lastname", "nom"),
    LANG(Kind.LANG, "c.lang", "lang", "language", "langue"),
    STREET(Kind.TEXT, "c.street", "street", "rue", "adresse"),
    POSTCODE(Kind.POSTCODE, "c.postcode", "postcode", "zip", "code_postal", "cp"),
    CITY(Kind.TEXT, "c.city", "city", "ville"),
    COUNTRY(Kind.TEXT, "c.country", "country", "pays"),
    PHONE(Kind.TEXT, "c.phone", "phone", "telephone", "tel"),
    SOURCE(Kind.TEXT, "c.source", "source", "origine"),
    TAG(Kind.TAG, "", "tag", "tags", "etiquette", "etiquettes"),
    JOINED(Kind.DATE, "c.created_at", "joined", "added", "inscription", "ajout"),
    /** {@code field.company}: one of the contact's free fields; the key follows the dot. */
    CUSTOM(Kind.CUSTOM, "", "field", "champ");

    /** How a field is stored, which decides the SQL a comparison becomes and the operators it takes. */
    enum Kind { EMAIL, DOMAIN, TEXT, LANG, POSTCODE, TAG, DATE, CUSTOM }

    /** Words that start a condition other than a field comparison (for suggestions). */
    static final List<String> KEYWORDS = List.of("subscribed", "unsubscribed", "consent", "bounced", "received",
            "inscrit", "desinscrit", "consentement", "rebond", "recu");

    private static final Map<String, SegmentField> BY_NAME = new LinkedHashMap<>();

    static {
        for (SegmentField f : values()) {
            for (String n : f.names) {
                BY_NAME.put(n, f);
            }
        }
    }

    final Kind kind;
    final String column;
    private final List<String> names;

    SegmentField(Kind kind, String column, String... names) {
        this.kind = kind;
        this.column = column;
        this.names = List.of(names);
    }

    /** The English name, as the documentation and the suggestions give it. */
    String canonical() {
        return names.get(0);
    }

    /** Whether the contact's folded search text holds this field, so that it can narrow the rows first. */
    boolean inFoldedText() {
        return this != SOURCE && kind == Kind.TEXT || kind == Kind.POSTCODE;
    }

    static Optional<SegmentField> named(String word) {
        return Optional.ofNullable(BY_NAME.get(Folding.fold(word)));
    }

    /** Every name a user may type at the start of a condition, English first. */
    static List<String> names() {
        List<String> out = new ArrayList<>(BY_NAME.keySet());
        out.addAll(KEYWORDS);
        return Collections.unmodifiableList(out);
    }

    /**
     * The name closest to {@code word} (a typo: "vile" → "ville"), if one is close enough to be what the
     * user meant: at most a third of its letters differ.
     */
    static Optional<String> closest(String word) {
        String w = Folding.fold(word);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String n : names()) {
            int d = distance(w, n);
            if (d < bestDistance) {
                best = n;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(1, w.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    /** The English name of the field or keyword {@code name}, when it is a French one ("ville" → "city"). */
    static String english(String name) {
        SegmentField f = BY_NAME.get(name);
        if (f != null) {
            return f.canonical();
        }
        int i = KEYWORDS.indexOf(name);
        return i >= KEYWORDS.size() / 2 ? KEYWORDS.get(i - KEYWORDS.size() / 2) : name;
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
