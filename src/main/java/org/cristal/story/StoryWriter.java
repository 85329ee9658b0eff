package org.cristal.story;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes a story back as Markdown with YAML front matter, in the layout of the corpus files. The
 * body is written exactly as stored, so {@code parse(write(s))} gives {@code s} back.
 */
public final class StoryWriter {
    private StoryWriter() {
    }

    public static String write(Story s) {
        StringBuilder out = new StringBuilder("---\n");
        line(out, "title", s.title());
        line(out, "slug", s.slug());
        line(out, "brand", s.brand());
        line(out, "lang", s.lang());
        if (s.status() != Status.DRAFT) {
            out.append("status: ").append(s.status().id()).append('\n');
        }
        line(out, "summary", s.summary());
        if (!s.tags().isEmpty()) {
            List<String> quoted = new ArrayList<>();
            s.tags().forEach(t -> quoted.add(quote(t)));
            out.append("tags: [").append(String.join(", ", quoted)).append("]\n");
        }
        line(out, "image", s.image());
        line(out, "image_alt", s.imageAlt());
        s.cta().ifPresent(c -> {
            out.append("cta:\n");
            out.append("  label: ").append(quote(c.label())).append('\n');
            out.append("  url: ").append(quote(c.url())).append('\n');
        });
        if (!s.channels().isEmpty()) {
            out.append("channels:\n");
            s.channels().forEach((channel, values) -> {
                out.append("  ").append(key(channel)).append(":");
                if (values.isEmpty()) {
                    out.append(" {}");
                }
                out.append('\n');
                values.forEach((k, v) -> out.append("    ").append(key(k)).append(": ").append(quote(v))
                        .append('\n'));
            });
        }
        if (!s.extra().isEmpty()) {
            DumperOptions options = new DumperOptions();
            options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            options.setAllowUnicode(true);
            options.setWidth(1000);
            out.append(new Yaml(options).dump(s.extra()));
        }
        out.append("---\n");
        out.append(s.body());
        return out.toString();
    }

    private static void line(StringBuilder out, String key, String value) {
        if (!value.isEmpty()) {
            out.append(key).append(": ").append(quote(value)).append('\n');
        }
    }

    private static String key(String k) {
        return k.matches("[A-Za-z0-9_-]+") ? k : quote(k);
    }

    /** A YAML double-quoted scalar: always safe, whatever the text holds (the brand writer's quoting). */
    static String quote(String value) {
        return BrandWriter.quote(value);
    }

}
