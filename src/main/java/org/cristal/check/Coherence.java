package org.cristal.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cristal.render.Renderers;
import org.cristal.render.common.Pages;
import org.cristal.render.common.Texts;
import org.cristal.story.Brand;
import org.cristal.story.Channel;
import org.cristal.story.Finding;
import org.cristal.story.LinkRef;
import org.cristal.story.Network;
import org.cristal.story.Post;
import org.cristal.story.Severity;
import org.cristal.story.Story;
import org.cristal.story.StoryDocument;
import org.cristal.story.TextBlock;

/**
 * The same offer everywhere: prices, percentages, promo codes, "free", dates and links written in a
 * channel's own text (a per-channel override such as {@code channels.x.text} or the email subject, and
 * what the renderers made of them: the posts, the subject and preheader) must be the ones the story
 * gives, written the same way. The story (title, summary, body, call to action) is the reference: the
 * web page, the email body and the brochure are cut from it. A price written two ways inside the story
 * is reported too.
 */
public final class Coherence {
    private Coherence() {
    }

    /** A fact of the story and the first body line it is written on (0 for front matter). */
    private record Seen(String written, int line) {
    }

    /** A text written for, or made for, one channel. */
    record ChannelText(Channel channel, String text) {
    }

    public static List<Finding> check(StoryDocument doc, Brand brand, Renderers.All renditions) {
        Report report = new Report();
        Story story = doc.story();
        Map<String, List<Seen>> prices = new LinkedHashMap<>();
        Set<String> offers = new HashSet<>();
        Set<String> dates = new HashSet<>();
        Set<String> links = new HashSet<>();
        reference(story.title(), 0, prices, offers, dates, links);
        reference(story.summary(), 0, prices, offers, dates, links);
        story.cta().ifPresent(c -> {
            reference(c.label(), 0, prices, offers, dates, links);
            if (!c.url().isBlank()) {
                links.add(Facts.normaliseUrl(c.url()));
            }
        });
        for (TextBlock b : doc.blocks()) {
            if (b.kind() != TextBlock.Kind.CODE) {
                reference(b.text(), b.line(), prices, offers, dates, links);
            }
        }
        for (LinkRef l : doc.links()) {
            links.add(Facts.normaliseUrl(l.url()));
        }
        Pages.canonical(brand, story).ifPresent(u -> links.add(Facts.normaliseUrl(u)));
        if (brand.hasWebsite()) {
            links.add(Facts.normaliseUrl(brand.website()));
        }
        mixedPrices(prices, report);
        Optional<String> cta = story.cta().map(c -> c.url()).filter(u -> !u.isBlank());
        Set<String> said = new HashSet<>();
        for (ChannelText ct : channelTexts(story, renditions)) {
            Facts facts = Facts.of(ct.text());
            for (Facts.Fact p : facts.prices()) {
                List<Seen> same = prices.get(p.key());
                if (same == null) {
                    say(report, said, Severity.WARNING, ct.channel(), "check.coherence.priceUnknown", 0, p.written());
                } else if (same.stream().noneMatch(s -> s.written().equals(p.written()))) {
                    say(report, said, Severity.WARNING, ct.channel(), "check.coherence.price", same.get(0).line(),
                            p.written(), same.get(0).written());
                }
            }
            for (Facts.Fact o : facts.offers()) {
                if (!offers.contains(o.key())) {
                    say(report, said, Severity.WARNING, ct.channel(), "check.coherence.offer", 0, o.written());
                }
            }
            for (Facts.Fact d : facts.dates()) {
                if (!dates.contains(d.key())) {
                    say(report, said, Severity.WARNING, ct.channel(), "check.coherence.date", 0, d.written());
                }
            }
            for (Facts.Fact l : facts.links()) {
                if (!links.contains(l.key())) {
                    if (cta.isPresent()) {
                        say(report, said, Severity.WARNING, ct.channel(), "check.coherence.link", 0,
                                Texts.forMessage(l.written()), Texts.forMessage(cta.get()));
                    } else {
                        say(report, said, Severity.WARNING, ct.channel(), "check.coherence.linkUnknown", 0,
                                Texts.forMessage(l.written()));
                    }
                }
            }
        }
        return report.list();
    }

    /** One finding per channel, code and value: the X post repeats the override it was made from. */
    private static void say(Report report, Set<String> said, Severity severity, Channel channel, String code,
            int line, Object... args) {
        if (said.add(channel + " " + code + " " + args[0])) {
            report.add(severity, channel, code, line, args);
        }
    }

    private static void reference(String text, int line, Map<String, List<Seen>> prices, Set<String> offers,
            Set<String> dates, Set<String> links) {
        Facts f = Facts.of(text);
        for (Facts.Fact p : f.prices()) {
            prices.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(new Seen(p.written(), line));
        }
        f.offers().forEach(o -> offers.add(o.key()));
        f.dates().forEach(d -> dates.add(d.key()));
        f.links().forEach(l -> links.add(l.key()));
    }

    /** The same amount written two ways in the story itself ("$5.80" here, "5,80 $" there). */
    private static void mixedPrices(Map<String, List<Seen>> prices, Report report) {
        for (List<Seen> seen : prices.values()) {
            for (Seen s : seen) {
                if (!s.written().equals(seen.get(0).written())) {
                    report.add(Severity.INFO, null, "check.price.mixed", s.line(), s.written(), seen.get(0).written());
                    break;
                }
            }
        }
    }

    /**
     * The texts each channel says in its own words: the story's per-channel overrides, and the subject,
     * preheader and posts the renderers made (which show an override, or else the story's own text).
     */
    static List<ChannelText> channelTexts(Story story, Renderers.All renditions) {
        List<ChannelText> out = new ArrayList<>();
        story.channels().forEach((channel, fields) -> {
            Channel c = channelOf(channel);
            fields.forEach((key, value) -> {
                if (!key.equalsIgnoreCase("layout") && !key.equalsIgnoreCase("paper")) {
                    out.add(new ChannelText(c, value));
                }
            });
        });
        if (renditions != null && renditions.email() != null) {
            out.add(new ChannelText(Channel.EMAIL, renditions.email().body().subject()));
            out.add(new ChannelText(Channel.EMAIL, renditions.email().body().preheader()));
        }
        if (renditions != null && renditions.social() != null) {
            for (Network n : Network.values()) {
                for (Post p : renditions.social().body().thread(n)) {
                    out.add(new ChannelText(Channel.SOCIAL, p.text()));
                }
            }
        }
        return out;
    }

    private static final Map<String, Channel> CHANNEL_KEYS = new HashMap<>();

    static {
        for (Network n : Network.values()) {
            CHANNEL_KEYS.put(n.id(), Channel.SOCIAL);
        }
        for (String k : List.of("tweet", "twitter", "social", "instagram", "threads", "facebook")) {
            CHANNEL_KEYS.put(k, Channel.SOCIAL);
        }
        CHANNEL_KEYS.put("print", Channel.BROCHURE);
        CHANNEL_KEYS.put("newsletter", Channel.EMAIL);
    }

    /** The channel a front-matter {@code channels.<key>} block speaks for. */
    static Channel channelOf(String key) {
        String k = key.toLowerCase(Locale.ROOT).strip();
        return Channel.fromId(k).orElse(CHANNEL_KEYS.getOrDefault(k, null));
    }
}
