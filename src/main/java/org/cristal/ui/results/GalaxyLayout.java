package org.cristal.ui.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cristal.library.results.ChannelFigures;
import org.cristal.library.results.PublicationFigures;
import org.cristal.library.results.StoryResults;

/**
 * Where the galaxy's bodies go, without a node: the story at the centre, its four renditions around it, and
 * further out on each rendition's side its publications, sized by what came back (area ∝ reactions plus
 * visits, with a minimum so a post with nothing stays visible).
 *
 * <p>Analytics tell visits apart by channel, not by post: a channel's visits are a publication's own only when
 * it is the channel's one publication. Otherwise (three Mastodon posts, or visits from a brochure's QR code
 * with no publication at all) they are drawn as one "visits" body on the rendition's side, never split.
 */
public final class GalaxyLayout {
    /** The renditions, clockwise from the top left. */
    public static final List<String> RENDITIONS = List.of("web", "email", "brochure", "social");
    static final double MIN_RADIUS = 7;
    static final double MAX_RADIUS = 42;

    private GalaxyLayout() {
    }

    /** One body: a publication (entry > 0) or a channel's visits (entry 0). */
    public record Body(long entry, String rendition, String channel, String label, String url, long reactions,
            long visitors, long conversions, double x, double y, double radius) {
        public long cameBack() {
            return reactions + visitors;
        }
    }

    /** A rendition's place. */
    public record Hub(String rendition, double x, double y, int bodies) {
    }

    public record Layout(double cx, double cy, double centreRadius, List<Hub> hubs, List<Body> bodies) {
    }

    /** The rendition a channel's visits belong to, from the word its links carry. */
    static String renditionOf(String source) {
        return switch (source) {
            case "newsletter", "email" -> "email";
            case "brochure", "print" -> "brochure";
            case "site", "wordpress", "ghost", "web", "" -> "web";
            default -> "social";
        };
    }

    public static Layout of(StoryResults r, double width, double height) {
        double cx = width / 2;
        double cy = height / 2;
        double span = Math.min(width, height) / 2;
        double maxRadius = Math.min(MAX_RADIUS, span * 0.12);
        // The galaxy fills the pane as an ellipse: a wide window gives the bodies room sideways.
        double rx = Math.max(10, cx - maxRadius - 16);
        double ry = Math.max(10, cy - maxRadius - 20);
        Map<String, List<Body>> byRendition = new LinkedHashMap<>();
        RENDITIONS.forEach(x -> byRendition.put(x, new ArrayList<>()));
        Map<String, Integer> perChannel = new LinkedHashMap<>();
        for (PublicationFigures p : r.publications()) {
            perChannel.merge(p.channel(), 1, Integer::sum);
        }
        Map<String, ChannelFigures> channels = new LinkedHashMap<>();
        r.channels().forEach(c -> channels.put(c.channel(), c));
        for (PublicationFigures p : r.publications()) {
            ChannelFigures c = channels.get(p.channel());
            boolean own = perChannel.get(p.channel()) == 1 && c != null;
            String rendition = RENDITIONS.contains(p.rendition()) ? p.rendition() : renditionOf(p.channel());
            byRendition.get(rendition).add(new Body(p.entry(), rendition, p.channel(), p.target(), p.url(),
                    p.reactions(), own ? c.visitors() : 0, own ? c.conversions() : 0, 0, 0, 0));
        }
        for (ChannelFigures c : r.channels()) {
            if (c.visitors() > 0 && perChannel.getOrDefault(c.channel(), 0) != 1) {
                String rendition = renditionOf(c.channel());
                byRendition.get(rendition).add(new Body(0, rendition, c.channel(), c.channel(), "", 0, c.visitors(),
                        c.conversions(), 0, 0, 0));
            }
        }
        long most = byRendition.values().stream().flatMap(List::stream).mapToLong(Body::cameBack).max().orElse(0);
        List<Hub> hubs = new ArrayList<>();
        List<Body> bodies = new ArrayList<>();
        for (int i = 0; i < RENDITIONS.size(); i++) {
            String rendition = RENDITIONS.get(i);
            double angle = Math.toRadians(-135 + 90 * i);
            hubs.add(new Hub(rendition, cx + 0.42 * rx * Math.cos(angle), cy + 0.42 * ry * Math.sin(angle),
                    byRendition.get(rendition).size()));
            place(byRendition.get(rendition), angle, cx, cy, rx, ry, maxRadius, most, bodies);
        }
        return new Layout(cx, cy, Math.max(34, span * 0.17), hubs, bodies);
    }

    /** Spreads a rendition's bodies on arcs around its side of the centre, largest nearest. */
    private static void place(List<Body> list, double angle, double cx, double cy, double rx, double ry,
            double maxRadius, long most, List<Body> out) {
        list.sort((a, b) -> Long.compare(b.cameBack(), a.cameBack()));
        // At most three rings, so 50 publications on one side still fit in the window.
        int perRing = Math.max(7, (list.size() + 2) / 3);
        double spread = Math.toRadians(perRing > 7 ? 80 : 64);
        for (int i = 0; i < list.size(); i++) {
            int ring = i / perRing;
            int inRing = Math.min(perRing, list.size() - ring * perRing);
            int slot = i % perRing;
            double a = inRing == 1 ? angle : angle - spread / 2 + spread * slot / (inRing - 1);
            // Odd rings are turned by half a step, so bodies of two rings do not line up.
            if (ring % 2 == 1 && inRing > 1) {
                a += spread / (inRing - 1) / 2;
            }
            double distance = 0.78 + 0.11 * ring;
            Body b = list.get(i);
            double radius = most <= 0 ? MIN_RADIUS
                    : Math.max(MIN_RADIUS, maxRadius * Math.sqrt((double) b.cameBack() / most));
            out.add(new Body(b.entry(), b.rendition(), b.channel(), b.label(), b.url(), b.reactions(), b.visitors(),
                    b.conversions(), cx + distance * rx * Math.cos(a), cy + distance * ry * Math.sin(a), radius));
        }
    }
}
