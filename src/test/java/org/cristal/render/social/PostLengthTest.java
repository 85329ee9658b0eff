package org.cristal.render.social;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TwitterTextParser;
import org.cristal.story.Network;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Counting as each network counts. The twitter-text jar ships no conformance data (no validate.yml), so
 * the X table restates the behaviour twitter-text documents for its v3 configuration.
 */
class PostLengthTest {
    private static final String FAMILY = "👨‍👩‍👧‍👦";
    private static final String FLAGS = "🇫🇷🇨🇴";
    private static final String SKIN_TONE = "👍🏽";

    @ParameterizedTest(name = "X counts \"{0}\" as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            This is a test.                                              | 15
            https://test.com                                             | 23
            http://test.com                                              | 23
            test.com                                                     | 23
            https://harborpine.com/blog/2026/11/a-very-long-article-slug-that-keeps-going?utm_source=x | 23
            Test https://test.com test https://test.com test.com test    | 86
            café crème brûlée                                            | 17
            😀                                                            | 2
            👨‍👩‍👧‍👦                                                        | 2
            🇫🇷                                                           | 2
            👍🏽                                                           | 2
            東京                                                          | 4
            저찀쯿쿿                                                      | 8
            東京のコーヒー、北京的咖啡                                    | 26
            """)
    void xWeighsUrlsEmojiAndCjkLikeTwitterText(String text, int expected) {
        assertEquals(expected, PostLength.of(Network.X, text));
    }

    @Test
    void xCountsANewlineAsOneCharacter() {
        assertEquals(3, PostLength.of(Network.X, "a\nb"));
    }

    @Test
    void xUsesTheV3ConfigurationWith280WeightedCharacters() {
        assertEquals(3, TwitterTextParser.TWITTER_TEXT_DEFAULT_CONFIG.getVersion());
        assertEquals(280, TwitterTextParser.TWITTER_TEXT_DEFAULT_CONFIG.getMaxWeightedTweetLength());
    }

    @Test
    void xAccepts280CharactersAndRefuses281() {
        String at = "a".repeat(280);
        String over = "a".repeat(281);
        assertEquals(280, PostLength.of(Network.X, at));
        assertEquals(281, PostLength.of(Network.X, over));
        assertTrue(TwitterTextParser.parseTweet(at).isValid);
        assertFalse(TwitterTextParser.parseTweet(over).isValid);
    }

    @Test
    void xLimitWithCjkIsReachedAt140Characters() {
        assertEquals(280, PostLength.of(Network.X, "の".repeat(140)));
        assertEquals(282, PostLength.of(Network.X, "の".repeat(141)));
    }

    @Test
    void blueskyCountsFamilyFlagAndSkinToneAsOneGraphemeEach() {
        assertEquals(1, PostLength.of(Network.BLUESKY, FAMILY));
        assertEquals(2, PostLength.of(Network.BLUESKY, FLAGS));
        assertEquals(1, PostLength.of(Network.BLUESKY, SKIN_TONE));
        assertEquals(1, PostLength.of(Network.BLUESKY, "e\u0301"));
        // A sentence like the edge-cases story's first: 57 characters before the emoji, then the family and a dot.
        String sentence = "Family emoji count as one glyph but several code points: " + FAMILY + ".";
        assertEquals(59, PostLength.of(Network.BLUESKY, sentence));
    }

    @Test
    void blueskyCountsTheEdgeCasesStoryEmojiAsOneGraphemeEach() {
        String paragraph = Corpus.document("edge-cases").blocks().get(0).text();
        assertTrue(paragraph.contains(FAMILY) && paragraph.contains(FLAGS) && paragraph.contains(SKIN_TONE));
        // Each emoji is one grapheme: as many as the text with every emoji written as one letter.
        String oneLetterEach = paragraph.replace(FAMILY, "F").replace("🇫🇷", "R").replace("🇨🇴", "C")
                .replace(SKIN_TONE, "S");
        assertEquals(oneLetterEach.length(), PostLength.of(Network.BLUESKY, paragraph));
        assertEquals(oneLetterEach.length() + 4, PostLength.of(Network.X, paragraph), "X weighs each emoji 2");
    }

    @Test
    void blueskyCountsALinkInFull() {
        String url = "https://harborpine.example/shop/huila-2026?utm_source=bluesky";
        assertEquals(url.length(), PostLength.of(Network.BLUESKY, url));
    }

    @Test
    void mastodonCountsEveryLinkAs23() {
        assertEquals(23, PostLength.of(Network.MASTODON, "https://example.com"));
        assertEquals(5 + 23, PostLength.of(Network.MASTODON,
                "Read https://harborpine.com/blog/2026/11/a-very-long-article-slug-that-keeps-going"));
        assertEquals(23 + 1 + 23, PostLength.of(Network.MASTODON, "http://a.com/x https://b.org/y"));
    }

    @Test
    void reservedExampleDomainsAreNotLinksForTwitterText() {
        // The corpus uses .example, which is no real top-level domain: X would not link it either.
        String url = "https://harborpine.example/shop";
        assertEquals(url.length(), PostLength.of(Network.X, url));
        assertEquals(url.length(), PostLength.of(Network.MASTODON, url));
    }

    @Test
    void mastodonCountsABareDomainAsText() {
        assertEquals("example.com".length(), PostLength.of(Network.MASTODON, "example.com"));
    }

    @Test
    void mastodonCountsOnlyTheUsernameOfARemoteMention() {
        assertEquals("Hi @velorouge!".length(),
                PostLength.of(Network.MASTODON, "Hi @velorouge@framapiaf.example!"));
        assertEquals("mail bob@example.com".length(), PostLength.of(Network.MASTODON, "mail bob@example.com"));
    }

    @Test
    void mastodonCountsCodePoints() {
        assertEquals(7, PostLength.of(Network.MASTODON, FAMILY));
        assertEquals(2, PostLength.of(Network.MASTODON, "東京"));
    }

    @Test
    void mastodonCountsLinksWordByWordAsTheWholeTextPatternDoes() {
        Extractor wholeText = new Extractor();
        wholeText.setExtractURLWithoutProtocol(false);
        for (String text : TextSoup.texts(42, 1000)) {
            String noMentions = text.replace("@", "");
            int expected = noMentions.codePointCount(0, noMentions.length());
            for (Extractor.Entity url : wholeText.extractURLsWithIndices(noMentions)) {
                expected += PostLength.URL_LENGTH - noMentions.codePointCount(url.getStart(), url.getEnd());
            }
            assertEquals(expected, PostLength.of(Network.MASTODON, noMentions), noMentions);
        }
    }

    @Test
    void linkedInCountsUtf16Units() {
        assertEquals(FAMILY.length(), PostLength.of(Network.LINKEDIN, FAMILY));
        assertEquals(11, PostLength.of(Network.LINKEDIN, FAMILY));
    }

    @Test
    void emptyTextCountsZeroEverywhere() {
        for (Network n : Network.values()) {
            assertEquals(0, PostLength.of(n, ""));
        }
    }
}
