package org.cristal.render.social;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cristal.render.RenderOptions;
import org.cristal.render.social.LocalPost.Action;
import org.cristal.render.social.LocalPost.Topic;
import org.cristal.story.Brand;
import org.cristal.story.Finding;
import org.cristal.story.Network;
import org.cristal.story.Rendition;
import org.cristal.story.SocialPosts;
import org.cristal.story.StoryDocument;
import org.cristal.story.StoryFormatException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A story as a Google Business Profile local post, and the findings the author sees about it. */
class LocalPostsTest {
    private static final RenderOptions OPTIONS = RenderOptions.at(Instant.parse("2026-11-15T10:00:00Z"));
    private static final Brand BRAND = new Brand("levain", "Boulangerie Martin", "", "https://boulangerie.example",
            "", null, null, null, null, java.util.Map.of(), java.util.Map.of());

    private record Rendered(LocalPost post, List<Finding> findings) {
        List<String> codes() {
            return findings.stream().map(Finding::code).filter(c -> c.startsWith("social.google.")).toList();
        }

        String messages(Locale locale) {
            return String.join("\n", findings.stream().map(f -> f.message(locale)).toList());
        }
    }

    private static Rendered render(String front) {
        return render(front, "Notre pain de Noël est prêt, venez le goûter dès samedi.");
    }

    private static Rendered render(String front, String summary) {
        String source = "---\ntitle: \"Le pain de Noël\"\nlang: fr\nsummary: \"" + summary + "\"\n" + front
                + "\n---\n\nUn pain aux fruits confits, cuit au feu de bois.\n";
        try {
            StoryDocument doc = StoryDocument.parse("pain-de-noel", source);
            Rendition<SocialPosts> r = new SocialRenderer().render(doc, BRAND, OPTIONS);
            return new Rendered(LocalPosts.of(doc, r.body()), r.findings());
        } catch (StoryFormatException e) {
            throw new AssertionError(e);
        }
    }

    private static String cta(String label, String url) {
        return "cta:\n  label: \"" + label + "\"\n  url: \"" + url + "\"";
    }

