package org.cristal.ui.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cristal.library.results.ChannelFigures;
import org.cristal.library.results.Counts;
import org.cristal.library.results.PublicationFigures;
import org.cristal.library.results.StoryResults;
import org.junit.jupiter.api.Test;

/** Where the galaxy puts its bodies, and how big, without the toolkit. */
class GalaxyLayoutTest {
    private static final Instant AT = Instant.parse("2026-11-30T09:00:00Z");

    private static PublicationFigures pub(long id, String plugin, String rendition, long favourites) {
        return new PublicationFigures(id, Counts.channelOf(plugin), plugin, rendition, "@levain", "https://x/" + id,
                AT, Map.of(Counts.FAVOURITES, favourites), Optional.empty());
    }

    @Test
    void bodiesAreSizedByAreaWithAMinimumAndSitOnTheirRenditionsSide() {
        StoryResults r = new StoryResults("pain", "Le pain", "pain",
                List.of(new ChannelFigures("newsletter", 1, 400, 0, 300, 9), new ChannelFigures("mastodon", 2, -1, 100,
                        80, 1), new ChannelFigures("brochure", 0, -1, 0, 25, 0)),
                new ChannelFigures(ChannelFigures.TOTAL, 3, 400, 100, 405, 10),
                List.of(pub(1, "mastodon", "social", 75), pub(2, "mastodon", "social", 0),
                        pub(3, "smtp-newsletter", "email", 0)),
                List.of());

        GalaxyLayout.Layout l = GalaxyLayout.of(r, 1000, 800);

        GalaxyLayout.Body letter = body(l, 3);
        GalaxyLayout.Body big = body(l, 1);
        GalaxyLayout.Body nothing = body(l, 2);
        assertEquals(300, letter.cameBack(), "the newsletter is its channel's only post: its visits are its own");
        assertEquals(75, big.cameBack(), "two Mastodon posts: the channel's visits are not split between them");
        assertEquals(Math.sqrt(75.0 / 300), big.radius() / letter.radius(), 1e-9, "area grows with what came back");
        assertEquals(GalaxyLayout.MIN_RADIUS, nothing.radius(), "a post with nothing stays visible");
        GalaxyLayout.Body visits = l.bodies().stream().filter(b -> b.entry() == 0 && b.channel().equals("mastodon"))
                .findFirst().orElseThrow();
        assertEquals(80, visits.visitors());
        assertTrue(l.bodies().stream().anyMatch(b -> b.rendition().equals("brochure") && b.visitors() == 25),
                "visits from the brochure's QR code sit on the brochure's side");
        assertTrue(big.x() < l.cx() && big.y() > l.cy(), "social posts sit bottom left");
        assertTrue(letter.x() > l.cx() && letter.y() < l.cy(), "the e-mail sits top right");
    }

    @Test
    void fiftyPublicationsOnOneSideStayInsideTheGalaxy() {
        List<PublicationFigures> pubs = new java.util.ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            pubs.add(pub(i, i % 2 == 0 ? "mastodon" : "bluesky", "social", i));
        }
        StoryResults r = new StoryResults("pain", "Le pain", "pain", List.of(), new ChannelFigures(
                ChannelFigures.TOTAL, 50, -1, 0, 0, 0), pubs, List.of());
        GalaxyLayout.Layout l = GalaxyLayout.of(r, 1300, 560);
        for (GalaxyLayout.Body b : l.bodies()) {
            assertTrue(b.x() - b.radius() >= 0 && b.x() + b.radius() <= 1300 && b.y() - b.radius() >= 0
                    && b.y() + b.radius() <= 560, "body " + b.entry() + " at " + b.x() + "," + b.y());
        }
    }

    private static GalaxyLayout.Body body(GalaxyLayout.Layout l, long entry) {
        return l.bodies().stream().filter(b -> b.entry() == entry).findFirst().orElseThrow();
    }
}
