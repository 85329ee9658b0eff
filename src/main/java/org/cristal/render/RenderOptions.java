package org.cristal.render;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.cristal.story.AssetResolver;
import org.cristal.story.Network;

/**
 * Everything a renderer needs besides the story and the brand. Renderers take the date from here,
 * never from the clock, and load images only through {@link #assets()}.
 *
 * @param now               the moment of rendering (email Date header, brochure date, page date)
 * @param zone              time zone for dates shown to readers
 * @param assets            resolves image references of the story and the brand
 * @param allowRemoteImages whether outputs may load images from the network (off unless the user asks)
 * @param paper             brochure paper size
 * @param limits            per-network post limits that differ from the defaults (e.g. a Mastodon instance at 1,000)
 * @param unsubscribeUrl    the newsletter's unsubscribe link, or empty
 * @param printReady        brochure for a print shop: 3 mm bleed on every side, trim and bleed boxes, crop marks
 * @param exactPaper        the user chose {@code paper} explicitly: the brochure keeps it even for a brand in
 *                          North America (otherwise A4 becomes Letter there)
 * @param emailTags         analytics tags for the e-mail's web links (a newsletter A/B test: source newsletter,
 *                          content = the arm), or null for none
 */
public record RenderOptions(
        Instant now,
        ZoneId zone,
        AssetResolver assets,
        boolean allowRemoteImages,
        PaperSize paper,
        Map<Network, Integer> limits,
        String unsubscribeUrl,
        boolean printReady,
        boolean exactPaper,
        org.cristal.story.Utm emailTags) {

    public RenderOptions {
        Objects.requireNonNull(now);
        Objects.requireNonNull(zone);
        assets = Objects.requireNonNullElse(assets, AssetResolver.NONE);
        paper = Objects.requireNonNullElse(paper, PaperSize.A4);
        limits = limits.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(limits));
        unsubscribeUrl = Objects.requireNonNullElse(unsubscribeUrl, "");
    }

    public RenderOptions(Instant now, ZoneId zone, AssetResolver assets, boolean allowRemoteImages, PaperSize paper,
            Map<Network, Integer> limits, String unsubscribeUrl, boolean printReady, boolean exactPaper) {
        this(now, zone, assets, allowRemoteImages, paper, limits, unsubscribeUrl, printReady, exactPaper, null);
    }

    public RenderOptions(Instant now, ZoneId zone, AssetResolver assets, boolean allowRemoteImages, PaperSize paper,
            Map<Network, Integer> limits, String unsubscribeUrl, boolean printReady) {
        this(now, zone, assets, allowRemoteImages, paper, limits, unsubscribeUrl, printReady, false);
    }

    /** Options for the screen (no print marks): the form every caller used before print-ready output existed. */
    public RenderOptions(Instant now, ZoneId zone, AssetResolver assets, boolean allowRemoteImages, PaperSize paper,
            Map<Network, Integer> limits, String unsubscribeUrl) {
        this(now, zone, assets, allowRemoteImages, paper, limits, unsubscribeUrl, false);
    }

    /** Defaults for a given moment: no assets, no remote images, A4, default limits. */
    public static RenderOptions at(Instant now) {
        return new RenderOptions(now, ZoneId.of("UTC"), AssetResolver.NONE, false, PaperSize.A4, Map.of(), "");
    }

    public int limit(Network network) {
        return limits.getOrDefault(network, network.defaultLimit());
    }

    public RenderOptions withAssets(AssetResolver resolver) {
        return new RenderOptions(now, zone, resolver, allowRemoteImages, paper, limits, unsubscribeUrl, printReady, exactPaper, emailTags);
    }

    /** The paper, swapped for its North American size when the brand is based there. */
    public RenderOptions withPaper(PaperSize size) {
        return new RenderOptions(now, zone, assets, allowRemoteImages, size, limits, unsubscribeUrl, printReady, false, emailTags);
    }

    /** The paper exactly as given, whatever the brand's country (the user's "A4 (force)"). */
    public RenderOptions withExactPaper(PaperSize size) {
        return new RenderOptions(now, zone, assets, allowRemoteImages, size, limits, unsubscribeUrl, printReady, true, emailTags);
    }

    public RenderOptions withZone(ZoneId z) {
        return new RenderOptions(now, z, assets, allowRemoteImages, paper, limits, unsubscribeUrl, printReady, exactPaper, emailTags);
    }

    public RenderOptions withRemoteImages(boolean allow) {
        return new RenderOptions(now, zone, assets, allow, paper, limits, unsubscribeUrl, printReady, exactPaper, emailTags);
    }

    public RenderOptions withLimit(Network network, int limit) {
        EnumMap<Network, Integer> m = new EnumMap<>(Network.class);
        m.putAll(limits);
        m.put(network, limit);
        return new RenderOptions(now, zone, assets, allowRemoteImages, paper, m, unsubscribeUrl, printReady, exactPaper, emailTags);
    }

    /** Brochure with bleed, trim box and crop marks, for a print shop (the preview leaves it off). */
    public RenderOptions withPrintReady(boolean ready) {
        return new RenderOptions(now, zone, assets, allowRemoteImages, paper, limits, unsubscribeUrl, ready, exactPaper, emailTags);
    }

    /** The e-mail's web links tagged with {@code tags} (each arm of a newsletter A/B test its own). */
    public RenderOptions withEmailTags(org.cristal.story.Utm tags) {
        return new RenderOptions(now, zone, assets, allowRemoteImages, paper, limits, unsubscribeUrl, printReady, exactPaper,
                tags);
    }

    public RenderOptions withUnsubscribeUrl(String url) {
        return new RenderOptions(now, zone, assets, allowRemoteImages, paper, limits, url, printReady, exactPaper, emailTags);
    }
}
