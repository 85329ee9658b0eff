package org.cristal.library.audience;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed segment expression as a tree, and the SQL each part becomes: a condition over {@code contacts c}
 * whose values are all bound parameters (nothing the user typed is pasted into the SQL). Text compares with
 * {@code cristal_fold}, the same folding as the contacts search (lower case, no accents); for fields that
 * the contact's folded search text holds, a cheap {@code instr} on it first skips the rows that cannot
 * match, so the function runs on a few rows only.
 */
sealed interface SegmentCondition {
    /** Appends this condition's SQL to {@code out}. */
    void sql(Out out);

    /** Where the SQL goes, with the values it binds and the moment relative dates count from. */
    final class Out {
        final StringBuilder sql = new StringBuilder();
        final List<Object> params = new ArrayList<>();
        final Instant now;
        final ZoneId zone;

        Out(Instant now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        Out add(String s, Object... values) {
            sql.append(s);
            params.addAll(List.of(values));
            return this;
        }

        long startOf(DateValue d) {
            return d.day(now, zone).atStartOfDay(zone).toInstant().toEpochMilli();
        }

        long endOf(DateValue d) {
            return d.day(now, zone).plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        }
    }

    /** A day: written out (2026-01-31) or counted back from today (30d, 12w, 6m, 1y). */
    record DateValue(LocalDate date, Period ago) {
        LocalDate day(Instant now, ZoneId zone) {
            return date != null ? date : LocalDate.ofInstant(now, zone).minus(ago);
        }
    }

    record All(List<SegmentCondition> parts) implements SegmentCondition {
        @Override
        public void sql(Out out) {
            join(out, parts, " AND ");
        }
    }

    record Any(List<SegmentCondition> parts) implements SegmentCondition {
        @Override
        public void sql(Out out) {
            join(out, parts, " OR ");
        }
    }

    record Not(SegmentCondition part) implements SegmentCondition {
        @Override
        public void sql(Out out) {
            out.add("NOT ");
            part.sql(out);
        }
    }

    /** The current consent for a channel and purpose is a grant ({@code granted}) or a withdrawal. */
    record Consent(ContactChannel channel, Purpose purpose, boolean granted) implements SegmentCondition {
        @Override
        public void sql(Out out) {
            out.add("c.id IN (SELECT contact FROM consent_state WHERE channel = ? AND purpose = ? AND granted = ?)",
                    channel.id(), purpose.id(), granted ? 1 : 0);
        }
    }

    /** The address bounced for good or its owner complained: e-mail gets nothing. */
    record Bounced() implements SegmentCondition {
        @Override
        public void sql(Out out) {
            out.add("c.email_status <> ?", Contact.OK);
        }
    }

    /** A message was sent to the contact: of one of these stories, on one of these channels, in that time. */
    record Received(List<String> stories, List<ContactChannel> channels, DateValue since, DateValue before)
            implements SegmentCondition {
        @Override
        public void sql(Out out) {
            // contact IS NOT NULL: an erased contact's deliveries stay, anonymous; a NULL in the list would
            // make "not received" false for everyone.
            out.add("c.id IN (SELECT contact FROM deliveries WHERE contact IS NOT NULL AND outcome = ?",
                    Delivery.Outcome.SENT.id());
            if (!stories.isEmpty()) {
                out.add(" AND story_id IN (" + marks(stories.size()) + ")", stories.toArray());
            }
            if (!channels.isEmpty()) {
                out.add(" AND channel IN (" + marks(channels.size()) + ")",
                        channels.stream().map(ContactChannel::id).toArray());
            }
            if (since != null) {
                out.add(" AND at >= ?", out.startOf(since));
            }
            if (before != null) {
                out.add(" AND at < ?", out.startOf(before));
            }
            out.add(")");
        }
    }

    /** The field is blank (a contact without tags, without that free field, without a city). */
    record Empty(SegmentField field, String key) implements SegmentCondition {
        @Override
        public void sql(Out out) {
            switch (field.kind) {
                case TAG -> out.add("c.id NOT IN (SELECT contact FROM contact_tags)");
                case CUSTOM -> out.add("c.id NOT IN (SELECT contact FROM contact_fields WHERE key = ? AND value <> '')",
                        key);
                case EMAIL, DOMAIN, DATE -> out.add("0");
                default -> out.add(field.column + " = ''");
            }
        }
    }

