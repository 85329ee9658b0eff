package org.cristal.render.social;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cristal.render.ChannelRenderer;
import org.cristal.render.RenderOptions;
import org.cristal.render.common.ImageFile;
import org.cristal.render.common.ImageFiles;
import org.cristal.render.common.Pages;
import org.cristal.story.Brand;
import org.cristal.story.Channel;
import org.cristal.story.Cta;
import org.cristal.story.Finding;
import org.cristal.story.Network;
import org.cristal.story.Post;
import org.cristal.story.Rendition;
import org.cristal.story.Severity;
import org.cristal.story.SocialPosts;
import org.cristal.story.Story;
import org.cristal.story.StoryDocument;
import org.cristal.story.Urls;

/**
 * Cuts a story into a post, or a numbered thread, for each social network, counted the way the network
 * counts ({@link PostLength}) against the limit in the options.
 *
 * <p>The text is the author's own social text when the story has one ({@code channels.x.text},
 * {@code channels.tweet.text}, {@code channels.mastodon.text} … or {@code channels.social.text} for all
 * networks); else the summary, and for LinkedIn a fuller post with the title and the first passages of
 * the story. Then the link: the call to action, or the story's page on the brand's website, tagged with
 * UTM parameters when the brand kit has UTM defaults. Then as many of the story's first tags as hashtags
 * as fit without making the thread longer. A text still too long becomes a thread {@code "… 1/3"}.
 *
 * <p>Posts are plain text: whatever markup a story contains is shown as written, never interpreted, so
 * a view showing them must escape it. Email merge tags are replaced by their fallback text.
 */
public final class SocialRenderer implements ChannelRenderer<SocialPosts> {
    static final int PREVIEW_WIDTH = 1200;
    static final int PREVIEW_HEIGHT = 630;
    static final int PREVIEW_MIN_WIDTH = 600;
    static final int PREVIEW_MIN_HEIGHT = 315;
    /** Instagram refuses a caption with more hashtags than this. */
    static final int INSTAGRAM_MAX_HASHTAGS = 30;
    private static final Pattern URL_IN_TEXT = Pattern.compile(
            "(?i)(?:\\bhttps?://|(?<![\\p{L}\\p{N}@.])www\\.)\\S");
    private static final Pattern HASHTAG = Pattern.compile(
            "(?<![\\p{L}\\p{N}_&/#])#[\\p{L}\\p{M}\\p{N}_]*[\\p{L}\\p{M}_][\\p{L}\\p{M}\\p{N}_]*");

    @Override
    public Channel channel() {
        return Channel.SOCIAL;
    }

    @Override
    public Rendition<SocialPosts> render(StoryDocument doc, Brand brand, RenderOptions options) {
        Story story = doc.story();
        List<Finding> findings = new ArrayList<>();
        Optional<String> link = link(story, brand, findings);
        if (link.isEmpty() && findings.isEmpty()) {
            findings.add(finding(Severity.INFO, "social.link.missing"));
        }
        if (link.isPresent()) {
            checkPreviewImage(story, options, findings);
        }
        String ctaLabel = story.cta().filter(c -> link.isPresent()).map(Cta::label).orElse("");
        Map<Network, List<Post>> posts = new EnumMap<>(Network.class);
        boolean mergeTags = false;
        boolean empty = false;
        for (Network network : Network.values()) {
            int limit = options.limit(network);
            String networkLink = link.map(l -> Drafts.withUtm(l, network, story, brand)).orElse("");
            Draft draft = Drafts.draft(doc, network, networkLink, ctaLabel, limit);
            mergeTags |= Drafts.usesMergeTags(doc, network);
            if (draft.compose(List.of()).isBlank()) {
                empty = true;
                posts.put(network, List.of());
                continue;
            }
            posts.put(network, fit(network, draft, limit, findings));
            if (network == Network.INSTAGRAM) {
                checkInstagram(posts.get(network), networkLink, findings);
                InstagramPictures.check(doc, options, findings);
            }
        }
        if (!posts.getOrDefault(Network.GOOGLE, List.of()).isEmpty()) {
            findings.addAll(LocalPosts.findings(doc, new SocialPosts(posts)));
        }
        if (mergeTags) {
            findings.add(finding(Severity.WARNING, "social.mergeTags"));
        }
        if (empty) {
            findings.add(finding(Severity.WARNING, "social.empty"));
        }
        return new Rendition<>(Channel.SOCIAL, new SocialPosts(posts), findings);
    }

