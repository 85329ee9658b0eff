package org.cristal.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cristal.render.Renderers;
import org.cristal.story.Brand;
import org.cristal.story.Finding;
import org.cristal.story.StoryDocument;
import org.cristal.story.Variants;

/**
 * Every content check of a story at once: readability, brand voice, accessibility, misleading direction
 * controls, coherence across channels and the A/B variants the front matter gives. Pure and thread-safe; a few milliseconds for a 1,500-word story (docs/performance.md), so
 * run it where the renditions are made, never on the FX thread.
 */
public final class Checks {
    private Checks() {
    }

    /**
     * The findings of all checks.
     *
     * @param renditions the story's renditions, or null (or with null members) when not all were made:
     *                   coherence then compares only what exists
     */
    public static List<Finding> run(StoryDocument doc, Brand brand, Renderers.All renditions) {
        List<Finding> out = new ArrayList<>();
        out.addAll(Readability.check(doc));
        out.addAll(BrandVoice.check(doc, brand == null ? Brand.DEFAULT : brand));
        out.addAll(withoutRepeats(Accessibility.check(doc), renditions));
        out.addAll(DirectionControls.check(doc));
        out.addAll(Coherence.check(doc, brand == null ? Brand.DEFAULT : brand, renditions));
        out.addAll(Variants.of(doc.story()).problems());
        return out;
    }

    /**
     * The findings of all checks and of the story's persona: {@code persona} is the one the caller found for
     * the story's {@code persona:}, empty when no persona has that name (see {@link PersonaCheck}).
     */
    public static List<Finding> run(StoryDocument doc, Brand brand, Renderers.All renditions,
            java.util.Optional<PersonaRules> persona) {
        List<Finding> out = new ArrayList<>(run(doc, brand, renditions));
        out.addAll(PersonaCheck.check(doc, persona));
        return out;
    }

    /** A missing alt text the web or email renderer already reported for that line is not said twice. */
    private static List<Finding> withoutRepeats(List<Finding> findings, Renderers.All renditions) {
        if (renditions == null) {
            return findings;
        }
        Set<Integer> reported = new HashSet<>();
        for (var r : java.util.Arrays.asList(renditions.web(), renditions.email())) {
            if (r != null) {
                r.findings().stream().filter(f -> f.code().equals("image.altMissing"))
                        .forEach(f -> reported.add(f.line()));
            }
        }
        return findings.stream()
                .filter(f -> !(f.code().equals("check.alt.missing") && reported.contains(f.line()))).toList();
    }
}
