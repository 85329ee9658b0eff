package org.cristal.publish;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cristal.library.abtest.AbTests;
import org.cristal.render.RenderOptions;
import org.cristal.render.Renderers;
import org.cristal.story.Brand;
import org.cristal.story.EmailMessage;
import org.cristal.story.Story;
import org.cristal.story.StoryDocument;
import org.cristal.story.Utm;
import org.cristal.story.Variants;

/**
 * The parts of a newsletter A/B send the publisher adds to an ordinary one: its own publication key, and
 * each arm's e-mail (the story with that arm's text of the tested element, its web links tagged
 * newsletter / email / the story's address / the arm, so the analytics import can tell the arms apart).
 */
final class AbTestSends {
    private AbTestSends() {
    }

    /** The key of an A/B send: its own publication, never the same as the ordinary send at that time. */
    static String key(String storyId, int revision, String accountId, Instant at, String segment,
            Variants.Element element) {
        return PublicationKeys.of("cristal-ab-", storyId + '\n' + revision + '\n' + accountId + '\n'
                + at.toEpochMilli() + "\nsegment:" + segment + "\nabtest:" + element.id());
    }

    /** Each arm's e-mail, rendered as the ordinary send's is (same options), with the arm's tags. */
    static Map<String, EmailMessage> emails(StoryDocument doc, Brand brand, RenderOptions options, AbTests.Test test) {
        Story story = doc.story();
        Variants variants = Variants.of(story);
        Variants.Element element = Variants.Element.fromId(test.element()).orElseThrow();
        Utm tags = Utm.newsletter(story.webSlug());
        Map<String, EmailMessage> out = new LinkedHashMap<>();
        for (String arm : test.arms()) {
            StoryDocument armDoc = StoryDocument.of(variants.apply(story, element, arm));
            out.put(arm, Renderers.EMAIL.render(armDoc, brand, options.withEmailTags(tags.withContent(arm))).body());
        }
        return out;
    }
}