    /** Adds hashtags while they cost no extra post, splits, and reports what the reader would notice. */
    private static List<Post> fit(Network network, Draft draft, int limit, List<Finding> findings) {
        ThreadSplitter.Split split = split(network, draft.compose(List.of()), limit);
        List<String> texts = new ArrayList<>(split.posts());
        List<String> tags = new ArrayList<>();
        int dropped = 0;
        for (String tag : draft.hashtags()) {
            if (split.truncated()) {
                break;
            }
            tags.add(tag);
            if (texts.size() == 1) {
                String candidate = draft.compose(tags);
                if (PostLength.of(network, candidate) <= limit) {
                    texts.set(0, candidate);
                    continue;
                }
            } else {
                // In a thread the hashtags close the last post, after the link, if they fit there: the
                // posts before it are cut the same with or without them.
                String last = split.posts().get(texts.size() - 1);
                int marker = last.lastIndexOf(' ');
                String candidate = last.substring(0, marker) + "\n\n" + String.join(" ", tags) + last.substring(marker);
                if (PostLength.of(network, candidate) <= limit) {
                    texts.set(texts.size() - 1, candidate);
                    continue;
                }
            }
            tags.remove(tags.size() - 1);
            dropped++;
        }
        String name = displayName(network);
        if (dropped > 0) {
            findings.add(finding(Severity.INFO, "social.hashtags.dropped", name, dropped));
        }
        List<Post> posts = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            Post post = new Post(text, PostLength.of(network, text), limit);
            if (post.overLimit()) {
                findings.add(finding(Severity.ERROR, "social.post.tooLong", name, i + 1, post.length(), limit));
            }
            posts.add(post);
        }
        if (split.oversized()) {
            findings.add(finding(Severity.WARNING, "social.link.overLimit", name, limit));
        }
        if (network == Network.GOOGLE && (split.truncated() || draft.clipped())) {
            findings.add(finding(Severity.WARNING, "social.google.tooLong", limit));
        } else if (network == Network.INSTAGRAM && (split.truncated() || draft.clipped())) {
            findings.add(finding(Severity.WARNING, "social.caption.truncated", name, limit));
        } else if (split.truncated() || draft.clipped()) {
            findings.add(finding(Severity.WARNING, "social.thread.truncated", name, posts.size()));
        } else if (posts.size() > 1) {
            findings.add(finding(Severity.INFO, "social.thread", name, posts.size()));
        }
        return List.copyOf(posts);
    }

    private static ThreadSplitter.Split split(Network network, String text, int limit) {
        if ((network == Network.INSTAGRAM || network == Network.GOOGLE) && PostLength.of(network, text) > limit) {
            // An Instagram post has one caption, a Google one summary, and no thread to continue it in: the
            // text is cut where a thread would cut its first post, and ends with an ellipsis.
            ThreadSplitter.Split cut = ThreadSplitter.split(text, t -> PostLength.of(network, t), limit - 2);
            String first = cut.posts().get(0);
            String caption = first.substring(0, first.lastIndexOf(' ')) + " …";
            return new ThreadSplitter.Split(List.of(caption), true, cut.oversized());
        }
        return ThreadSplitter.split(text, t -> PostLength.of(network, t), limit);
    }

    /**
     * Instagram shows links in captions as plain text, neither clickable nor shortened, and refuses a
     * caption with more than 30 hashtags.
     */
    private static void checkInstagram(List<Post> caption, String link, List<Finding> findings) {
        String name = displayName(Network.INSTAGRAM);
        String text = caption.isEmpty() ? "" : caption.get(0).text();
        if (URL_IN_TEXT.matcher(text).find()) {
            findings.add(finding(Severity.WARNING, "social.instagram.linkNotClickable", name));
        } else if (!link.isEmpty()) {
            findings.add(finding(Severity.INFO, "social.instagram.linkInBio", name, link));
        }
        int hashtags = 0;
        Matcher m = HASHTAG.matcher(text);
        while (m.find()) {
            hashtags++;
        }
        if (hashtags > INSTAGRAM_MAX_HASHTAGS) {
            findings.add(finding(Severity.ERROR, "social.hashtags.tooMany", name, hashtags, INSTAGRAM_MAX_HASHTAGS));
        }
    }

    /**
     * The story image is the picture of the link preview (og:image) the networks unfurl under a post:
     * 1200×630 px fills the large card everywhere; below 600×315 X, LinkedIn and Facebook fall back to a
     * small thumbnail or none. Remote and missing images are the web and email channels' findings.
     */
    private static void checkPreviewImage(Story story, RenderOptions options, List<Finding> findings) {
        String ref = story.image().strip();
        if (ref.isEmpty() || Urls.isRemote(ref)) {
            return;
        }
        Optional<ImageFile> image = new ImageFiles(options.assets()).resolve(ref).file();
        if (image.isEmpty()) {
            return;
        }
        int w = image.get().width();
        int h = image.get().height();
        if (w < PREVIEW_MIN_WIDTH || h < PREVIEW_MIN_HEIGHT) {
            findings.add(finding(Severity.WARNING, "social.image.tooSmall", w, h, PREVIEW_MIN_WIDTH,
                    PREVIEW_MIN_HEIGHT));
        } else if (w < PREVIEW_WIDTH || h < PREVIEW_HEIGHT) {
            findings.add(finding(Severity.INFO, "social.image.small", w, h, PREVIEW_WIDTH, PREVIEW_HEIGHT));
        }
    }

    /** The call to action if it is a safe link, else nothing; without one, the story's page on the website. */
    private static Optional<String> link(Story story, Brand brand, List<Finding> findings) {
        if (story.cta().isPresent() && !story.cta().get().url().isBlank()) {
            Optional<String> safe = Urls.safeLink(story.cta().get().url());
            if (safe.isEmpty()) {
                findings.add(finding(Severity.ERROR, "social.cta.unsafe"));
            }
            return safe;
        }
        // The story's own page, at the same address the web renderer gives it.
        return Pages.canonical(brand, story);
    }

    /** Network names are brands: the same in every language. */
    static String displayName(Network network) {
        return switch (network) {
            case X -> "X";
            case MASTODON -> "Mastodon";
            case BLUESKY -> "Bluesky";
            case LINKEDIN -> "LinkedIn";
            case INSTAGRAM -> "Instagram";
            case FACEBOOK -> "Facebook";
            case GOOGLE -> "Google Business Profile";
        };
    }

    private static Finding finding(Severity severity, String code, Object... args) {
        return Finding.of(severity, Channel.SOCIAL, code, 0, args);
    }
}
