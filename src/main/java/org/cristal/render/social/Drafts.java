package org.cristal.render.social;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cristal.render.common.Pages;
import org.cristal.story.Brand;
import org.cristal.story.Network;
import org.cristal.story.Story;
import org.cristal.story.StoryDocument;
import org.cristal.story.TextBlock;

/** Writes each network's draft from a story: the author's own social text, or one cut from the story. */
final class Drafts {
    /** LinkedIn folds a post after a few lines ("…see more"): a few passages invite the click, the article doesn't. */
    private static final int LINKEDIN_BODY_BUDGET = 1500;
    private static final Pattern HAS_URL = Pattern.compile("(?i)\\bhttps?://");
    private static final Pattern HAS_HASHTAG = Pattern.compile("(?:^|\\s)#[\\p{L}\\p{N}_]*\\p{L}");

    private Drafts() {
    }

    /** The author's text for this network, if any: the network's own, else the one for all networks. */
    static Optional<String> override(Story story, Network network) {
        Optional<String> own = story.override(network.id(), "text");
        if (own.isEmpty() && network == Network.X) {
            own = story.override("tweet", "text");
        }
        return own.isPresent() ? own : story.override("social", "text");
    }

    /** Whether a text this network's draft is made from holds email merge tags ({@code {{first_name|you}}}). */
    static boolean usesMergeTags(StoryDocument doc, Network network) {
        Optional<String> own = override(doc.story(), network);
        if (own.isPresent()) {
            return PlainText.hasMergeTags(own.get());
        }
        if (PlainText.hasMergeTags(doc.description()) || PlainText.hasMergeTags(doc.story().title())) {
            return true;
        }
        if (network == Network.LINKEDIN) {
            for (TextBlock b : doc.blocks()) {
                if (PlainText.hasMergeTags(b.text())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * @param link the link for this network (UTM already added), or empty
     * @param room the network's limit, to size LinkedIn's body
     */
    static Draft draft(StoryDocument doc, Network network, String link, String ctaLabel, int room) {
        Story story = doc.story();
        Optional<String> own = override(story, network);
        int max = ThreadSplitter.longestSource(room);
        String text;
        String shownLink = link;
        boolean clipped;
        if (own.isPresent()) {
            clipped = own.get().length() > max;
            text = PlainText.tidy(PlainText.clip(own.get(), max));
            // The author placed a link already (or chose where it goes): don't add a second one.
            if (HAS_URL.matcher(text).find() || network == Network.INSTAGRAM) {
                shownLink = "";
            }
        } else if (network == Network.LINKEDIN) {
            clipped = story.title().length() + doc.description().length() > max;
            text = linkedIn(doc, link.isEmpty() ? 0 : link.length() + ctaLabel.length() + 4, room, max);
            if (!link.isEmpty() && !ctaLabel.isBlank()) {
                shownLink = PlainText.tidy(PlainText.clip(ctaLabel, max)) + " → " + link;
            }
        } else {
            String source = doc.description().isBlank() ? story.title() : doc.description();
            clipped = source.length() > max;
            text = PlainText.tidy(PlainText.clip(source, max));
            if (text.isEmpty()) {
                text = PlainText.tidy(PlainText.clip(story.title(), max));
            }
            if (network == Network.INSTAGRAM) {
                // A caption link is dead text: the link goes in the profile ("link in bio"), see the finding.
                shownLink = "";
            }
        }
        if (network == Network.GOOGLE) {
            // A Business Profile post shows no link in its text: its button carries it (see LocalPosts).
            shownLink = "";
        }
        boolean authorTagged = own.isPresent() && HAS_HASHTAG.matcher(text).find();
        List<String> tags = authorTagged ? List.of() : Hashtags.of(story.tags(), network, text);
        return new Draft(text, shownLink, tags.subList(0, Math.min(tags.size(), Hashtags.budget(network))),
                clipped);
    }

    /** LinkedIn gets a real post: title, summary, then the first paragraphs and bullets of the story. */
    private static String linkedIn(StoryDocument doc, int linkLength, int limit, int max) {
        String title = PlainText.tidy(PlainText.clip(doc.story().title(), max));
        String summary = PlainText.tidy(PlainText.clip(doc.description(), max));
        StringBuilder sb = new StringBuilder(title);
        if (!summary.isEmpty() && !summary.equalsIgnoreCase(title)) {
            sb.append(sb.length() > 0 ? "\n\n" : "").append(summary);
        }
        // Leave room for the link, a line of hashtags and a thread marker.
        int budget = Math.min(LINKEDIN_BODY_BUDGET, limit - sb.length() - linkLength - 120);
        String body = keyPassages(doc.blocks(), summary, budget);
        if (!body.isEmpty()) {
            sb.append(sb.length() > 0 ? "\n\n" : "").append(body);
        }
        return sb.toString();
    }

    /**
     * Whole paragraphs, quotes and lists from the top of the story, as many as fit the budget. A
     * paragraph that announces a list ("three effects:") goes only together with its list.
     */
    static String keyPassages(List<TextBlock> blocks, String summary, int budget) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < blocks.size() && out.length() < budget) {
            TextBlock b = blocks.get(i);
            if (b.kind() == TextBlock.Kind.HEADING || b.kind() == TextBlock.Kind.CODE
                    || b.kind() == TextBlock.Kind.TABLE_CELL || b.text().isBlank()) {
                i++;
                continue;
            }
            StringBuilder group = new StringBuilder();
            if (b.kind() == TextBlock.Kind.LIST_ITEM) {
                i = appendRun(blocks, i, TextBlock.Kind.LIST_ITEM, "• ", group, budget);
            } else if (b.kind() == TextBlock.Kind.QUOTE) {
                i = appendRun(blocks, i, TextBlock.Kind.QUOTE, "", group, budget);
            } else {
                // Tidying only shrinks a text: one far over the budget can be skipped untouched.
                String text = b.text().length() > 4 * budget ? "" : PlainText.tidy(b.text());
                i++;
                if (text.isEmpty() || text.equalsIgnoreCase(summary)) {
                    continue;
                }
                group.append(text);
                if (text.endsWith(":") && i < blocks.size() && blocks.get(i).kind() == TextBlock.Kind.LIST_ITEM) {
                    group.append('\n');
                    i = appendRun(blocks, i, TextBlock.Kind.LIST_ITEM, "• ", group, budget);
                }
            }
            int added = (out.length() > 0 ? 2 : 0) + group.length();
            if (group.length() == 0 || out.length() + added > budget) {
                break;
            }
            out.append(out.length() > 0 ? "\n\n" : "").append(group);
        }
        return out.toString();
    }

    // A run of list items or quote lines, as one passage; a run already over the budget stops growing.
    private static int appendRun(List<TextBlock> blocks, int i, TextBlock.Kind kind, String prefix,
            StringBuilder group, int budget) {
        while (i < blocks.size() && blocks.get(i).kind() == kind) {
            String raw = blocks.get(i).text();
            if (group.length() <= budget && raw.length() <= 4 * budget) {
                String t = PlainText.tidy(raw);
                if (!t.isEmpty()) {
                    group.append(group.length() == 0 || group.charAt(group.length() - 1) == '\n' ? "" : "\n")
                            .append(prefix).append(t);
                }
            } else {
                group.append(raw, 0, Math.min(raw.length(), budget + 1));
            }
            i++;
        }
        return i;
    }

    /**
     * Tags a web link for analytics: utm_source = the network, utm_medium = social, utm_campaign = the
     * story. Only when the brand kit asks for UTM; parameters already in the link stay as they are.
     */
    static String withUtm(String link, Network network, Story story, Brand brand) {
        if (brand.utm().isEmpty()) {
            return link;
        }
        return org.cristal.story.Utm.of(network.id(), "social", Pages.slug(story)).tag(link);
    }
}
