package org.cristal.ui.preview;

import static org.cristal.ui.preview.PreviewFixtures.onFx;
import static org.cristal.ui.preview.PreviewFixtures.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.cristal.render.Renderers;
import org.cristal.render.social.LocalPost;
import org.cristal.story.Brand;
import org.cristal.story.Network;
import org.cristal.story.Post;
import org.cristal.story.StoryDocument;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Facebook and Google Business Profile cards of the social preview, as a shop owner reads them. */
@ExtendWith(ApplicationExtension.class)
class SocialCardsTest {
    private static final String MARKUP = "<b>Pain</b> <script>alert('x')</script> &amp; <img src=x onerror=alert(1)>";
    private StackPane root;

    @Start
    void start(Stage stage) {
        PreviewFixtures.theme();
        root = new StackPane();
        stage.setScene(new Scene(root, 700, 800));
        stage.show();
    }

    private SocialPreview preview(Locale locale, String story, Network network) {
        StoryDocument doc = Corpus.document(story);
        Renderers.All all = PreviewFixtures.render(doc, PreviewFixtures.options());
        return onFx(() -> {
            SocialPreview p = new SocialPreview(PreviewFixtures.bundle(locale), locale);
            p.setBrand(PreviewFixtures.brandOf(doc));
            p.setStory(doc);
            p.show(all.social());
            p.networkProperty().set(network);
            root.getChildren().setAll(p);
            // The cards sit inside a ScrollPane, whose content lookup() reaches only once its skin exists:
            // made now, not at the next pulse, which a busy machine may not have run yet.
            root.applyCss();
            root.layout();
            return p;
        });
    }

    private static String words(Node card) {
        return texts(card).stream().collect(Collectors.joining("|"));
    }

    /** Every label's and text run's words, in order. */
    private static List<String> texts(Node n) {
        List<String> out = new java.util.ArrayList<>();
        if (n instanceof Label l) {
            out.add(l.getText());
        } else if (n instanceof TextFlow f) {
            out.add(f.getChildren().stream().map(t -> ((Text) t).getText()).collect(Collectors.joining()));
            return out;
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> out.addAll(texts(c)));
        }
        return out;
    }

    @Test
    void theFacebookCardShowsThePageTheTextTheLinkPreviewAndTheActionRow() {
        SocialPreview p = preview(Locale.ENGLISH, "boulangerie-levain", Network.FACEBOOK);
        Node card = onFx(() -> p.lookup("#facebookCard"));
        assertNotNull(card, "a Facebook card, not the generic one");
        StoryDocument doc = Corpus.document("boulangerie-levain");
        assertEquals(PreviewFixtures.brandOf(doc).name(), onFx(() -> ((Label) p.lookup("#facebookPage")).getText()));
        String w = onFx(() -> words(card));
        assertTrue(w.contains("Like|Comment|Share"), w);
        // The story has a picture: the plugin makes a photo post, the link stays in the text, no card unfurls.
        Node photo = onFx(() -> p.lookup("#facebookPhoto"));
        assertNotNull(photo, "the story's picture, as the photo post shows it");
        assertTrue(onFx(() -> words(photo)).contains("Picture: " + doc.story().imageAlt()));
        assertNull(onFx(() -> p.lookup("#facebookLink")), "a photo post shows no link card");
    }

    @Test
    void aStoryWithoutPictureShowsTheLinkCardFacebookUnfurls() {
        SocialPreview p = preview(Locale.ENGLISH, "edge-cases", Network.FACEBOOK);
        StoryDocument doc = Corpus.document("edge-cases");
        Node link = onFx(() -> p.lookup("#facebookLink"));
        assertNotNull(link, "a link post: Facebook unfurls the story's page");
        assertTrue(onFx(() -> words(link)).contains(doc.story().title()), onFx(() -> words(link)));
        assertNull(onFx(() -> p.lookup("#facebookPhoto")));
    }

    @Test
    void theGoogleCardShowsTheListingWhatsNewAndTheButtonInFrench() {
        SocialPreview p = preview(Locale.FRENCH, "boulangerie-levain", Network.GOOGLE);
        Node card = onFx(() -> p.lookup("#googleCard"));
        assertNotNull(card);
        assertEquals("Nouveautés", onFx(() -> ((Label) p.lookup("#googleTopic")).getText()));
        // The story's call to action is "Réserver…": Google shows its Book button under the post.
        assertEquals("Réserver", onFx(() -> ((Label) p.lookup("#googleAction")).getText()));
    }

    private VBox googleCard(Locale locale, LocalPost local, String text) {
        return onFx(() -> {
            VBox card = GoogleCard.of(PreviewFixtures.bundle(locale), locale, Brand.DEFAULT, null, local,
                    new Post(text, text.length(), 1500), "Google Business Profile");
            root.getChildren().setAll(card);
            return card;
        });
    }

    @Test
    void anOfferShowsItsTitleDatesCouponAndButtonInEnglishAndFrench() {
        LocalPost offer = new LocalPost(LocalPost.Topic.OFFER, "Two loaves for the price of one.", "Saturday bread",
                Optional.of(LocalDateTime.of(2026, 12, 12, 7, 0)), Optional.of(LocalDateTime.of(2026, 12, 13, 13, 0)),
                "PAIN10", "One per customer.", LocalPost.Action.ORDER, "https://example.com/order");
        String en = onFx(() -> words(googleCard(Locale.ENGLISH, offer, "")));
        assertTrue(en.contains("Offer|Saturday bread|Dec 12, 2026 – Dec 13, 2026|Coupon code: PAIN10"
                + "|Two loaves for the price of one.|One per customer.|Order online"), en);
        String fr = onFx(() -> words(googleCard(Locale.FRENCH, offer, "")));
        assertTrue(fr.contains("Offre|Saturday bread|12 déc. 2026 – 13 déc. 2026|Code promo\u00a0: PAIN10"), fr);
        assertTrue(fr.endsWith("Commander|0 / 1500") || fr.contains("|Commander|"), fr);
    }

    @ParameterizedTest
    @CsvSource({"LEARN_MORE,Learn more,En savoir plus", "BOOK,Book,Réserver", "ORDER,Order online,Commander",
            "SHOP,Buy,Acheter", "SIGN_UP,Sign up,S’inscrire", "CALL,Call now,Appeler"})
    void theButtonIsLabelledAsGoogleLabelsIt(LocalPost.Action action, String english, String french) {
        assertEquals(english, GoogleCard.actionLabel(PreviewFixtures.bundle(Locale.ENGLISH), Locale.ENGLISH, action)
                .orElseThrow());
        assertEquals(french, GoogleCard.actionLabel(PreviewFixtures.bundle(Locale.FRENCH), Locale.FRENCH, action)
                .orElseThrow());
    }

    @Test
    void markupInAPostIsShownAsTypedNeverRun() {
        LocalPost plain = new LocalPost(LocalPost.Topic.STANDARD, MARKUP, "", Optional.empty(), Optional.empty(),
                "", "", LocalPost.Action.NONE, "");
        String google = onFx(() -> words(googleCard(Locale.ENGLISH, plain, MARKUP)));
        assertTrue(google.contains(MARKUP), google);
        String facebook = onFx(() -> {
            VBox card = FacebookCard.of(PreviewFixtures.bundle(Locale.ENGLISH), Locale.ENGLISH, Brand.DEFAULT, null,
                    new Post(MARKUP, MARKUP.length(), 63206), "Facebook");
            root.getChildren().setAll(card);
            return words(card);
        });
        assertTrue(facebook.contains(MARKUP), facebook);
    }
}
