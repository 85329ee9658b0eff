package org.cristal.publish;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.cristal.render.RenderOptions;
import org.cristal.render.Renderers;
import org.cristal.story.Brand;
import org.cristal.story.EmailMessage;
import org.cristal.story.Story;
import org.cristal.story.StoryDocument;
import org.cristal.story.Utm;
import org.cristal.story.Variants;

/**
 * What the publisher adds to a newsletter send for one contact's scenario step: the step's variant of the
 * story, with its web links tagged with the contact's own token as {@code utm_content}, so imported analytics
 * can tell that this contact visited (a CLICKED condition, a CONVERTED exit).
 */
final class ScenarioSends {
    /** The one arm of a scenario step's send. */
    static final String ARM = "scenario";
    private static final String TEST_RECIPIENT = "testRecipient";

    private ScenarioSends() {
    }

    static Map<String, EmailMessage> emails(StoryDocument doc, Brand brand, RenderOptions options, String variant,
            String token) {
        Story story = doc.story();
        Story own = variant.isBlank() ? story : Variants.of(story).apply(story, variant);
        Utm tags = Utm.newsletter(story.webSlug()).withContent(token);
        return Map.of(ARM, Renderers.EMAIL.render(StoryDocument.of(own), brand, options.withEmailTags(tags)).body());
    }

    /** The account's settings without its test recipient: a copy per contact's step would flood them. */
    static org.cristal.publish.spi.ChannelSettings withoutTestCopy(org.cristal.publish.spi.ChannelSettings s) {
        Map<String, String> values = new HashMap<>(s.values());
        values.remove(TEST_RECIPIENT);
        Set<String> secret = new HashSet<>();
        values.keySet().stream().filter(s::isSecret).forEach(secret::add);
        return new org.cristal.publish.spi.ChannelSettings(values, secret);
    }
}