    @Test
    void aPlainStoryIsAWhatsNewWhoseTextLeavesTheLinkToTheButton() {
        Rendered r = render(cta("En savoir plus", "https://boulangerie.example/noel"));

        assertEquals(Topic.STANDARD, r.post().topic());
        assertEquals("Notre pain de Noël est prêt, venez le goûter dès samedi.", r.post().summary());
        assertEquals(Action.LEARN_MORE, r.post().action());
        assertEquals("https://boulangerie.example/noel", r.post().actionUrl());
        assertFalse(r.post().summary().contains("http"), "the link is on the button, not in the text");
        assertEquals(List.of(), r.codes());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "Réserver ma miche pour samedi, BOOK", "Book a table, BOOK", "Commander en ligne, ORDER",
        "Order now, ORDER", "Acheter, SHOP", "Voir la boutique, SHOP", "Shop the collection, SHOP",
        "S’inscrire à l’atelier, SIGN_UP", "Sign up, SIGN_UP", "Learn more, LEARN_MORE",
        "Appeler pour réserver, CALL"})
    void theButtonIsReadFromTheCallToActionLabelInFrenchAndEnglish(String label, Action expected) {
        Rendered r = render(cta(label, "https://boulangerie.example/noel"));

        assertEquals(expected, r.post().action());
        assertFalse(r.codes().contains("social.google.ctaUnmapped"), r.codes().toString());
    }

    @Test
    void aCallButtonDialsTheListingsNumberAndCarriesNoLink() {
        Rendered byLabel = render(cta("Appelez-nous", "https://boulangerie.example/contact"));
        Rendered byUrl = render(cta("Nous joindre", "tel:+33478123456"));

        assertEquals(Action.CALL, byLabel.post().action());
        assertEquals("", byLabel.post().actionUrl());
        assertEquals(Action.CALL, byUrl.post().action());
        assertEquals("", byUrl.post().actionUrl());
    }

    @Test
    void aLabelCristalCannotReadGetsLearnMoreAndTheAuthorIsTold() {
        Rendered r = render(cta("Par ici les gourmands", "https://boulangerie.example/noel"));

        assertEquals(Action.LEARN_MORE, r.post().action());
        assertTrue(r.codes().contains("social.google.ctaUnmapped"), r.codes().toString());
        assertTrue(r.messages(Locale.FRENCH).contains("«\u00a0Par ici les gourmands\u00a0»"), r.messages(Locale.FRENCH));
        assertTrue(r.messages(Locale.ENGLISH).contains("“Learn more” button"), r.messages(Locale.ENGLISH));
    }

    @Test
    void theActionWrittenInFrontMatterWinsOverTheLabel() {
        Rendered r = render(cta("Par ici", "https://boulangerie.example/noel")
                + "\nchannels:\n  google:\n    action: order");

        assertEquals(Action.ORDER, r.post().action());
        assertEquals(List.of(), r.codes());
    }

    @Test
    void anOfferCarriesItsTitleDatesCouponAndTerms() {
        Rendered r = render(cta("Commander", "https://boulangerie.example/commande")
                + "\nchannels:\n  google:\n    type: offer\n    title: \"-10 % sur la bûche\"\n"
                + "    start: 2026-12-01\n    end: 24/12/2026\n    coupon: NOEL10\n    terms: \"Une par client\"");

        LocalPost p = r.post();
        assertEquals(Topic.OFFER, p.topic());
        assertEquals("-10 % sur la bûche", p.title());
        assertEquals(Optional.of(LocalDateTime.parse("2026-12-01T00:00")), p.start());
        assertEquals(Optional.of(LocalDateTime.parse("2026-12-24T23:59")), p.end());
        assertTrue(p.wholeDayStart() && p.wholeDayEnd(), "dates alone are whole days");
        assertEquals("NOEL10", p.coupon());
        assertEquals("Une par client", p.terms());
        assertEquals("https://boulangerie.example/commande", p.actionUrl());
        assertEquals(List.of(), r.codes());
    }

    @Test
    void anEventWithTimesKeepsThem() {
        Rendered r = render("channels:\n  google:\n    type: event\n    title: Atelier pain\n"
                + "    start: \"2026-12-12 14h30\"\n    end: 2026-12-12T17:00");

        assertEquals(Topic.EVENT, r.post().topic());
        assertEquals(Optional.of(LocalDateTime.parse("2026-12-12T14:30")), r.post().start());
        assertEquals(Optional.of(LocalDateTime.parse("2026-12-12T17:00")), r.post().end());
        assertFalse(r.post().wholeDayStart());
        assertEquals(Action.NONE, r.post().action());
    }

    @Test
    void anEventWithoutTitleOrDatesIsFlagged() {
        Rendered r = render("channels:\n  google:\n    type: event");

        assertTrue(r.codes().containsAll(List.of("social.google.noTitle", "social.google.noDates")), r.codes()
                .toString());
        assertTrue(r.messages(Locale.FRENCH).contains("un événement doit avoir un titre"), r.messages(Locale.FRENCH));
    }

    @Test
    void anOfferEndingBeforeItStartsIsFlagged() {
        Rendered r = render("channels:\n  google:\n    type: offer\n    title: Promo\n    start: 2026-12-10\n"
                + "    end: 2026-12-01");

        assertTrue(r.codes().contains("social.google.endBeforeStart"), r.codes().toString());
        assertTrue(r.messages(Locale.ENGLISH).contains("the offer ends before it starts"), r.messages(Locale.ENGLISH));
    }

    @Test
    void aDateCristalCannotReadIsAFindingNotACrash() {
        Rendered r = render("channels:\n  google:\n    type: event\n    title: Atelier\n    start: samedi prochain\n"
                + "    end: 2026-02-30");

        assertEquals(Optional.empty(), r.post().start());
        assertEquals(Optional.empty(), r.post().end(), "30 February does not exist");
        assertEquals(2, r.codes().stream().filter("social.google.badDate"::equals).count(), r.codes().toString());
        assertTrue(r.messages(Locale.FRENCH).contains("«\u00a0samedi prochain\u00a0» dans channels.google.start"),
                r.messages(Locale.FRENCH));
    }

    @Test
    void anEventTitleOverFiftyEightCharactersIsFlagged() {
        String title = "Grande journée portes ouvertes du fournil avec dégustation gratuite";
        Rendered r = render("channels:\n  google:\n    type: event\n    title: \"" + title + "\"\n"
                + "    start: 2026-12-12\n    end: 2026-12-12");

        assertTrue(title.length() > 58);
        assertEquals(List.of("social.google.titleTooLong"), r.codes());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Appelez le 04 78 12 34 56 pour commander.", "Call +33 4 78 12 34 56 today.",
        "Réservez au 0478123456.", "Call (555) 123-4567 now."})
    void aPhoneNumberInTheTextIsFlaggedBecauseGoogleRejectsThePost(String summary) {
        Rendered r = render("", summary);

        assertTrue(r.codes().contains("social.google.phone"), r.codes().toString());
        assertTrue(r.messages(Locale.ENGLISH).contains("Google rejects posts"), r.messages(Locale.ENGLISH));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Depuis 1985, 30 % de farine de seigle.", "Ouvert du 2026-12-01 au 24/12/2026.",
        "Entre 16 et 20 heures de pousse, 250 g de beurre."})
    void numbersThatAreNotPhoneNumbersAreLeftAlone(String summary) {
        assertFalse(render("", summary).codes().contains("social.google.phone"));
    }

    @Test
    void aTextOverFifteenHundredCharactersIsCutToOnePostAndFlagged() {
        String longText = "Notre pain est pétri à la main chaque matin. ".repeat(40);
        Rendered r = render("channels:\n  google:\n    text: \"" + longText + "\"");

        assertTrue(r.post().summary().length() <= Network.GOOGLE.defaultLimit(), r.post().summary().length() + "");
        assertTrue(r.codes().contains("social.google.tooLong"), r.codes().toString());
    }

    @Test
    void anUnknownGoogleKeyOrTypeIsNamed() {
        Rendered r = render("channels:\n  google:\n    type: promo\n    coupon_code: X1");

        assertEquals(Topic.STANDARD, r.post().topic());
        assertTrue(r.codes().containsAll(List.of("social.google.badType", "social.google.unknownKey")),
                r.codes().toString());
        assertTrue(r.messages(Locale.ENGLISH).contains("channels.google.coupon_code is not a setting"),
                r.messages(Locale.ENGLISH));
    }
}
