package org.cristal.ui.brand;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.cristal.render.common.Colours;
import org.cristal.story.Brand;
import org.cristal.story.Severity;
import org.cristal.ui.brand.BrandEditorModel.Field;
import org.cristal.ui.brand.BrandEditorModel.Issue;

/**
 * The brand-kit form's text fields read as a {@link Brand}, leniently, with what is wrong with them as
 * {@link Issue}s; and a brand written back as those fields. Pure: no properties, no workspace.
 */
final class BrandValidation {
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern ARROW = Pattern.compile("\\s*(?:→|->|=>)\\s*");
    private static final Pattern COLON = Pattern.compile("\\s*:\\s*");

    private final Map<Field, String> values;
    private final List<Issue> found;

    private BrandValidation(Map<Field, String> values, List<Issue> found) {
        this.values = values;
        this.found = found;
    }

    /**
     * The brand the fields describe, under {@code id}; an unreadable colour falls back to {@code saved}'s.
     * What is wrong goes to {@code found}.
     */
    static Brand build(Map<Field, String> values, String id, Brand saved, List<Issue> found) {
        return new BrandValidation(values, found).build(id, saved);
    }

    /** WCAG contrast ratio of the text colour on the background colour (1 to 21). */
    static double ratio(Brand.Colors c) {
        return Colours.contrast(Colours.rgb(c.text(), "#000000"), Colours.rgb(c.background(), "#FFFFFF"));
    }

    /** The fields that show {@code b}. */
    static Map<Field, String> fieldsOf(Brand b) {
        Map<Field, String> out = new EnumMap<>(Field.class);
        out.put(Field.NAME, b.name());
        out.put(Field.TAGLINE, b.tagline());
        out.put(Field.WEBSITE, b.website());
        out.put(Field.LOGO, b.logo());
        out.put(Field.PRIMARY, b.colors().primary());
        out.put(Field.SECONDARY, b.colors().secondary());
        out.put(Field.ACCENT, b.colors().accent());
        out.put(Field.TEXT, b.colors().text());
        out.put(Field.BACKGROUND, b.colors().background());
        out.put(Field.HEADING_FONT, b.fonts().heading());
        out.put(Field.BODY_FONT, b.fonts().body());
        out.put(Field.TONE, b.voice().tone());
        out.put(Field.BANNED, String.join("\n", b.voice().banned()));
        out.put(Field.PREFERRED, lines(b.voice().preferred(), " → "));
        out.put(Field.ADDRESS, b.contact().address());
        out.put(Field.EMAIL, b.contact().email());
        out.put(Field.PHONE, b.contact().phone());
        out.put(Field.SOCIAL, lines(b.social(), ": "));
        out.put(Field.UTM, lines(b.utm(), ": "));
        return out;
    }

    private Brand build(String id, Brand saved) {
        String name = text(Field.NAME).strip();
        if (name.isEmpty()) {
            found.add(new Issue(Field.NAME, Severity.ERROR, "brand.error.nameRequired", List.of()));
        }
        String website = text(Field.WEBSITE).strip();
        if (!website.isEmpty() && !isWebAddress(website)) {
            found.add(new Issue(Field.WEBSITE, Severity.ERROR, "brand.error.website", List.of(website)));
        }
        Brand.Colors was = saved.colors();
        Brand.Colors colors = new Brand.Colors(colour(Field.PRIMARY, was.primary()),
                colour(Field.SECONDARY, was.secondary()), colour(Field.ACCENT, was.accent()),
                colour(Field.TEXT, was.text()), colour(Field.BACKGROUND, was.background()));
        double ratio = ratio(colors);
        if (ratio < BrandEditorModel.MIN_CONTRAST) {
            found.add(new Issue(Field.TEXT, Severity.WARNING, "brand.warning.contrast", List.of(ratio,
                    BrandEditorModel.MIN_CONTRAST)));
        }
        String address = text(Field.ADDRESS).strip();
        if (address.isEmpty()) {
            // Commercial email must carry a postal address (CAN-SPAM and its European equivalents).
            found.add(new Issue(Field.ADDRESS, Severity.WARNING, "brand.warning.address", List.of()));
        }
        String email = text(Field.EMAIL).strip();
        if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
            found.add(new Issue(Field.EMAIL, Severity.WARNING, "brand.warning.email", List.of(email)));
        }
        List<String> banned = text(Field.BANNED).lines().map(String::strip).filter(s -> !s.isEmpty()).distinct()
                .toList();
        Brand.Voice voice = new Brand.Voice(text(Field.TONE).strip(), banned,
                pairs(Field.PREFERRED, ARROW, "brand.error.preferredLine"));
        Brand.Contact contact = new Brand.Contact(text(Field.ADDRESS).strip(), email, text(Field.PHONE).strip());
        return new Brand(Objects.requireNonNullElse(id, ""), name, text(Field.TAGLINE).strip(),
                website, text(Field.LOGO).strip(), colors,
                new Brand.Fonts(text(Field.HEADING_FONT).strip(), text(Field.BODY_FONT).strip()), voice, contact,
                pairs(Field.SOCIAL, COLON, "brand.error.pairLine"),
                pairs(Field.UTM, COLON, "brand.error.pairLine"));
    }

    private String text(Field f) {
        return Objects.requireNonNullElse(values.get(f), "");
    }

    private String colour(Field f, String fallback) {
        String v = text(f).strip();
        if (!HEX.matcher(v).matches()) {
            found.add(new Issue(f, Severity.ERROR, "brand.error.colour", List.of(v)));
            return fallback;
        }
        return Colours.hex(Colours.rgb(v, fallback));
    }

    private static boolean isWebAddress(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return false;
        }
        try {
            URI uri = new URI(s);
            return uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Reads {@code key SEP value} lines; a line without both halves, or a repeated key, is an error. */
    private Map<String, String> pairs(Field f, Pattern separator, String badLineKey) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> lines = text(f).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = separator.split(line, 2);
            if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
                found.add(new Issue(f, Severity.ERROR, badLineKey, List.of(i + 1, line)));
            } else if (out.putIfAbsent(parts[0].strip(), parts[1].strip()) != null) {
                found.add(new Issue(f, Severity.ERROR, "brand.error.duplicateKey", List.of(i + 1, parts[0].strip())));
            }
        }
        return out;
    }

    private static String lines(Map<String, String> map, String separator) {
        List<String> out = new ArrayList<>();
        // A value is one line of the text area; a line break inside one would split it in two.
        map.forEach((k, v) -> out.add(oneLine(k) + separator + oneLine(v)));
        return String.join("\n", out);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\R", " ");
    }

}
