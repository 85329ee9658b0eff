package org.cristal.library.audience;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A segment's rule, as the user writes it: {@code tag = clients and city = Senlis and joined >= 2026-01-01}.
 * Read once ({@link #parse}, which says where and why a rule does not read), then turned into a condition
 * over the contacts ({@link #toSql}) wherever an {@link Sql} is taken: a count, the contacts list, an export,
 * the reach of a send.
 *
 * <pre>
 * expression  := or
 * or          := and { ("or" | "ou") and }
 * and         := not { ("and" | "et") not }
 * not         := ("not" | "non") not | "(" or ")" | condition
 * condition   := FIELD OP VALUE | FIELD ["not"] ("in" | "dans") "(" VALUE {"," VALUE} ")"
 *              | FIELD ("is" | "est") ["not"] ("empty" | "vide")
 *              | ("subscribed" | "inscrit") [CHANNEL [PURPOSE]]     -- current grant (e-mail, marketing)
 *              | ("unsubscribed" | "désinscrit") [CHANNEL [PURPOSE]] -- current withdrawal
 *              | ("consent" | "consentement") CHANNEL [PURPOSE]
 *              | "bounced" | "rebond"
 *              | ("received" | "reçu") { "story" (= ID | in (…)) | "channel" (= CH | in (…)) | "since" DATE | "before" DATE }
 * FIELD       := email | domain | first_name (prénom) | last_name (nom) | lang (langue) | street (rue)
 *              | postcode (code_postal, cp) | city (ville) | country (pays) | phone (téléphone) | source
 *              | tag (étiquette) | joined (inscription) | field.KEY (champ.KEY)
 * OP          := = | != | &lt; | &lt;= | &gt; | &gt;= | contains (contient) | starts (commence [par]) | not contains…
 * VALUE       := bare words (Le Mans) | "quoted" | 'quoted' | « guillemets »
 * DATE        := 2026-01-31 | 31/01/2026 | 30d | 12w | 6m | 1y (days, weeks, months, years ago; j, s, a in French)
 * </pre>
 *
 * Text compares without regard to case or accents ({@code ville = orleans} finds "Orléans"); {@code lang = fr}
 * also finds fr-CA; a free field compared with a number compares numbers.
 */
public final class SegmentExpression {
    /** The field names, English first, for the editor's help and the "unknown field" message. */
    static final List<String> FIELDS = List.of("email", "domain", "first_name", "last_name", "lang", "street",
            "postcode", "city", "country", "phone", "source", "tag", "joined", "field.KEY", "subscribed",
            "unsubscribed", "consent", "bounced", "received");

    private final String text;
    private final SegmentCondition condition;

    private SegmentExpression(String text, SegmentCondition condition) {
        this.text = text;
        this.condition = condition;
    }

    /**
     * Reads {@code text}.
     *
     * @throws SegmentException where the rule does not read and what was expected there
     */
    public static SegmentExpression parse(String text) {
        return new SegmentExpression(text.strip(), SegmentParser.parse(text));
    }

    /** The rule as written. */
    public String text() {
        return text;
    }

    /**
     * The contacts this rule selects, as a condition over {@code contacts c}. Relative dates ({@code 30d}) and
     * days count from {@code now} in {@code zone}.
     */
    public Sql toSql(Instant now, ZoneId zone) {
        SegmentCondition.Out out = new SegmentCondition.Out(now, zone);
        condition.sql(out);
        return new Sql(out.sql.toString(), out.params);
    }

    /** The names a condition may start with, for the editor's help. */
    public static List<String> fieldNames() {
        return FIELDS;
    }

    @Override
    public String toString() {
        return text;
    }
}
