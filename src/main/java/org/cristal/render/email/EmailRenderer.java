package org.cristal.render.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;
import org.cristal.render.ChannelRenderer;
import org.cristal.render.RenderOptions;
import org.cristal.render.common.BodyHeadings;
import org.cristal.render.common.BodyImages;
import org.cristal.render.common.BrandTheme;
import org.cristal.render.common.Findings;
import org.cristal.render.common.FrenchSpacing;
import org.cristal.render.common.ImageFile;
import org.cristal.render.common.ImageFiles;
import org.cristal.render.common.Links;
import org.cristal.render.common.Texts;
import org.cristal.story.Brand;
import org.cristal.story.Channel;
import org.cristal.story.EmailMessage;
import org.cristal.story.Messages;
import org.cristal.story.Rendition;
import org.cristal.story.Severity;
import org.cristal.story.Slugs;
import org.cristal.story.Story;
import org.cristal.story.StoryDocument;
import org.cristal.story.Urls;
import org.cristal.story.Utm;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Renders a story as a newsletter email: a 600 px table layout with inline styles, a hidden preheader, a
 * bulletproof call-to-action button and the legal footer; a plain-text alternative that reads on its own;
 * and the assembled MIME message (multipart/alternative with the HTML and its images in a
 * multipart/related). The standalone HTML refers to {@code images/<name>} files, the message to
 * {@code cid:} parts.
 */
public final class EmailRenderer implements ChannelRenderer<EmailMessage> {
    static final int WIDTH = 600;
    static final int GUTTER = 40;
    static final int CONTENT_WIDTH = WIDTH - 2 * GUTTER;
    static final int SUBJECT_MAX = 50;
    static final int PREHEADER_MIN = 40;
    static final int PREHEADER_MAX = 70;
    /** Inboxes show at most about this much; a longer preheader (a whole first paragraph) is cut. */
    static final int PREHEADER_CAP = 150;
    /** Gmail clips messages whose HTML is larger than this. */
    static final int GMAIL_CLIP_BYTES = 102 * 1024;
    /** Past this size a few more paragraphs, or a sending tool's tracking links, tip the message over. */
    static final int GMAIL_NEAR_BYTES = 90 * 1024;
    static final String PLACEHOLDER_SENDER = "noreply@example.invalid";
    static final String BUNDLE = "org.cristal.render.email.email";

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public Rendition<EmailMessage> render(StoryDocument doc, Brand brand, RenderOptions options) {
        Story story = doc.story();
        Findings findings = new Findings(Channel.EMAIL);
        ImageFiles files = new ImageFiles(options.assets());
        EmailStyles styles = new EmailStyles(BrandTheme.of(brand));
        Locale locale = Texts.locale(story);
        String lang = Texts.lang(story);
        Optional<FrenchSpacing> french = FrenchSpacing.of(story);
        String brandName = Texts.oneLine(brand.name());
        // Direction controls left out of the two lines an inbox lists: an override there reverses the rest of
        // the row, a known phishing disguise (the checks report them in the story: check.bidi.control).
        String subject = french(french, Texts.withoutDirectionControls(
                Texts.oneLine(story.override("email", "subject").orElse(story.title()))));
        String fullPreheader = Texts.withoutDirectionControls(Texts.oneLine(story.override("email", "preheader")
                .orElse(story.summary().isBlank() ? doc.description() : story.summary())));
        checkLengths(subject, fullPreheader, findings);
        String preheader = french(french, Texts.shorten(fullPreheader, PREHEADER_CAP));
        InternetAddress from = sender(brand, brandName, findings);
        String address = Texts.oneLine(brand.contact().address());
        if (address.isEmpty()) {
            findings.add(Severity.WARNING, "email.address.missing", 0);
        }
        Optional<String> unsubscribe = unsubscribe(options, findings);

        Optional<ImageFile> logo = logo(brand, files);
        Optional<ImageFile> hero = hero(story, files, findings);
        Document dom = Jsoup.parseBodyFragment(doc.bodyHtml());
        dom.outputSettings().prettyPrint(false);
        Element body = dom.body();
        french.ifPresent(f -> f.html(body));
        BodyHeadings.demote(body);
        List<BodyImages.Placed> placed = BodyImages.rewrite(body, doc, files, false, findings);
        BodyImages.noteImagesLeftOut(doc, false, findings);
        Utm tags = tags(options, story, brand);
        Optional<Links.Button> cta = Links.callToAction(doc, findings)
                .map(b -> new Links.Button(french(french, b.label()), tagged(tags, b.url())));
        Links.checkBody(doc, findings);
        if (tags != null) {
            // Before the plain text is made from the body, so both parts carry the same tagged links.
            body.select("a[href]").forEach(a -> a.attr("href", tags.tag(a.attr("href"))));
        }

        String title = french(french, Texts.oneLine(story.title()));
        String text = plainText(title, body, cta, brandName, address, brand, unsubscribe, locale);
        styles.apply(body);
        for (BodyImages.Placed p : placed) {
            int w = Math.min(CONTENT_WIDTH, p.file().width());
            p.element().attr("width", Integer.toString(w)).attr("height", Integer.toString(p.file().heightFor(w)));
        }

        EmailHtml template = new EmailHtml(styles, lang, subject, preheader, brandName,
                title, logo, hero, Texts.oneLine(story.imageAlt()), cta, address, brand,
                unsubscribe, locale);
        String fileBody = body.html();
        String standalone = template.html(fileBody, ImageFile::path);

        String hash = hash(subject, from, options, standalone, text, files.images(), unsubscribe);
        String domain = domain(from);
        List<MimeAssembler.Inline> inline = new ArrayList<>();
        for (ImageFile f : files.images()) {
            inline.add(new MimeAssembler.Inline(f, f.name() + "." + hash.substring(0, 12) + "@" + domain));
        }
        for (BodyImages.Placed p : placed) {
            p.element().attr("src", "cid:" + contentId(inline, p.file()));
        }
        String mimeBody = placed.isEmpty() ? fileBody : body.html();
        String mimeHtml = template.html(mimeBody, f -> "cid:" + contentId(inline, f));
        int bytes = utf8Length(mimeHtml);
        if (bytes > GMAIL_CLIP_BYTES) {
            findings.add(Severity.WARNING, "email.html.clipped", 0, (bytes + 1023) / 1024);
        } else if (bytes > GMAIL_NEAR_BYTES) {
            findings.add(Severity.INFO, "email.html.nearClip", 0, (bytes + 1023) / 1024);
        }
        String messageId = "<" + Slugs.slug(story.id()) + "." + Slugs.slug(brand.id()) + "." + hash.substring(0, 20)
                + "@" + domain + ">";
        byte[] eml = MimeAssembler.assemble(new MimeAssembler.Parts(from, subject,
                options.now().atZone(options.zone()), messageId, lang, text, mimeHtml, inline,
                unsubscribe.orElse(""), hash));
        EmailMessage message = new EmailMessage(subject, preheader, standalone, text, eml, files.files());
        return new Rendition<>(Channel.EMAIL, message, findings.list());
    }

