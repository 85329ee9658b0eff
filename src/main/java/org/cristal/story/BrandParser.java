package org.cristal.story;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads a brand kit from YAML (see the corpus's {@code brands/} folder). */
public final class BrandParser {
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3}");

    private BrandParser() {
    }

    public static Brand parse(String fallbackId, byte[] bytes) throws StoryFormatException {
        return parse(fallbackId, StoryParser.decodeUtf8(bytes));
    }

    public static Brand parse(String fallbackId, String yaml) throws StoryFormatException {
        String text = yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml;
        Map<String, YamlTree.Value> m = YamlTree.readMapping(text, 1);
        String id = YamlTree.text(m, "id").strip();
        if (id.isEmpty()) {
            id = fallbackId == null || fallbackId.isBlank() ? Slugs.slug(YamlTree.text(m, "name")) : fallbackId;
        }
        Map<String, YamlTree.Value> c = YamlTree.mapping(m, "colors");
        Brand.Colors colors = new Brand.Colors(color(c, "primary"), color(c, "secondary"), color(c, "accent"),
                color(c, "text"), color(c, "background"));
        Map<String, YamlTree.Value> f = YamlTree.mapping(m, "fonts");
        Brand.Fonts fonts = new Brand.Fonts(YamlTree.text(f, "heading"), YamlTree.text(f, "body"));
        Map<String, YamlTree.Value> v = YamlTree.mapping(m, "voice");
        Brand.Voice voice = new Brand.Voice(YamlTree.text(v, "tone"), YamlTree.textList(v, "banned"),
                YamlTree.textMap(v, "preferred"));
        Map<String, YamlTree.Value> k = YamlTree.mapping(m, "contact");
        Brand.Contact contact = new Brand.Contact(YamlTree.text(k, "address"), YamlTree.text(k, "email"),
                YamlTree.text(k, "phone"));
        return new Brand(id, YamlTree.text(m, "name"), YamlTree.text(m, "tagline"), YamlTree.text(m, "website"),
                YamlTree.text(m, "logo"), colors, fonts, voice, contact, YamlTree.textMap(m, "social"),
                YamlTree.textMap(m, "utm"));
    }

    private static String color(Map<String, YamlTree.Value> c, String key) throws StoryFormatException {
        String value = YamlTree.text(c, key).strip();
        if (value.isEmpty()) {
            return value;
        }
        if (!COLOR.matcher(value).matches()) {
            throw new StoryFormatException("brand.error.color", c.get(key).line(), key, value);
        }
        if (value.length() == 4) {
            value = "#" + value.charAt(1) + value.charAt(1) + value.charAt(2) + value.charAt(2) + value.charAt(3)
                    + value.charAt(3);
        }
        return value.toUpperCase(Locale.ROOT);
    }
}
