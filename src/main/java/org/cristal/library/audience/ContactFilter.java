package org.cristal.library.audience;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The contacts screen's filters, as a condition over contacts: a tag, where the person stands for e-mail
 * marketing, a language, a city. A blank value does not filter.
 */
public record ContactFilter(String tag, Standing standing, String lang, String city) {
    /** Where a person stands for the newsletter (e-mail, marketing), or whether their address bounced. */
    public enum Standing {
        ANY, SUBSCRIBED, UNSUBSCRIBED, NO_CONSENT, BOUNCED
    }

    public static final ContactFilter NONE = new ContactFilter("", Standing.ANY, "", "");

    public ContactFilter {
        tag = tag == null ? "" : tag.strip();
        standing = Objects.requireNonNullElse(standing, Standing.ANY);
        lang = lang == null ? "" : lang.strip();
        city = city == null ? "" : city.strip();
    }

    public boolean isNone() {
        return equals(NONE);
    }

    /** The condition, ANDed onto {@code base} (a segment, or {@link Sql#ALL}). */
    public Sql toSql(Sql base) {
        StringBuilder where = new StringBuilder("(").append(base.where()).append(")");
        List<Object> params = new ArrayList<>(base.params());
        if (!tag.isEmpty()) {
            where.append(" AND EXISTS (SELECT 1 FROM contact_tags t WHERE t.contact = c.id AND t.tag = ?)");
            params.add(tag);
        }
        String newsletter = "SELECT 1 FROM consent_state s WHERE s.contact = c.id AND s.channel = 'email' "
                + "AND s.purpose = 'marketing'";
        switch (standing) {
            case SUBSCRIBED -> where.append(" AND EXISTS (").append(newsletter).append(" AND s.granted = 1)");
            case UNSUBSCRIBED -> where.append(" AND EXISTS (").append(newsletter).append(" AND s.granted = 0)");
            case NO_CONSENT -> where.append(" AND NOT EXISTS (").append(newsletter).append(")");
            case BOUNCED -> where.append(" AND c.email_status <> 'ok'");
            default -> { }
        }
        if (!lang.isEmpty()) {
            where.append(" AND c.lang = ? COLLATE NOCASE");
            params.add(lang);
        }
        if (!city.isEmpty()) {
            where.append(" AND c.city = ? COLLATE NOCASE");
            params.add(city);
        }
        return new Sql(where.toString(), params);
    }
}