    /**
     * The analytics tags of the e-mail's web links: an A/B test's arm when it is one; else, like the social
     * posts, the newsletter's own tags only when the brand kit asks for UTM; else none.
     */
    private static Utm tags(RenderOptions options, Story story, Brand brand) {
        if (options.emailTags() != null) {
            return options.emailTags();
        }
        return brand.utm().isEmpty() ? null : Utm.newsletter(story.webSlug());
    }

    private static String tagged(Utm tags, String url) {
        return tags == null ? url : tags.tag(url);
    }

    private static void checkLengths(String subject, String preheader, Findings findings) {
        int s = subject.codePointCount(0, subject.length());
        if (s > SUBJECT_MAX) {
            findings.add(Severity.INFO, "email.subject.long", 0, s, SUBJECT_MAX);
        }
        int p = preheader.codePointCount(0, preheader.length());
        if (p < PREHEADER_MIN || p > PREHEADER_MAX) {
            findings.add(Severity.INFO, "email.preheader.length", 0, p, PREHEADER_MIN, PREHEADER_MAX);
        }
    }

    private static InternetAddress sender(Brand brand, String brandName, Findings findings) {
        String email = brand.contact().email().strip();
        try {
            InternetAddress address = new InternetAddress(email, true);
            address.validate();
            if (!email.isEmpty() && address.getAddress().contains("@")
                    && address.getAddress().indexOf('@') < address.getAddress().length() - 1) {
                return named(address.getAddress(), brandName);
            }
        } catch (AddressException e) {
            // falls through to the placeholder
        }
        findings.add(Severity.WARNING, "email.sender.missing", 0);
        return named(PLACEHOLDER_SENDER, brandName);
    }

