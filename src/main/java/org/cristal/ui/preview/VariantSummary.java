package org.cristal.ui.preview;

import java.util.ArrayList;
import java.util.List;
import org.cristal.story.Story;
import org.cristal.story.Variants;

/**
 * What each arm of the story's A/B variants reads, side by side: one row per element that varies (the
 * e-mail's subject, the title, the call to action, the first paragraph), one text per arm, the control
 * {@code a} first. Made on the render thread with the renditions; empty when the story varies nothing.
 *
 * @param arms the arms, {@code a} first
 * @param rows the elements that vary, each with its text in every arm
 */
public record VariantSummary(List<String> arms, List<Row> rows) {
    public static final VariantSummary NONE = new VariantSummary(List.of(), List.of());

    /** One element and its text in each arm (in the order of {@link #arms()}). */
    public record Row(Variants.Element element, List<String> texts) {
        public Row {
            texts = List.copyOf(texts);
        }
    }

    public VariantSummary {
        arms = List.copyOf(arms);
        rows = List.copyOf(rows);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public static VariantSummary of(Story story) {
        Variants variants = Variants.of(story);
        if (variants.isEmpty()) {
            return NONE;
        }
        List<String> arms = variants.arms();
        List<Row> rows = new ArrayList<>();
        for (Variants.Element e : variants.elements()) {
            List<String> texts = new ArrayList<>();
            for (String arm : arms) {
                texts.add(text(e, variants.apply(story, e, arm)));
            }
            rows.add(new Row(e, texts));
        }
        return new VariantSummary(arms, rows);
    }

    /** What a reader of that arm sees of the element. */
    private static String text(Variants.Element e, Story s) {
        return switch (e) {
            case SUBJECT -> s.override("email", "subject").orElse(s.title());
            case TITLE -> s.title();
            case CTA -> s.cta().map(c -> c.label()).orElse("");
            case LEAD -> Variants.lead(s);
        };
    }
}
