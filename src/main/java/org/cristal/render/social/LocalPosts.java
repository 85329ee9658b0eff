package org.cristal.render.social;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.cristal.render.social.LocalPost.Action;
import org.cristal.render.social.LocalPost.Topic;
import org.cristal.story.Channel;
import org.cristal.story.Cta;
import org.cristal.story.Finding;
import org.cristal.story.Network;
import org.cristal.story.Post;
import org.cristal.story.Severity;
import org.cristal.story.SocialPosts;
import org.cristal.story.Story;
import org.cristal.story.StoryDocument;

/**
 * The Google Business Profile local post of a story, from its {@code channels.google} front matter and its
 * Google social text. A pure function, like the renderers.
 *
 * <p>{@code type}: {@code update} or {@code whats-new} (the default), {@code offer}, {@code event}.
 * {@code action}: BOOK, ORDER, SHOP, LEARN_MORE, SIGN_UP or CALL; without it the button comes from the
 * story's call to action, its label read in French or English, else "Learn more" when it has a link.
 * What cannot be read is said in {@link #findings}, never thrown: a bad date is left out.
 */
public final class LocalPosts {
    /** The keys a story may write under {@code channels.google}; {@code text} is the social text. */
    static final Set<String> KEYS = Set.of("text", "type", "title", "start", "end", "coupon", "terms", "action");
    private static final String GOOGLE = Network.GOOGLE.id();

    private LocalPosts() {
    }

    /** The local post for {@code posts}, the story's social rendition. */
    public static LocalPost of(StoryDocument doc, SocialPosts posts) {
        return read(doc, posts, new ArrayList<>());
    }

    /** What the author should hear about the local post: front matter not understood, Google's rules. */
    public static List<Finding> findings(StoryDocument doc, SocialPosts posts) {
        List<Finding> findings = new ArrayList<>();
        LocalPost post = read(doc, posts, findings);
        GoogleRules.check(post, findings);
        return findings;
    }

    static LocalPost read(StoryDocument doc, SocialPosts posts, List<Finding> findings) {
        Story story = doc.story();
        Map<String, String> own = story.channels().getOrDefault(GOOGLE, Map.of());
        Set<String> unknown = new TreeSet<>(own.keySet());
        unknown.removeAll(KEYS);
        for (String key : unknown) {
            findings.add(finding("social.google.unknownKey", "channels.google." + key,
                    String.join(", ", new TreeSet<>(KEYS))));
        }
        List<Post> google = posts.posts().getOrDefault(Network.GOOGLE, List.of());
        String summary = google.isEmpty() ? "" : google.get(0).text();
        Topic topic = topic(story.override(GOOGLE, "type").orElse(""), findings);
        boolean dated = topic != Topic.STANDARD;
        Optional<LocalDateTime> start = dated ? date(story, "start", false, findings) : Optional.empty();
        Optional<LocalDateTime> end = dated ? date(story, "end", true, findings) : Optional.empty();
        String title = dated ? story.override(GOOGLE, "title").orElse("").strip() : "";
        boolean offer = topic == Topic.OFFER;
        String coupon = offer ? story.override(GOOGLE, "coupon").orElse("").strip() : "";
        String terms = offer ? story.override(GOOGLE, "terms").orElse("").strip() : "";
        Optional<Cta> cta = story.cta();
        String url = cta.map(c -> c.url().strip()).orElse("");
        Action action = action(story, cta, url, findings);
        String actionUrl = action == Action.CALL || action == Action.NONE ? "" : url;
        return new LocalPost(topic, summary, title, start, end, coupon, terms, action, actionUrl);
    }

    private static Topic topic(String raw, List<Finding> findings) {
        String t = raw.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace('’', '\'');
        return switch (t) {
            case "", "update", "whats-new", "what's-new", "what's new", "news", "standard", "nouveautes",
                    "nouveautés" -> Topic.STANDARD;
            case "offer", "offre" -> Topic.OFFER;
            case "event", "evenement", "événement" -> Topic.EVENT;
            default -> {
                findings.add(finding("social.google.badType", raw.strip()));
                yield Topic.STANDARD;
            }
        };
    }

    private static Optional<LocalDateTime> date(Story story, String key, boolean end, List<Finding> findings) {
        String raw = story.override(GOOGLE, key).orElse("");
        try {
            return PostDates.parse(raw, end);
        } catch (IllegalArgumentException e) {
            findings.add(finding("social.google.badDate", "channels.google." + key, raw.strip()));
            return Optional.empty();
        }
    }

    private static Action action(Story story, Optional<Cta> cta, String url, List<Finding> findings) {
        boolean tel = url.regionMatches(true, 0, "tel:", 0, 4);
        Optional<String> written = story.override(GOOGLE, "action");
        if (written.isPresent()) {
            Optional<Action> named = CtaActions.fromName(written.get());
            if (named.isEmpty()) {
                findings.add(finding("social.google.badAction", written.get().strip()));
            } else if (named.get() != Action.CALL && (url.isEmpty() || tel)) {
                findings.add(finding("social.google.actionNoLink", written.get().strip()));
                return Action.NONE;
            } else {
                return named.get();
            }
        }
        String label = cta.map(Cta::label).orElse("");
        Optional<Action> read = CtaActions.fromLabel(label);
        if (tel || read.orElse(Action.NONE) == Action.CALL) {
            return Action.CALL;
        }
        if (url.isEmpty()) {
            return Action.NONE;
        }
        if (read.isEmpty() && !label.isBlank()) {
            // Information only: "Learn more" suits most links, and the story is shown to other networks too.
            findings.add(Finding.of(Severity.INFO, Channel.SOCIAL, "social.google.ctaUnmapped", 0, label.strip()));
        }
        return read.orElse(Action.LEARN_MORE);
    }

    static Finding finding(String code, Object... args) {
        // Google's rules are warnings: an error would hold back every social network's post, not only Google's.
        return Finding.of(Severity.WARNING, Channel.SOCIAL, code, 0, args);
    }
}