    private static InternetAddress named(String address, String name) {
        try {
            return name.isEmpty() ? new InternetAddress(address, true) : new InternetAddress(address, name, "UTF-8");
        } catch (UnsupportedEncodingException | AddressException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sender's domain for Message-ID and Content-IDs, which must be plain ASCII. */
    private static String domain(InternetAddress from) {
        String d = from.getAddress().substring(from.getAddress().indexOf('@') + 1).toLowerCase(Locale.ROOT);
        return d.matches("[a-z0-9]([a-z0-9.-]{0,250}[a-z0-9])?") ? d : "cristal.invalid";
    }

    private static Optional<String> unsubscribe(RenderOptions options, Findings findings) {
        String url = options.unsubscribeUrl().strip();
        if (url.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> safe = Urls.safeLink(url);
        // One-click unsubscribe (RFC 8058) requires https.
        if (safe.isEmpty() || !safe.get().toLowerCase(Locale.ROOT).startsWith("https://") || safe.get().contains(">")) {
            findings.add(Severity.WARNING, "email.unsubscribe.unsafe", 0, Texts.forMessage(url));
            return Optional.empty();
        }
        return safe;
    }

    private static Optional<ImageFile> logo(Brand brand, ImageFiles files) {
        if (brand.logo().isBlank() || Urls.isRemote(brand.logo())) {
            return Optional.empty();
        }
        return files.resolve(brand.logo()).file();
    }

    private static Optional<ImageFile> hero(Story story, ImageFiles files, Findings findings) {
        String ref = story.image().strip();
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        if (Urls.isRemote(ref)) {
            // Remote images in email are tracking-pixel territory and often blocked: the hero travels inline.
            findings.add(Severity.INFO, "image.remoteBlocked", 0, Texts.forMessage(ref));
            return Optional.empty();
        }
        ImageFiles.Result result = files.resolve(ref);
        if (result.file().isEmpty()) {
            String code = result.failure() == ImageFiles.Failure.NOT_AN_IMAGE ? "image.unreadable" : "image.notFound";
            findings.add(Severity.WARNING, code, 0, Texts.forMessage(ref));
        } else if (story.imageAlt().isBlank()) {
            findings.add(Severity.WARNING, "image.altMissing", 0, Texts.forMessage(ref));
        }
        return result.file();
    }

    private static String french(Optional<FrenchSpacing> french, String text) {
        return french.map(f -> f.text(text)).orElse(text);
    }

    private static String plainText(String title, Element body, Optional<Links.Button> cta, String brandName,
            String address, Brand brand, Optional<String> unsubscribe, Locale locale) {
        PlainText t = new PlainText();
        if (!title.isEmpty()) {
            t.heading(title, 1, "");
        }
        t.body(body);
        cta.ifPresent(b -> t.paragraph(labelled(locale, b.label(), b.url()), ""));
        List<String> footer = new ArrayList<>();
        footer.add("-- ");
        if (!brandName.isEmpty()) {
            footer.add(brandName);
        }
        if (!address.isEmpty()) {
            footer.add(address);
        }
        String email = brand.contact().email().strip();
        if (!email.isEmpty()) {
            footer.add(email);
        }
        t.lines(footer.toArray(String[]::new));
        t.paragraph(Messages.format(BUNDLE, locale, "footer.why", brandName), "");
        unsubscribe.ifPresent(u -> t.paragraph(
                labelled(locale, Messages.format(BUNDLE, locale, "footer.unsubscribe"), u), ""));
        return t.result();
    }

    static String labelled(Locale locale, String label, String value) {
        return Messages.format(BUNDLE, locale, "text.labelled", label, value);
    }

    private static String contentId(List<MimeAssembler.Inline> inline, ImageFile file) {
        for (MimeAssembler.Inline i : inline) {
            if (i.file() == file) {
                return i.contentId();
            }
        }
        throw new IllegalStateException("image not registered: " + file.name());
    }

    private static String hash(String subject, InternetAddress from, RenderOptions options, String html, String text,
            List<ImageFile> images, Optional<String> unsubscribe) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String part : List.of(subject, from.toString(), options.now().toString(), options.zone().getId(),
                unsubscribe.orElse(""))) {
            sha.update(part.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        // The large parts go in by their Java hashes: a digest of megabytes on every keystroke buys nothing
        // here, where the hash only has to change when the content does.
        for (String big : List.of(html, text)) {
            sha.update((big.length() + ":" + big.hashCode() + ";").getBytes(StandardCharsets.UTF_8));
        }
        for (ImageFile f : images) {
            CRC32 crc = new CRC32();
            crc.update(f.asset().bytes());
            sha.update((f.name() + ":" + f.asset().bytes().length + ":" + crc.getValue()).getBytes(
                    StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
