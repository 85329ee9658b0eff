package org.cristal.story;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The persona a story is written for, from its front matter ({@code persona: Claire}). Read from
 * {@link Story#extra()} as {@link Variants} are, so the story's text stays exactly as written. Whether a
 * persona of that name exists is the workspace's business: the checks say so when it does not.
 */
public final class StoryPersona {
    static final String KEY = "persona";

    private StoryPersona() {
    }

    /** The persona's name as the story gives it; empty when it names none (or gives a list or a map). */
    public static Optional<String> name(Story story) {
        Object raw = story.extra().get(KEY);
        if (!(raw instanceof String || raw instanceof Number)) {
            return Optional.empty();
        }
        String name = String.valueOf(raw).strip();
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    /** The story's extra front matter naming {@code name} (or no persona for a blank one), other keys kept in order. */
    public static Map<String, Object> extraWith(Story story, String name) {
        Map<String, Object> extra = new LinkedHashMap<>(story.extra());
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            extra.remove(KEY);
        } else {
            extra.put(KEY, n);
        }
        return extra;
    }

    /** The story written for {@code name} (none for a blank one). */
    public static Story with(Story story, String name) {
        return new Story(story.id(), story.title(), story.slug(), story.summary(), story.body(), story.tags(),
                story.lang(), story.brand(), story.image(), story.imageAlt(), story.cta(), story.status(),
                story.channels(), extraWith(story, name), story.bodyLine());
    }
}