    /**
     * {@code field op value}: = and != (any of several values for {@code in}), contains, starts, and the
     * orderings. {@code date} is set for {@link SegmentField#JOINED}, {@code values} otherwise.
     */
    record Compare(SegmentField field, String key, String op, List<String> values, DateValue date)
            implements SegmentCondition {
        @Override
        public void sql(Out out) {
            if (field.kind == SegmentField.Kind.DATE) {
                date(out);
                return;
            }
            if (values.size() > 1) {
                out.add("(");
                for (int i = 0; i < values.size(); i++) {
                    out.add(i == 0 ? "" : " OR ");
                    new Compare(field, key, op, List.of(values.get(i)), null).sql(out);
                }
                out.add(")");
                return;
            }
            String v = values.get(0);
            switch (field.kind) {
                case EMAIL, DOMAIN -> plain(out, field.column, ContactDraft.key(v));
                case POSTCODE -> plain(out, field.column, v);
                case LANG -> lang(out, ContactDraft.key(v));
                case TAG -> tag(out, Folding.fold(v));
                case CUSTOM -> custom(out, v);
                default -> text(out, Folding.fold(v));
            }
        }

        private void date(Out out) {
            switch (op) {
                case "=" -> out.add("(c.created_at >= ? AND c.created_at < ?)", out.startOf(date), out.endOf(date));
                case "!=" -> out.add("(c.created_at < ? OR c.created_at >= ?)", out.startOf(date), out.endOf(date));
                case "<" -> out.add("c.created_at < ?", out.startOf(date));
                case "<=" -> out.add("c.created_at < ?", out.endOf(date));
                case ">" -> out.add("c.created_at >= ?", out.endOf(date));
                default -> out.add("c.created_at >= ?", out.startOf(date));
            }
        }

        /** A column stored as compared (lower-case address, postcode): plain SQL, indexes usable. */
        private void plain(Out out, String column, String v) {
            switch (op) {
                case "contains" -> out.add("instr(" + column + ", ?) > 0", v);
                case "starts" -> out.add("substr(" + column + ", 1, ?) = ?", v.length(), v);
                default -> out.add(column + " " + op + " ?", v);
            }
        }

        /** {@code lang = fr} also finds fr-CA and fr-BE. */
        private void lang(Out out, String v) {
            if (op.equals("=") || op.equals("!=")) {
                out.add(op.equals("=") ? "" : "NOT ").add("(c.lang = ? OR substr(c.lang, 1, ?) = ?)", v,
                        v.length() + 1, v + "-");
            } else {
                plain(out, "c.lang", v);
            }
        }

        /** A text column compared folded: {@code city = senlis} finds "Senlis", {@code ville = orleans} "Orléans". */
        private void text(Out out, String v) {
            if (op.equals("!=")) {
                out.add("NOT ");
                new Compare(field, key, "=", values, null).sql(out);
                return;
            }
            if (v.isEmpty() && op.equals("=")) {
                out.add(field.column + " = ''");
                return;
            }
            if (op.equals("=") && field == SegmentField.CITY) {
                // Through the city index: the distinct spellings that fold to v (Orléans, ORLEANS), then their rows.
                out.add("c.city COLLATE NOCASE IN (SELECT city COLLATE NOCASE FROM contacts GROUP BY city COLLATE "
                        + "NOCASE HAVING cristal_fold(city) = ?)", v);
                return;
            }
            boolean narrow = field.inFoldedText() && !v.isEmpty() && switch (op) {
                case "=", "contains", "starts" -> true;
                default -> false;
            };
            out.add("(");
            if (narrow) {
                out.add("instr(c.folded, ?) > 0 AND ", v);
            }
            folded(out, "cristal_fold(" + field.column + ")", v);
            out.add(")");
        }

        private void folded(Out out, String expr, String v) {
            switch (op) {
                case "contains" -> out.add("instr(" + expr + ", ?) > 0", v);
                case "starts" -> out.add("substr(" + expr + ", 1, ?) = ?", v.codePointCount(0, v.length()), v);
                default -> out.add(expr + " " + op + " ?", v);
            }
        }

        /** Some tag of the contact compares so; {@code tag != x}: no tag of theirs is x. */
        private void tag(Out out, String v) {
            if (op.equals("!=")) {
                out.add("NOT ");
                new Compare(field, key, "=", values, null).sql(out);
                return;
            }
            if (op.equals("=")) {
                // The few distinct tags are folded, not the 200,000 rows; then the index finds their contacts.
                out.add("c.id IN (SELECT contact FROM contact_tags WHERE tag IN (SELECT tag FROM contact_tags "
                        + "GROUP BY tag HAVING cristal_fold(tag) = ?))", v);
                return;
            }
            out.add("c.id IN (SELECT contact FROM contact_tags WHERE ");
            folded(out, "cristal_fold(tag)", v);
            out.add(")");
        }

        private void custom(Out out, String v) {
            if (op.equals("!=")) {
                out.add("NOT ");
                new Compare(field, key, "=", values, null).sql(out);
                return;
            }
            out.add("c.id IN (SELECT contact FROM contact_fields WHERE key = ? AND ", key);
            Double number = number(v);
            if (number != null && op.length() <= 2 && !op.equals("=")) {
                // visits > 3 compares numbers, not the texts "10" and "3".
                out.add("value <> '' AND CAST(value AS REAL) " + op + " ?", number);
            } else {
                folded(out, "cristal_fold(value)", Folding.fold(v));
            }
            out.add(")");
        }
    }

    private static Double number(String v) {
        try {
            return Double.valueOf(v.replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static void join(Out out, List<SegmentCondition> parts, String op) {
        out.add("(");
        for (int i = 0; i < parts.size(); i++) {
            out.add(i == 0 ? "" : op);
            parts.get(i).sql(out);
        }
        out.add(")");
    }
}
