package org.cristal.render.web;

import static org.cristal.story.HtmlSanitizer.escape;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cristal.render.ChannelRenderer;
import org.cristal.render.RenderOptions;
import org.cristal.render.common.MergeTags;
import org.cristal.render.common.BodyHeadings;
import org.cristal.render.common.BodyImages;
import org.cristal.render.common.BrandTheme;
import org.cristal.render.common.Findings;
import org.cristal.render.common.FrenchSpacing;
import org.cristal.render.common.ImageFile;
import org.cristal.render.common.ImageFiles;
import org.cristal.render.common.Links;
import org.cristal.render.common.Pages;
import org.cristal.render.common.Texts;
import org.cristal.story.Brand;
import org.cristal.story.Channel;
import org.cristal.story.FeedEntry;
import org.cristal.story.Rendition;
import org.cristal.story.Severity;
import org.cristal.story.Story;
import org.cristal.story.StoryDocument;
import org.cristal.story.Urls;
import org.cristal.story.WebPage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Renders a story as a complete, self-contained HTML5 page: brand header, title, hero image, body, call
 * to action and footer, with search and link-preview metadata. The page carries no script, no external
 * style sheet and no remote font; its Content-Security-Policy forbids scripts outright, so even a
 * sanitiser slip could not run one. Images are copied into {@link WebPage#files()} under {@code images/}.
 *
 * <p>Absolute image URLs for link previews are resolved against the canonical address
 * ({@code website/slug}) the way a browser resolves the page's own relative images.
 */
public final class WebRenderer implements ChannelRenderer<WebPage> {
    /** Search engines show about this many characters of a description. */
    static final int DESCRIPTION_MAX = 156;
    private static final int LOGO_HEIGHT = 48;
    private static final Pattern X_HANDLE = Pattern.compile("@?[A-Za-z0-9_]{1,15}");
    /** An http(s) URL without a host: {@code https://}, {@code http:///path}, {@code https://?q}. */

    @Override
    public Channel channel() {
        return Channel.WEB;
    }

    @Override
    public Rendition<WebPage> render(StoryDocument doc, Brand brand, RenderOptions options) {
        Story story = doc.story();
        Findings findings = new Findings(Channel.WEB);
        ImageFiles files = new ImageFiles(options.assets());
        BrandTheme theme = BrandTheme.of(brand);
        String lang = Texts.lang(story);
        Optional<FrenchSpacing> french = FrenchSpacing.of(story);
        String title = french(french, Texts.oneLine(story.title()));
        String brandName = Texts.oneLine(brand.name());
        String description = description(doc, findings);
        WebChecks.descriptionLength(story, findings);
        String pageTitle = french(french, WebChecks.title(story, brandName, findings));
        WebChecks.headingOrder(doc, findings);
        WebChecks.Palette palette = WebChecks.contrast(theme, findings);
        String slug = Pages.slug(story);
        OffsetDateTime published = options.now().atZone(options.zone()).toOffsetDateTime();
        Optional<String> canonical = Pages.canonical(brand, story);
        Optional<ImageFile> logo = logo(brand, files);
        Hero hero = hero(story, files, options, findings, canonical);
        String body = body(doc, files, options, findings, french);
        Optional<Links.Button> cta = Links.callToAction(doc, findings)
                .map(b -> new Links.Button(french(french, b.label()), b.url()));
        Links.checkBody(doc, findings);

        StringBuilder h = new StringBuilder(body.length() + 8192);
        h.append("<!DOCTYPE html>\n<html lang=\"").append(escape(lang)).append("\" dir=\"").append(Texts.dir(lang))
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(contentSecurityPolicy(options.allowRemoteImages())).append("\">\n")
                .append("<title>").append(escape(pageTitle)).append("</title>\n");
        if (!description.isEmpty()) {
            meta(h, "name", "description", description);
        }
        canonical.ifPresent(url -> h.append("<link rel=\"canonical\" href=\"").append(escape(url)).append("\">\n"));
        openGraph(h, doc, brand, title, brandName, description, canonical, hero, published);
        Optional<String> site = Pages.website(brand);
        String article = JsonLd.article(new JsonLd.Article(title, description, lang, Feeds.rfc3339(published),
                canonical.orElse(""), brandName, site.orElse(""),
                logo.map(l -> absolute(site, l.path())).orElse(""), logo.map(ImageFile::width).orElse(0),
                logo.map(ImageFile::height).orElse(0), hero.absoluteSrc(), hero.width(), hero.height(), hero.alt(),
                tags(story)));
        h.append("<script type=\"application/ld+json\">").append(article).append("</script>\n");
        h.append("<style>\n").append(WebStyle.css(theme, palette)).append("</style>\n</head>\n<body>\n");
        header(h, brand, brandName, logo);
        h.append("<main class=\"wrap\">\n<article>\n<h1>").append(escape(title)).append("</h1>\n");
        LocalDate date = options.now().atZone(options.zone()).toLocalDate();
        h.append("<p class=\"meta\"><time datetime=\"").append(date).append("\">")
                .append(escape(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(Texts.locale(story)).format(date)))
                .append("</time></p>\n");
        if (!story.summary().isBlank()) {
            h.append("<p class=\"lede\">").append(escape(french(french, Texts.oneLine(story.summary()))))
                    .append("</p>\n");
        }
        hero.write(h);
        h.append("<div class=\"story-body\">\n").append(body).append("\n</div>\n");
        cta.ifPresent(b -> h.append("<p class=\"cta\"><a class=\"button\" href=\"").append(escape(b.url()))
                .append("\">").append(escape(b.label())).append("</a></p>\n"));
        h.append("</article>\n</main>\n");
        footer(h, brand, brandName);
        h.append("</body>\n</html>\n");
        // A web page has no recipient: email merge tags ("Hi {{first_name|there}}") read as their fallback.
        // The page is escaped HTML by now, so a fallback can only bring back text that was already in it.
        Feeds.Entry entry = new Feeds.Entry(slug, canonical.orElse(""), title, description, brandName, lang,
                published, tags(story));
        FeedEntry feed = new FeedEntry(slug, slug + ".html", canonical.orElse(""), Feeds.atom(entry),
                Feeds.rss(entry));
        return new Rendition<>(Channel.WEB, new WebPage(MergeTags.fill(h.toString()), files.files(), feed),
                findings.list());
    }

    /**
     * Scripts, frames, forms, plugins and base rewrites are all refused. Images: the page's own files
     * ('self'), and data: so that a preview may inline them (an image cannot run code); remote images only
     * when the user allowed remote content. Styles: only the inline sheet.
     */
    static String contentSecurityPolicy(boolean remoteImages) {
        return "default-src 'none'; img-src 'self' data:" + (remoteImages ? " https: http:" : "")
                + "; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
    }

    private static List<String> tags(Story story) {
        List<String> tags = new ArrayList<>();
        for (String tag : story.tags()) {
            String t = Texts.oneLine(tag);
            if (!t.isEmpty()) {
                tags.add(t);
            }
        }
        return tags;
    }

    /** A page-relative path made absolute against the website root, when there is one. */
    private static String absolute(Optional<String> site, String path) {
        return site.map(s -> Pages.absolute(s + "/", path)).orElse(path);
    }

    private static String description(StoryDocument doc, Findings findings) {
        String d = Texts.shorten(doc.description(), DESCRIPTION_MAX);
        if (d.isEmpty()) {
            findings.add(Severity.INFO, "web.description.missing", 0);
        } else if (doc.story().summary().isBlank()) {
            findings.add(Severity.INFO, "web.summary.missing", 0);
        }
        return d;
    }

    private static Optional<ImageFile> logo(Brand brand, ImageFiles files) {
        if (brand.logo().isBlank() || Urls.isRemote(brand.logo())) {
            return Optional.empty();
        }
        return files.resolve(brand.logo()).file();
    }

    private static String body(StoryDocument doc, ImageFiles files, RenderOptions options, Findings findings,
            Optional<FrenchSpacing> french) {
        boolean remote = options.allowRemoteImages();
        String html = remote ? doc.bodyHtmlWithRemoteImages() : doc.bodyHtml();
        BodyImages.noteImagesLeftOut(doc, remote, findings);
        // Most bodies have no image and no h1: the sanitised HTML then goes in as is, without a second parse.
        if (!html.contains("<img") && !BodyHeadings.hasTopLevel(html) && french.isEmpty()) {
            return html.strip();
        }
        Document dom = Jsoup.parseBodyFragment(html);
        dom.outputSettings().prettyPrint(false);
        french.ifPresent(f -> f.html(dom.body()));
        BodyHeadings.demote(dom.body());
        BodyImages.rewrite(dom.body(), doc, files, remote, findings);
        dom.body().select("img").forEach(img -> img.attr("loading", "lazy").attr("decoding", "async"));
        return dom.body().html().strip();
    }

    private static String french(Optional<FrenchSpacing> french, String text) {
        return french.map(f -> f.text(text)).orElse(text);
    }

    private static Hero hero(Story story, ImageFiles files, RenderOptions options, Findings findings,
            Optional<String> canonical) {
        String ref = story.image().strip();
        if (ref.isEmpty()) {
            return Hero.NONE;
        }
        String alt = Texts.oneLine(story.imageAlt());
        if (Urls.isRemote(ref)) {
            Optional<String> url = Urls.safeLink(ref);
            if (!options.allowRemoteImages() || url.isEmpty()) {
                findings.add(Severity.INFO, "image.remoteBlocked", 0, Texts.forMessage(ref));
                return Hero.NONE;
            }
            altCheck(alt, ref, findings);
            return new Hero(url.get(), url.get(), alt, 0, 0);
        }
        ImageFiles.Result result = files.resolve(ref);
        if (result.file().isEmpty()) {
            String code = result.failure() == ImageFiles.Failure.NOT_AN_IMAGE ? "image.unreadable" : "image.notFound";
            findings.add(Severity.WARNING, code, 0, Texts.forMessage(ref));
            return Hero.NONE;
        }
        altCheck(alt, ref, findings);
        ImageFile f = result.file().get();
        String absolute = canonical.map(c -> Pages.absolute(c, f.path())).orElse(f.path());
        return new Hero(f.path(), absolute, alt, f.width(), f.height());
    }

    private static void altCheck(String alt, String ref, Findings findings) {
        if (alt.isEmpty()) {
            findings.add(Severity.WARNING, "image.altMissing", 0, Texts.forMessage(ref));
        }
    }

    private static void openGraph(StringBuilder h, StoryDocument doc, Brand brand, String title, String brandName,
            String description, Optional<String> canonical, Hero hero, OffsetDateTime published) {
        meta(h, "property", "og:type", "article");
        meta(h, "property", "og:locale", ogLocale(Texts.lang(doc.story())));
        if (!brandName.isEmpty()) {
            meta(h, "property", "og:site_name", brandName);
        }
        meta(h, "property", "og:title", title);
        if (!description.isEmpty()) {
            meta(h, "property", "og:description", description);
        }
        canonical.ifPresent(url -> meta(h, "property", "og:url", url));
        if (hero.present()) {
            meta(h, "property", "og:image", hero.absoluteSrc());
            if (hero.width() > 0) {
                meta(h, "property", "og:image:width", Integer.toString(hero.width()));
                meta(h, "property", "og:image:height", Integer.toString(hero.height()));
            }
            if (!hero.alt().isEmpty()) {
                meta(h, "property", "og:image:alt", hero.alt());
            }
        }
        meta(h, "property", "article:published_time", Feeds.rfc3339(published));
        for (String tag : tags(doc.story())) {
            meta(h, "property", "article:tag", tag);
        }
        meta(h, "name", "twitter:card", hero.present() ? "summary_large_image" : "summary");
        String handle = brand.social().getOrDefault("x", brand.social().getOrDefault("twitter", "")).strip();
        if (X_HANDLE.matcher(handle).matches()) {
            meta(h, "name", "twitter:site", handle.startsWith("@") ? handle : "@" + handle);
        }
        meta(h, "name", "twitter:title", title);
        if (!description.isEmpty()) {
            meta(h, "name", "twitter:description", description);
        }
        if (hero.present()) {
            meta(h, "name", "twitter:image", hero.absoluteSrc());
            if (!hero.alt().isEmpty()) {
                meta(h, "name", "twitter:image:alt", hero.alt());
            }
        }
    }

    /** Open Graph writes locales as {@code language_TERRITORY}: fr → fr_FR, en-GB → en_GB. */
    static String ogLocale(String lang) {
        Locale l = Locale.forLanguageTag(lang);
        String language = l.getLanguage().isEmpty() ? "en" : l.getLanguage();
        String country = l.getCountry();
        if (country.isEmpty()) {
            country = switch (language) {
                case "en" -> "US";
                case "sv" -> "SE";
                case "da" -> "DK";
                case "ja" -> "JP";
                case "zh" -> "CN";
                case "ko" -> "KR";
                case "el" -> "GR";
                case "cs" -> "CZ";
                case "uk" -> "UA";
                case "he" -> "IL";
                case "ar" -> "SA";
                case "fa" -> "IR";
                case "hi" -> "IN";
                case "vi" -> "VN";
                case "ca" -> "ES";
                default -> language.toUpperCase(Locale.ROOT);
            };
        }
        return language + "_" + country;
    }

    private static void meta(StringBuilder h, String kind, String name, String content) {
        h.append("<meta ").append(kind).append("=\"").append(name).append("\" content=\"").append(escape(content))
                .append("\">\n");
    }

    private static void header(StringBuilder h, Brand brand, String brandName, Optional<ImageFile> logo) {
        h.append("<header class=\"site-header\">\n<div class=\"wrap\">\n");
        Optional<String> site = Pages.website(brand);
        h.append(site.map(s -> "<a class=\"brand\" href=\"" + escape(s) + "\">").orElse("<span class=\"brand\">"));
        logo.ifPresent(l -> h.append("<img src=\"").append(escape(l.path())).append("\" width=\"")
                .append(Math.max(1, Math.round((float) l.width() * LOGO_HEIGHT / l.height())))
                .append("\" height=\"").append(LOGO_HEIGHT)
                // The brand name is written next to the logo, so the image itself is decorative.
                .append("\" alt=\"\">"));
        h.append("<span class=\"brand-name\">").append(escape(brandName)).append("</span>");
        h.append(site.isPresent() ? "</a>" : "</span>").append("\n</div>\n</header>\n");
    }

    private static void footer(StringBuilder h, Brand brand, String brandName) {
        h.append("<footer class=\"site-footer\">\n<div class=\"wrap\">\n");
        if (!brandName.isEmpty()) {
            h.append("<p class=\"footer-name\">").append(escape(brandName)).append("</p>\n");
        }
        if (!brand.tagline().isBlank()) {
            h.append("<p class=\"tagline\">").append(escape(Texts.oneLine(brand.tagline()))).append("</p>\n");
        }
        Brand.Contact c = brand.contact();
        StringBuilder address = new StringBuilder();
        if (!c.address().isBlank()) {
            address.append(escape(Texts.oneLine(c.address())));
        }
        Optional<String> mail = Urls.safeLink("mailto:" + c.email().strip());
        if (!c.email().isBlank() && c.email().contains("@") && mail.isPresent()) {
            address.append(address.length() > 0 ? "<br>\n" : "").append("<a href=\"").append(escape(mail.get()))
                    .append("\">").append(escape(c.email().strip())).append("</a>");
        }
        String phone = c.phone().strip();
        Optional<String> tel = Urls.safeLink("tel:" + phone.replaceAll("[^0-9+]", ""));
        if (!phone.isEmpty() && tel.isPresent() && tel.get().length() > 5) {
            address.append(address.length() > 0 ? "<br>\n" : "").append("<a href=\"").append(escape(tel.get()))
                    .append("\">").append(escape(Texts.oneLine(phone))).append("</a>");
        }
        if (address.length() > 0) {
            h.append("<address>").append(address).append("</address>\n");
        }
        h.append("</div>\n</footer>\n");
    }

    /** The hero image as the page shows it; {@code src} empty when the story has none that can be shown. */
    private record Hero(String src, String absoluteSrc, String alt, int width, int height) {
        static final Hero NONE = new Hero("", "", "", 0, 0);

        boolean present() {
            return !src.isEmpty();
        }

        void write(StringBuilder h) {
            if (!present()) {
                return;
            }
            h.append("<figure class=\"hero\"><img src=\"").append(escape(src)).append('"');
            if (width > 0) {
                h.append(" width=\"").append(width).append("\" height=\"").append(height).append('"');
            }
            h.append(" alt=\"").append(escape(alt)).append("\" fetchpriority=\"high\"></figure>\n");
        }
    }
}
