package org.cristal.story;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A brand kit: who speaks, how it looks, what it never says, and the legal block commercial email
 * requires. Absent text fields are empty strings. Colours are {@code #RRGGBB}.
 */
public record Brand(
        String id,
        String name,
        String tagline,
        String website,
        String logo,
        Colors colors,
        Fonts fonts,
        Voice voice,
        Contact contact,
        Map<String, String> social,
        Map<String, String> utm) {

    public Brand {
        id = nz(id);
        name = nz(name);
        tagline = nz(tagline);
        website = nz(website);
        logo = nz(logo);
        colors = Objects.requireNonNullElse(colors, Colors.DEFAULT);
        fonts = Objects.requireNonNullElse(fonts, Fonts.DEFAULT);
        voice = Objects.requireNonNullElse(voice, Voice.NONE);
        contact = Objects.requireNonNullElse(contact, Contact.NONE);
        social = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(social));
        utm = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(utm));
    }

    /** The neutral brand used when a story names none, or names one that cannot be found. */
    public static final Brand DEFAULT = new Brand("default", "Cristal", "", "", "", Colors.DEFAULT, Fonts.DEFAULT,
            Voice.NONE, Contact.NONE, Map.of(), Map.of());

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public boolean hasWebsite() {
        return !website.isBlank();
    }

    public record Colors(String primary, String secondary, String accent, String text, String background) {
        public static final Colors DEFAULT = new Colors("#1F4E79", "#EEF3F8", "#C8553D", "#1B1B1B", "#FFFFFF");

        public Colors {
            primary = orDefault(primary, "#1F4E79");
            secondary = orDefault(secondary, "#EEF3F8");
            accent = orDefault(accent, "#C8553D");
            text = orDefault(text, "#1B1B1B");
            background = orDefault(background, "#FFFFFF");
        }

        private static String orDefault(String v, String d) {
            return v == null || v.isBlank() ? d : v;
        }
    }

    /** Font families as generic names ({@code serif}, {@code sans-serif}) or a family name. */
    public record Fonts(String heading, String body) {
        public static final Fonts DEFAULT = new Fonts("sans-serif", "sans-serif");

        public Fonts {
            heading = heading == null || heading.isBlank() ? "sans-serif" : heading;
            body = body == null || body.isBlank() ? "sans-serif" : body;
        }
    }

    /** Tone in words, words never to use, and preferred terms (term to avoid → term to use). */
    public record Voice(String tone, List<String> banned, Map<String, String> preferred) {
        public static final Voice NONE = new Voice("", List.of(), Map.of());

        public Voice {
            // Not Brand.nz: calling into Brand from here starts Brand's static init while Voice.NONE
            // is still null, and Brand.DEFAULT then fails (when a brand is parsed before Brand is loaded).
            tone = tone == null ? "" : tone;
            banned = List.copyOf(banned);
            preferred = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(preferred));
        }
    }

    public record Contact(String address, String email, String phone) {
        public static final Contact NONE = new Contact("", "", "");

        public Contact {
            address = address == null ? "" : address;
            email = email == null ? "" : email;
            phone = phone == null ? "" : phone;
        }
    }
}
