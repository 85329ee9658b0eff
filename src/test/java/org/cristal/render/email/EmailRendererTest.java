package org.cristal.render.email;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.cristal.render.RenderOptions;
import org.cristal.render.common.GoldenFiles;
import org.cristal.render.common.InertHtml;
import org.cristal.render.common.RenderFixtures;
import org.cristal.story.Brand;
import org.cristal.story.EmailMessage;
import org.cristal.story.Finding;
import org.cristal.story.Rendition;
import org.cristal.story.Severity;
import org.cristal.story.StoryDocument;
import org.cristal.support.Corpus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailRendererTest {
    private static final String UNSUBSCRIBE = "https://lists.example/unsubscribe?id=42";
    private static final Session SESSION = Session.getInstance(new Properties());

    private static Rendition<EmailMessage> render(String story) {
        return render(story, RenderFixtures.options());
    }

    private static Rendition<EmailMessage> render(String story, RenderOptions options) {
        StoryDocument doc = Corpus.document(story);
        return new EmailRenderer().render(doc, RenderFixtures.brandOf(doc), options);
    }

    private static Rendition<EmailMessage> render(StoryDocument doc, Brand brand) {
        return new EmailRenderer().render(doc, brand, RenderFixtures.options());
    }

    @Test
    void aBrandThatAsksForAnalyticsTagsGetsTheNewslettersTagsOnTheButton() {
        StoryDocument doc = Corpus.document("coffee-huila");
        Brand plain = RenderFixtures.brandOf(doc);
        Brand tagged = new Brand(plain.id(), plain.name(), plain.tagline(), plain.website(), plain.logo(),
                plain.colors(), plain.fonts(), plain.voice(), plain.contact(), plain.social(), Map.of("source", "x"));
        String with = render(doc, tagged).body().html();
        assertTrue(with.contains("huila-2026?utm_source=newsletter&amp;utm_medium=email&amp;utm_campaign=coffee-huila"),
                with);
        Brand untagged = new Brand(plain.id(), plain.name(), plain.tagline(), plain.website(), plain.logo(),
                plain.colors(), plain.fonts(), plain.voice(), plain.contact(), plain.social(), Map.of());
        assertFalse(render(doc, untagged).body().html().contains("utm_"));
    }

    private static MimeMessage parse(Rendition<EmailMessage> r) throws Exception {
        return new MimeMessage(SESSION, new ByteArrayInputStream(r.body().eml()));
    }

    private static Optional<Finding> finding(Rendition<?> r, String code) {
        return r.findings().stream().filter(f -> f.code().equals(code)).findFirst();
    }

    /** The parts of the message by content type (first of each), decoded by jakarta.mail. */
    private static Map<String, BodyPart> parts(MimeMessage msg) throws Exception {
        Map<String, BodyPart> out = new HashMap<>();
        collect((MimeMultipart) msg.getContent(), out);
        return out;
    }

    private static void collect(MimeMultipart multipart, Map<String, BodyPart> out) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            String type = part.getContentType().split(";")[0].strip().toLowerCase();
            out.putIfAbsent(type, part);
            if (part.getContent() instanceof MimeMultipart inner) {
                collect(inner, out);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"boulangerie-levain", "coffee-huila"})
    void htmlAndTextMatchTheirGoldenFiles(String story) {
        EmailMessage m = render(story, RenderFixtures.options().withUnsubscribeUrl(UNSUBSCRIBE)).body();
        GoldenFiles.assertMatches("email/" + story + ".html", m.html());
        GoldenFiles.assertMatches("email/" + story + ".txt", m.text());
    }

    @Test
    void messageIsTextAndRelatedHtmlAsAlternatives() throws Exception {
        MimeMessage msg = parse(render("coffee-huila"));
        assertTrue(msg.isMimeType("multipart/alternative"));
        MimeMultipart alternative = (MimeMultipart) msg.getContent();
        assertEquals(2, alternative.getCount());
        BodyPart text = alternative.getBodyPart(0);
        assertTrue(text.isMimeType("text/plain"));
        assertTrue(text.getContentType().toLowerCase().contains("charset=utf-8"));
        String plain = (String) text.getContent();
        assertTrue(plain.contains("Marta Gómez sent us a 2 kg sample"), plain);
        assertTrue(plain.contains("La Esperanza"));
        BodyPart related = alternative.getBodyPart(1);
        assertTrue(related.isMimeType("multipart/related"));
        BodyPart html = ((MimeMultipart) related.getContent()).getBodyPart(0);
        assertTrue(html.isMimeType("text/html"));
        assertTrue(((String) html.getContent()).contains(
                "href=\"https://harborpine.example/shop/huila-2026?utm_source=newsletter&amp;utm_medium=email"));
    }

    @Test
    void partsDecodeBackToExactlyTheRenderedTextAndHtml() throws Exception {
        Rendition<EmailMessage> r = render("boulangerie-levain");
        Map<String, BodyPart> parts = parts(parse(r));
        assertEquals(r.body().text().replace("\n", "\r\n"), parts.get("text/plain").getContent());
        String html = (String) parts.get("text/html").getContent();
        String withFiles = html.replaceAll("cid:([a-z0-9.-]+)\\.[0-9a-f]{12}@[a-z0-9.-]+", "images/$1");
        assertEquals(r.body().html().replace("\n", "\r\n"), withFiles);
    }

    @Test
    void inlineImagesAreTheOnesTheHtmlNamesByContentId() throws Exception {
        Rendition<EmailMessage> r = render("coffee-huila");
        MimeMessage msg = parse(r);
        MimeMultipart related = (MimeMultipart) ((MimeMultipart) msg.getContent()).getBodyPart(1).getContent();
        Document html = Jsoup.parse((String) related.getBodyPart(0).getContent());
        Set<String> referenced = new HashSet<>();
        for (Element img : html.select("img")) {
            assertTrue(img.attr("src").startsWith("cid:"), img.toString());
            referenced.add(img.attr("src").substring(4));
        }
        Set<String> carried = new HashSet<>();
        for (int i = 1; i < related.getCount(); i++) {
            BodyPart image = related.getBodyPart(i);
            String id = image.getHeader("Content-ID")[0];
            carried.add(id.substring(1, id.length() - 1));
            if (image.isMimeType("image/jpeg")) {
                byte[] bytes = image.getInputStream().readAllBytes();
                assertArrayEquals(Files.readAllBytes(Corpus.images().resolve("hero-coffee.jpg")), bytes);
            }
        }
        assertEquals(Set.of("hero-coffee.jpg", "logo-harbor.png"), Set.copyOf(r.body().files().keySet().stream()
                .map(p -> p.substring("images/".length())).toList()));
        assertEquals(2, referenced.size());
        assertEquals(referenced, carried);
    }

    @Test
    void standaloneHtmlRefersToTheImageFilesItCarries() {
        EmailMessage m = render("velo-atelier-solidaire").body();
        for (Element img : Jsoup.parse(m.html()).select("img")) {
            assertTrue(m.files().containsKey(img.attr("src")), img.attr("src"));
        }
        Element hero = Jsoup.parse(m.html()).selectFirst("img.fluid");
        assertEquals("600", hero.attr("width"));
        assertEquals("Un mécanicien ajuste le dérailleur d'un vélo rouge sur un pied d'atelier", hero.attr("alt"));
        assertFalse(hero.attr("height").isEmpty());
    }

    @Test
    void subjectAndPreheaderOverridesAreUsedAndTheSubjectDecodesBack() throws Exception {
        Rendition<EmailMessage> r = render("nimbus-tax-season");
        assertEquals("{{first_name|Hi}}, your tax checklist is inside", r.body().subject());
        assertEquals("{{first_name|Hi}}, your tax checklist is inside", parse(r).getSubject());
        assertEquals("Five steps, one afternoon, zero panic.", r.body().preheader());
        Element hidden = Jsoup.parse(r.body().html()).body().child(0);
        assertTrue(hidden.attr("style").contains("display:none"));
        assertTrue(hidden.text().startsWith("Five steps, one afternoon, zero panic."));
    }

    @Test
    void accentedSubjectIsEncodedInTheHeaderAndDecodesToTheTitle() throws Exception {
        Rendition<EmailMessage> r = render("boulangerie-levain");
        MimeMessage msg = parse(r);
        assertTrue(msg.getHeader("Subject")[0].startsWith("=?UTF-8?"), msg.getHeader("Subject")[0]);
        assertEquals("Quarante ans de levain, et toujours la même main", msg.getSubject());
    }

    @Test
    void senderIsTheBrandAndTheDateComesFromTheOptions() throws Exception {
        MimeMessage msg = parse(render("velo-atelier-solidaire"));
        InternetAddress from = (InternetAddress) msg.getFrom()[0];
        assertEquals("contact@velorouge.example", from.getAddress());
        assertEquals("Atelier Vélo Rouge", from.getPersonal());
        assertEquals(Date.from(RenderFixtures.NOW), msg.getSentDate());
        assertEquals("fr", msg.getHeader("Content-Language")[0]);
    }

    @Test
    void brandWithoutContactEmailSendsFromAPlaceholderWithAWarning() throws Exception {
        Rendition<EmailMessage> r = render(Corpus.document("osteo-samedi"), Brand.DEFAULT);
        assertEquals(EmailRenderer.PLACEHOLDER_SENDER, ((InternetAddress) parse(r).getFrom()[0]).getAddress());
        assertEquals(Severity.WARNING, finding(r, "email.sender.missing").orElseThrow().severity());
    }

    @Test
    void brandWithoutPostalAddressGetsAWarning() {
        Rendition<EmailMessage> r = render(Corpus.document("osteo-samedi"), Brand.DEFAULT);
        assertEquals(Severity.WARNING, finding(r, "email.address.missing").orElseThrow().severity());
        assertTrue(finding(render("osteo-samedi"), "email.address.missing").isEmpty());
    }

    @Test
    void oneClickUnsubscribeHeadersAndVisibleLinkWhenConfigured() throws Exception {
        Rendition<EmailMessage> r = render("coffee-huila", RenderFixtures.options().withUnsubscribeUrl(UNSUBSCRIBE));
        MimeMessage msg = parse(r);
        assertEquals("<" + UNSUBSCRIBE + ">", msg.getHeader("List-Unsubscribe")[0]);
        assertEquals("List-Unsubscribe=One-Click", msg.getHeader("List-Unsubscribe-Post")[0]);
        assertEquals("Unsubscribe", Jsoup.parse(r.body().html()).selectFirst("a[href=" + UNSUBSCRIBE + "]").text());
        assertTrue(r.body().text().contains("Unsubscribe: " + UNSUBSCRIBE));
    }

    @Test
    void noUnsubscribeHeadersWithoutAnUnsubscribeUrl() throws Exception {
        MimeMessage msg = parse(render("coffee-huila"));
        assertNull(msg.getHeader("List-Unsubscribe"));
        assertNull(msg.getHeader("List-Unsubscribe-Post"));
    }

    @Test
    void unsubscribeUrlThatIsNotHttpsIsLeftOutWithAWarning() throws Exception {
        Rendition<EmailMessage> r = render("coffee-huila",
                RenderFixtures.options().withUnsubscribeUrl("javascript:alert(1)"));
        assertNull(parse(r).getHeader("List-Unsubscribe"));
        assertTrue(finding(r, "email.unsubscribe.unsafe").isPresent());
    }

    @Test
    void sameInputGivesTheSameBytesAndAnotherStoryAnotherMessageId() throws Exception {
        byte[] first = render("coffee-huila").body().eml();
        assertArrayEquals(first, render("coffee-huila").body().eml());
        String id = new MimeMessage(SESSION, new ByteArrayInputStream(first)).getMessageID();
        assertTrue(id.matches("<coffee-huila\\.harbor-pine\\.[0-9a-f]{20}@harborpine\\.example>"), id);
        assertNotEquals(id, parse(render("edge-cases")).getMessageID());
    }

    @Test
    void bodyElementsCarryTheirStylesInline() {
        Document d = Jsoup.parse(render("boulangerie-levain").body().html());
        for (Element e : d.select("h1, h2, p, ul, li, blockquote, a")) {
            assertFalse(e.attr("style").isBlank(), "no inline style on " + e.tagName());
        }
        assertTrue(d.selectFirst("h2").attr("style").contains("color:#7A4B2A"));
        Element container = d.selectFirst("table.container");
        assertEquals("600", container.attr("width"));
    }

    @Test
    void tableCellsCarryTheirStylesInline() {
        Document d = Jsoup.parse(render("velo-atelier-solidaire").body().html());
        for (Element cell : d.select("td:not(table[role=presentation] > tbody > tr > td), th")) {
            if (cell.closest("table[role=presentation]") == null) {
                assertTrue(cell.attr("style").contains("padding:8px"), cell.outerHtml());
            }
        }
        assertTrue(d.select("th").size() >= 3);
    }

    @Test
    void ctaIsATableButtonInTheBrandColour() {
        Element cell = Jsoup.parse(render("boulangerie-levain").body().html()).selectFirst("table.button td");
        assertEquals("#7A4B2A", cell.attr("bgcolor"));
        Element link = cell.selectFirst("a");
        assertEquals("https://boulangerie-martin.example/reservation?utm_source=newsletter&utm_medium=email&utm_campaign=boulangerie-levain", link.attr("href"));
        assertEquals("Réserver ma miche pour samedi", link.text());
        assertTrue(link.attr("style").contains("color:#FFFFFF"));
    }

    @Test
    void unsafeCtaIsAnErrorAndGivesNoButton() {
        Rendition<EmailMessage> r = render("../bad/xss");
        assertEquals(Severity.ERROR, finding(r, "cta.url.unsafe").orElseThrow().severity());
        assertNull(Jsoup.parse(r.body().html()).selectFirst("table.button"));
        String text = r.body().text();
        // The unsafe addresses are never written out; an autolink's own text may be, as plain text.
        assertFalse(text.contains("alert('cta')") || text.contains("window.pwned='link'")
                || text.contains("window.pwned='markdown'"), text);
    }

    @Test
    void hostileStoryIsInertInBothHtmlVersions() throws Exception {
        Rendition<EmailMessage> r = render("../bad/xss");
        InertHtml.assertInert(r.body().html(), false);
        InertHtml.assertInert((String) parts(parse(r)).get("text/html").getContent(), false);
        assertEquals("<script>alert(document.cookie)</script> Winter roast notes",
                Jsoup.parse(r.body().html()).selectFirst("h1").text());
    }

    @Test
    void plainTextReadsOnItsOwn() {
        String text = render("coffee-huila", RenderFixtures.options().withUnsubscribeUrl(UNSUBSCRIBE)).body().text();
        List<String> lines = text.lines().toList();
        assertEquals("From one farm in Huila to your morning cup", lines.get(0));
        assertTrue(lines.get(1).matches("=+") && lines.get(1).length() == lines.get(0).length());
        int h2 = lines.indexOf("Brewing tips");
        assertTrue(lines.get(h2 + 1).matches("-{12}"), lines.get(h2 + 1));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("- Filter: 15 g of coffee for 250 g")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  grind, total brew time")), "hanging indent");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("1. We pay before the harvest.")));
        // The brand asks for analytics tags: the newsletter's own are on the link.
        assertTrue(text.contains("Try the new Huila harvest:"), text);
        assertTrue(text.contains("https://harborpine.example/shop/huila-2026?utm_source=newsletter&utm_medium=email"
                + "&utm_campaign=coffee-huila"), text);
        assertTrue(text.contains("88 Pier Road, Portland, ME 04101, USA"));
        for (String line : lines) {
            assertTrue(line.length() <= PlainText.WIDTH || !line.strip().contains(" "), "too long: " + line);
        }
        assertFalse(text.contains("<"));
    }

    @Test
    void linksAreSpelledOutInThePlainText() {
        String text = render("boulangerie-levain").body().text();
        // The author's own utm_source stays; the newsletter adds only the tags the link lacks.
        String link = "(https://boulangerie-martin.example/atelier?utm_source=story&utm_medium=email"
                + "&utm_campaign=boulangerie-levain)";
        assertTrue(text.contains("réservez la vôtre ici\n" + link) || text.contains("réservez la vôtre ici " + link),
                text);
        assertTrue(text.contains("Réserver ma miche pour samedi\u00a0:"), "French colon spacing");
    }

    @Test
    void lengthAdviceForSubjectAndPreheader() {
        Finding subject = finding(render("velo-atelier-solidaire"), "email.subject.long").orElseThrow();
        assertEquals(Severity.INFO, subject.severity());
        assertEquals(64, subject.args().get(0));
        Finding preheader = finding(render("nimbus-tax-season"), "email.preheader.length").orElseThrow();
        assertEquals(38, preheader.args().get(0));
        assertTrue(finding(render("nimbus-tax-season"), "email.subject.long").isEmpty());
    }

    @Test
    void htmlBeyondGmailsClippingSizeGetsAWarning() {
        StringBuilder md = new StringBuilder("---\ntitle: Long\nsummary: A summary long enough for the preview.\n---\n\n");
        for (int i = 0; i < 800; i++) {
            md.append("Paragraph ").append(i).append(" says something about bread and coffee.\n\n");
        }
        Rendition<EmailMessage> r = render(RenderFixtures.markdown(md.toString()), Corpus.loadBrand("harbor-pine"));
        Finding f = finding(r, "email.html.clipped").orElseThrow();
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(((Integer) f.args().get(0)) > 102);
        assertTrue(finding(render("coffee-huila"), "email.html.clipped").isEmpty());
    }

    /** The text of every HTML comment in the document, in order. */
    private static List<String> comments(Document d) {
        List<String> out = new java.util.ArrayList<>();
        d.traverse((node, depth) -> {
            if (node instanceof org.jsoup.nodes.Comment c) {
                out.add(c.getData());
            }
        });
        return out;
    }

    @Test
    void outlookGetsAVmlRoundedButtonAndEveryOtherClientTheTableButton() {
        Document d = Jsoup.parse(render("boulangerie-levain").body().html());
        List<String> comments = comments(d);
        String vml = comments.stream().filter(c -> c.startsWith("[if mso]>") && c.contains("v:roundrect"))
                .findFirst().orElseThrow(() -> new AssertionError(comments.toString()));
        Document button = Jsoup.parseBodyFragment(vml.substring("[if mso]>".length(), vml.indexOf("<![endif]")));
        Element roundrect = button.selectFirst("v|roundrect");
        assertEquals("https://boulangerie-martin.example/reservation?utm_source=newsletter&utm_medium=email&utm_campaign=boulangerie-levain", roundrect.attr("href"));
        assertEquals("#7A4B2A", roundrect.attr("fillcolor"));
        assertTrue(roundrect.attr("style").matches("height:46px;v-text-anchor:middle;width:\\d+px;"),
                roundrect.attr("style"));
        assertEquals("Réserver ma miche pour samedi", button.selectFirst("center").text());
        // The table button sits between "[if !mso]><!" and "<![endif]", hidden from Outlook only.
        Element table = d.selectFirst("table.button");
        org.jsoup.nodes.Node before = table.previousSibling();
        while (!(before instanceof org.jsoup.nodes.Comment)) {
            before = before.previousSibling();
        }
        assertEquals("[if !mso]><!", ((org.jsoup.nodes.Comment) before).getData());
        assertTrue(comments.contains("<![endif]"));
    }

    @Test
    void darkModeIsDeclaredAndRecoloursTheCardForAppleMailAndOutlookCom() {
        Document d = Jsoup.parse(render("boulangerie-levain").body().html());
        assertEquals("light dark", d.selectFirst("meta[name=color-scheme]").attr("content"));
        String css = d.selectFirst("head style").data();
        assertTrue(css.contains("@media (prefers-color-scheme:dark){"), css);
        assertTrue(css.contains("[data-ogsc] .email-card p"), css);
        assertTrue(css.contains("[data-ogsb] .email-card{background-color:#1C1C1E!important}"), css);
        assertFalse(d.select(".email-card").isEmpty());
        // The brand brown of headings is lightened until it reads on the dark card.
        String h2 = css.replaceAll("(?s).*@media \\(prefers-color-scheme:dark\\)\\{.*?\\.email-card h2,"
                + "[^{]*\\{color:(#[0-9A-F]{6}).*", "$1");
        double contrast = org.cristal.render.common.Colours.contrast(
                org.cristal.render.common.Colours.rgb(h2, "#000000"), 0x1C1C1E);
        assertTrue(contrast >= 4.5, h2 + " contrast " + contrast);
        assertTrue(org.cristal.render.common.Colours.contrast(0x7A4B2A, 0x1C1C1E) < 4.5, "the test would be void");
    }

    @Test
    void styleBlockHoldsOnlyMediaQueriesAndDarkModeRules() {
        String css = Jsoup.parse(render("coffee-huila").body().html()).selectFirst("head style").data();
        // Strip the @media blocks (one level of nesting), then what is left must only address dark mode.
        String outside = css.replaceAll("@media[^{]*\\{(?:[^{}]*\\{[^}]*\\})*[^}]*\\}", "");
        for (String rule : outside.split("\\}")) {
            if (!rule.isBlank()) {
                assertTrue(rule.startsWith(":root{color-scheme") || rule.startsWith("[data-ogsc]")
                        || rule.startsWith("[data-ogsb]"), rule);
            }
        }
        assertTrue(css.contains("@media only screen and (max-width:620px)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"boulangerie-levain", "coffee-huila", "velo-atelier-solidaire", "edge-cases",
            "nimbus-tax-season", "osteo-samedi"})
    void everyImageHasWidthHeightAndAlt(String story) {
        Document d = Jsoup.parse(render(story).body().html());
        for (Element img : d.select("img")) {
            assertTrue(img.attr("width").matches("[1-9]\\d*"), img.outerHtml());
            assertTrue(img.attr("height").matches("[1-9]\\d*"), img.outerHtml());
            assertTrue(img.hasAttr("alt"), img.outerHtml());
        }
    }

    @Test
    void htmlCloseToGmailsClippingSizeGetsANote() {
        Brand brand = Corpus.loadBrand("harbor-pine");
        int paragraphs = 300;
        for (int step = 0; step < 40; step++) {
            StringBuilder md = new StringBuilder("---\ntitle: Long\nsummary: A summary long enough for the preview.\n"
                    + "---\n\n");
            for (int i = 0; i < paragraphs; i++) {
                md.append("Paragraph ").append(i).append(" says something about bread and coffee.\n\n");
            }
            Rendition<EmailMessage> r = render(RenderFixtures.markdown(md.toString()), brand);
            int bytes = EmailRenderer.utf8Length(r.body().html());
            if (bytes > 93 * 1024 && bytes < 100 * 1024) {
                Finding f = finding(r, "email.html.nearClip").orElseThrow();
                assertEquals(Severity.INFO, f.severity());
                assertTrue(finding(r, "email.html.clipped").isEmpty());
                return;
            }
            paragraphs += bytes < 93 * 1024 ? 20 : -7;
        }
        throw new AssertionError("no size between 93 and 100 KB reached");
    }

    @Test
    void bothPartsOfTheParsedMessageCarryTheBrandsPostalAddressAndUnsubscribeLink() throws Exception {
        Rendition<EmailMessage> r = render("velo-atelier-solidaire",
                RenderFixtures.options().withUnsubscribeUrl(UNSUBSCRIBE));
        MimeMessage msg = parse(r);
        assertEquals("<" + UNSUBSCRIBE + ">", msg.getHeader("List-Unsubscribe")[0]);
        assertEquals("List-Unsubscribe=One-Click", msg.getHeader("List-Unsubscribe-Post")[0]);
        Map<String, BodyPart> parts = parts(msg);
        String text = (String) parts.get("text/plain").getContent();
        assertTrue(text.contains("4 impasse du Canal, 31000 Toulouse, France"), text);
        assertTrue(text.contains(UNSUBSCRIBE), text);
        Document html = Jsoup.parse((String) parts.get("text/html").getContent());
        Element address = html.getElementsContainingOwnText("4 impasse du Canal").first();
        assertEquals("4 impasse du Canal, 31000 Toulouse, France", address.text());
        Element footerCell = address.closest("td");
        assertTrue(footerCell.selectFirst("a[href=" + UNSUBSCRIBE + "]") != null, footerCell.outerHtml());
        // The footer comes after the body and the button.
        assertTrue(html.html().indexOf("4 impasse du Canal") > html.html().indexOf("class=\"button\""));
    }

    @Test
    void preheaderIsHiddenButFirstInTheBodyAndPaddedSoTheBodyDoesNotRunOn() {
        Element hidden = Jsoup.parse(render("coffee-huila").body().html()).body().child(0);
        assertEquals("span", hidden.tagName());
        for (String rule : List.of("display:none", "max-height:0", "opacity:0", "overflow:hidden", "mso-hide:all")) {
            assertTrue(hidden.attr("style").contains(rule), rule);
        }
        assertTrue(hidden.text().startsWith("We buy all our washed Colombian from a single family farm."),
                hidden.text());
        assertTrue(hidden.text().contains("\u200c"), "filler after the preheader");
    }

    private static Rendition<EmailMessage> withSubjectAndPreheader(String subject, String preheader) {
        String md = "---\ntitle: Title\nsummary: Summary\nchannels:\n  email:\n    subject: \"" + subject
                + "\"\n    preheader: \"" + preheader + "\"\n---\n\nBody.\n";
        return render(RenderFixtures.markdown(md), Corpus.loadBrand("harbor-pine"));
    }

    @Test
    void subjectUpTo50AndPreheaderFrom40To70CharactersGetNoAdvice() {
        Rendition<EmailMessage> fits = withSubjectAndPreheader("é".repeat(50), "p".repeat(40));
        assertTrue(finding(fits, "email.subject.long").isEmpty());
        assertTrue(finding(fits, "email.preheader.length").isEmpty());
        assertTrue(finding(withSubjectAndPreheader("s", "p".repeat(70)), "email.preheader.length").isEmpty());
        Rendition<EmailMessage> over = withSubjectAndPreheader("é".repeat(51), "p".repeat(71));
        assertEquals(List.of(51, 50), finding(over, "email.subject.long").orElseThrow().args());
        assertEquals(List.of(71, 40, 70), finding(over, "email.preheader.length").orElseThrow().args());
        assertEquals(List.of(39, 40, 70), finding(withSubjectAndPreheader("s", "p".repeat(39)),
                "email.preheader.length").orElseThrow().args());
    }
}
