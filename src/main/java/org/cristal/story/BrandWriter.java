package org.cristal.story;

import java.util.Map;

/**
 * Writes a brand kit as YAML in the layout of the corpus's {@code brands/} files, so that
 * {@code BrandParser.parse(write(b))} gives {@code b} back. The output is stable (same brand, same
 * text: fields in a fixed order, maps in their own order) and readable: one field per line, empty
 * fields left out, colours and fonts always written.
 *
 * <p>Every value is a YAML double-quoted scalar. That is the one YAML style in which any text is
 * safe — quotes, colons, {@code #}, a leading {@code -}, {@code null} or {@code yes} — as long as
 * what YAML would fold or refuse (line breaks, control characters, lone surrogates) is escaped.
 */
public final class BrandWriter {
    private BrandWriter() {
    }

    public static String write(Brand b) {
        StringBuilder out = new StringBuilder();
        out.append("id: ").append(quote(b.id())).append('\n');
        field(out, "", "name", b.name());
        field(out, "", "tagline", b.tagline());
        field(out, "", "website", b.website());
        field(out, "", "logo", b.logo());
        out.append("colors:\n");
        field(out, "  ", "primary", b.colors().primary());
        field(out, "  ", "secondary", b.colors().secondary());
        field(out, "  ", "accent", b.colors().accent());
        field(out, "  ", "text", b.colors().text());
        field(out, "  ", "background", b.colors().background());
        out.append("fonts:\n");
        field(out, "  ", "heading", b.fonts().heading());
        field(out, "  ", "body", b.fonts().body());
        Brand.Voice v = b.voice();
        if (!v.tone().isEmpty() || !v.banned().isEmpty() || !v.preferred().isEmpty()) {
            out.append("voice:\n");
            field(out, "  ", "tone", v.tone());
            if (!v.banned().isEmpty()) {
                out.append("  banned:\n");
                v.banned().forEach(w -> out.append("    - ").append(quote(w)).append('\n'));
            }
            map(out, "  ", "preferred", v.preferred());
        }
        Brand.Contact c = b.contact();
        if (!c.address().isEmpty() || !c.email().isEmpty() || !c.phone().isEmpty()) {
            out.append("contact:\n");
            field(out, "  ", "address", c.address());
            field(out, "  ", "email", c.email());
            field(out, "  ", "phone", c.phone());
        }
        map(out, "", "social", b.social());
        map(out, "", "utm", b.utm());
        return out.toString();
    }

    private static void field(StringBuilder out, String indent, String key, String value) {
        if (!value.isEmpty()) {
            out.append(indent).append(key).append(": ").append(quote(value)).append('\n');
        }
    }

    private static void map(StringBuilder out, String indent, String key, Map<String, String> values) {
        if (values.isEmpty()) {
            return;
        }
        out.append(indent).append(key).append(":\n");
        values.forEach((k, v) -> out.append(indent).append("  ").append(key(k)).append(": ").append(quote(v))
                .append('\n'));
    }

    /** Plain when it is a simple word (most social networks and UTM names), quoted otherwise. */
    private static String key(String k) {
        return k.matches("[a-z][a-z0-9_]*") && !RESERVED.contains(k) ? k : quote(k);
    }

    // Words a YAML 1.1 reader could take for a boolean or null; quoted so no reader has to guess.
    private static final java.util.Set<String> RESERVED = java.util.Set.of("y", "n", "yes", "no", "on", "off",
            "true", "false", "null");

    /** A YAML double-quoted scalar holding exactly {@code value}. */
    static String quote(String value) {
        StringBuilder q = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                case '\r' -> q.append("\\r");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        q.append(c).append(value.charAt(++i));
                    } else if (needsEscape(c)) {
                        q.append(String.format("\\u%04X", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }

    /**
     * Characters YAML refuses in a stream (C0/C1 controls, DEL, U+FFFE/U+FFFF, lone surrogates) or
     * would fold into a space inside a quoted scalar (NEL, LINE and PARAGRAPH SEPARATOR), and the
     * byte-order mark, which some readers drop.
     */
    private static boolean needsEscape(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
                || c == '\uFFFE' || c == '\uFFFF' || Character.isSurrogate(c);
    }
}
