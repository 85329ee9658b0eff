package org.cristal.story;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The analytics tags Cristal puts on the links it publishes, made in one place so that every channel
 * writes them alike and the results import can join them back to a story: campaign = the story's web
 * address, source = the channel ("mastodon", "newsletter", "brochure"), medium = the kind of channel
 * ("social", "email", "print"), content = the A/B variant, when there is one. Values are lower case:
 * analytics tools count "Newsletter" and "newsletter" as two sources.
 */
public record Utm(String source, String medium, String campaign, String content) {
    /** The newsletter's {@code utm_source}: what its links say, and what its visits are read back by. */
    public static final String NEWSLETTER = "newsletter";

    public Utm {
        source = lower(source);
        medium = lower(medium);
        campaign = lower(campaign);
        content = lower(content);
    }

    /** Tags without a variant. */
    public static Utm of(String source, String medium, String campaign) {
        return new Utm(source, medium, campaign, "");
    }

    /** The newsletter's tags for the story whose web address is {@code campaign} (medium e-mail). */
    public static Utm newsletter(String campaign) {
        return of(NEWSLETTER, "email", campaign);
    }

    /** The same tags for one variant of an A/B test ({@code utm_content}). */
    public Utm withContent(String variant) {
        return new Utm(source, medium, campaign, variant);
    }

    /**
     * {@code link} with these tags added: only to a web link (http or https), and a tag the link already
     * carries stays as its author wrote it. Empty values are left out.
     */
    public String tag(String link) {
        String lower = link.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
            return link;
        }
        StringBuilder query = new StringBuilder();
        add(query, link, "utm_source", source);
        add(query, link, "utm_medium", medium);
        add(query, link, "utm_campaign", campaign);
        add(query, link, "utm_content", content);
        return query.length() == 0 ? link : Urls.withQuery(link, query.toString());
    }

    private static void add(StringBuilder query, String link, String key, String value) {
        int hash = link.indexOf('#');
        String base = hash < 0 ? link : link.substring(0, hash);
        if (value.isEmpty() || base.contains("?" + key + "=") || base.contains("&" + key + "=")) {
            return;
        }
        query.append(query.length() > 0 ? "&" : "").append(key).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static String lower(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
