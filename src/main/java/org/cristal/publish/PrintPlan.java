package org.cristal.publish;

import java.util.List;
import java.util.Map;
import org.cristal.library.audience.Reach.LeftOut;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishException;
import org.cristal.story.Brand;
import org.cristal.story.StoryDocument;

/**
 * What a personalised print will make, before anything is written: the copies in print order (by postcode,
 * then name) and who is left out and why.
 *
 * @param revision     the story's revision printed
 * @param copies       one per contact with postal marketing consent, an address and room under the frequency cap
 * @param leftOut      for each reason, how many contacts of the segment get no copy (over the cap included)
 * @param reprinted    how many copies were already made by this same run earlier (not counted again)
 */
public record PrintPlan(String storyId, int revision, StoryDocument story, Brand brand, String segment,
        List<PrintCopy> copies, Map<LeftOut, Integer> leftOut, int reprinted) {
    public PrintPlan {
        copies = List.copyOf(copies);
        leftOut = Map.copyOf(leftOut);
    }

    /** "312 copies · 41 left out (28 no postal consent, 9 unsubscribed, 3 no address, 1 over the cap)". */
    public LocalText summary() {
        return LocalText.fromBundle(PublishException.BUNDLE, "print.reach", copies.size(), leftOutTotal(),
                count(LeftOut.NO_CONSENT), count(LeftOut.UNSUBSCRIBED), count(LeftOut.NO_ADDRESS),
                count(LeftOut.OVER_CAP));
    }

    public int count(LeftOut reason) {
        return leftOut.getOrDefault(reason, 0);
    }

    public int leftOutTotal() {
        return leftOut.values().stream().mapToInt(Integer::intValue).sum();
    }
}
