package org.cristal.render.social;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cristal.story.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ThreadSplitterTest {
    private static final Pattern MARKER = Pattern.compile(" (\\d+)/(\\d+)$");
    private static final String LONG_URL = "https://harborpine.com/blog/2026/11/"
            + "a-very-long-article-slug-that-keeps-going-and-going-until-it-is-much-longer?utm_source=x&utm_medium=social";
    private static final String FAMILY = "👨‍👩‍👧‍👦";

    private static ThreadSplitter.Split split(Network network, String text, int limit) {
        return ThreadSplitter.split(text, t -> PostLength.of(network, t), limit);
    }

    private static String sentences(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            sb.append(i == 1 ? "" : " ").append("Sentence number ").append(i)
                    .append(" tells a little more about the harvest at the farm.");
        }
        return sb.toString();
    }

    /** Each post without its marker, checking the markers are "k/n" in order. */
    private static List<String> chunks(List<String> posts) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < posts.size(); i++) {
            Matcher m = MARKER.matcher(posts.get(i));
            assertTrue(m.find(), () -> "no marker: " + posts);
            assertEquals(i + 1, Integer.parseInt(m.group(1)));
            assertEquals(posts.size(), Integer.parseInt(m.group(2)));
            out.add(posts.get(i).substring(0, m.start()));
        }
        return out;
    }

    /** The pieces are the text in order, cut only where whitespace was, or between graphemes. */
    private static void assertCutsAreClean(String text, List<String> pieces) {
        Set<Integer> graphemeBoundaries = new HashSet<>();
        Matcher g = Pattern.compile("\\X").matcher(text);
        while (g.find()) {
            graphemeBoundaries.add(g.end());
        }
        int at = 0;
        for (String piece : pieces) {
            int found = text.indexOf(piece, at);
            assertTrue(found >= 0, () -> "not a piece of the text in order: " + piece);
            assertTrue(text.substring(at, found).isBlank(), "something was lost between posts");
            assertTrue(found == 0 || graphemeBoundaries.contains(found), "cut inside a grapheme");
            at = found + piece.length();
            assertTrue(graphemeBoundaries.contains(at), "cut inside a grapheme");
        }
        assertTrue(text.substring(at).isBlank(), "the end of the text was lost");
    }

    private static List<String> words(String text) {
        return Arrays.asList(text.strip().split("\\s+"));
    }

    @Test
    void textThatFitsStaysOnePostWithoutMarker() {
        ThreadSplitter.Split s = split(Network.X, "Short and sweet.", 280);
        assertEquals(List.of("Short and sweet."), s.posts());
    }

    @ParameterizedTest
    @EnumSource(Network.class)
    void everyPostOfAThreadFitsTheLimitWithItsMarker(Network network) {
        int limit = network.defaultLimit() > 1000 ? 600 : network.defaultLimit();
        String text = sentences(40);
        List<String> posts = split(network, text, limit).posts();
        assertTrue(posts.size() > 1);
        for (String post : posts) {
            assertTrue(PostLength.of(network, post) <= limit, () -> post.length() + ": " + post);
        }
        assertEquals(words(text), words(String.join(" ", chunks(posts))));
    }

    @Test
    void threadIsCutAtSentenceEnds() {
        List<String> chunks = chunks(split(Network.X, sentences(12), 280).posts());
        for (String c : chunks) {
            assertTrue(c.endsWith("."), () -> "cut inside a sentence: " + c);
            assertTrue(c.startsWith("Sentence"), c);
        }
    }

    @Test
    void abbreviationIsNotTakenForTheEndOfASentence() {
        String text = "Tax season should never mean a 2 a.m. panic again for anyone. ".repeat(8).strip();
        for (String c : chunks(split(Network.X, text, 150).posts())) {
            assertFalse(c.endsWith("a.m."), c);
        }
    }

    @Test
    void aSentenceLongerThanAPostIsCutBetweenWords() {
        String text = "word ".repeat(200).strip();
        List<String> posts = split(Network.BLUESKY, text, 300).posts();
        for (String c : chunks(posts)) {
            assertTrue(c.matches("word( word)*"), c);
        }
        assertEquals(200, String.join(" ", chunks(posts)).split(" ").length);
    }

    @Test
    void markerIsCountedInTheLimit() {
        // 270 characters: fits alone, but not with " 1/2" after it, so the cut moves back a word.
        String first = "a".repeat(9) + " " + "b".repeat(9) + (" " + "c".repeat(9)).repeat(25);
        String text = first + " " + "end of the text.";
        List<String> posts = split(Network.X, text, 280).posts();
        assertEquals(2, posts.size());
        assertTrue(posts.get(0).endsWith(" 1/2"));
        assertTrue(PostLength.of(Network.X, posts.get(0)) <= 280);
    }

    @Test
    void tenPostsOrMoreStillFitWithTwoDigitMarkers() {
        List<String> posts = split(Network.X, sentences(60), 280).posts();
        assertTrue(posts.size() >= 10, "posts: " + posts.size());
        assertTrue(posts.get(0).endsWith(" 1/" + posts.size()));
        for (String post : posts) {
            assertTrue(PostLength.of(Network.X, post) <= 280, post);
        }
    }

    @ParameterizedTest
    @EnumSource(Network.class)
    void linkIsNeverCut(Network network) {
        String text = ("Read the whole story about our coffee farm here " + LONG_URL + " and tell us. ").repeat(12);
        int limit = network.defaultLimit() > 1000 ? 400 : network.defaultLimit();
        List<String> chunks = chunks(split(network, text, limit).posts());
        int urls = 0;
        for (String c : chunks) {
            for (String word : c.split("\\s+")) {
                if (word.startsWith("http")) {
                    assertEquals(LONG_URL, word);
                    urls++;
                }
            }
        }
        assertEquals(12, urls);
        assertCutsAreClean(text, chunks);
    }

    @ParameterizedTest
    @EnumSource(Network.class)
    void emojiSequencesAreNeverCut(Network network) {
        String text = ("Our family " + FAMILY + " loves 🇫🇷🇨🇴 coffee 👍🏽 ").repeat(60);
        int limit = network.defaultLimit() > 1000 ? 500 : network.defaultLimit();
        List<String> chunks = chunks(split(network, text, limit).posts());
        assertTrue(chunks.size() > 1);
        assertCutsAreClean(text, chunks);
        assertEquals(words(text), words(String.join(" ", chunks)));
    }

    @Test
    void emojiWithoutSpacesIsCutBetweenGraphemesOnly() {
        String text = (FAMILY + "🇫🇷👍🏽").repeat(200);
        List<String> posts = split(Network.BLUESKY, text, 300).posts();
        List<String> chunks = chunks(posts);
        assertCutsAreClean(text, chunks);
        assertEquals(text, String.join("", chunks));
        for (String post : posts) {
            assertTrue(PostLength.of(Network.BLUESKY, post) <= 300);
        }
    }

    @Test
    void wordLongerThanThePostIsCutAtGraphemesWithinTheLimit() {
        // A word that never breaks (the edge-cases story has one too), on a network with a small limit.
        String word = "Pneumonoultramicroscopicsilicovolcanoconiosis-and-then-some-more-characters-without-any-space.";
        String text = "A word that never breaks: " + word;
        List<String> posts = split(Network.BLUESKY, text, 40).posts();
        for (String post : posts) {
            assertTrue(PostLength.of(Network.BLUESKY, post) <= 40, post);
        }
        List<String> chunks = chunks(posts);
        assertEquals("A word that never breaks:", chunks.get(0));
        assertEquals(word, String.join("", chunks.subList(1, chunks.size())));
    }

    @Test
    void hashtagAndMentionAreKeptWhole() {
        String text = "Thanks to @marta@mastodon.social for the #DirectTrade harvest and the #PinkBourbon plot. ".repeat(20);
        for (String c : chunks(split(Network.MASTODON, text, 120).posts())) {
            for (String w : c.split("\\s+")) {
                if (w.startsWith("#") || w.startsWith("@")) {
                    assertTrue(Set.of("#DirectTrade", "#PinkBourbon", "@marta@mastodon.social").contains(w), w);
                }
            }
        }
    }

    @Test
    void frenchPunctuationStaysWithItsWord() {
        String text = "Vraiment ? Oui ! Et là : ici ; « guillemets » partout. ".repeat(30);
        for (String c : chunks(split(Network.X, text, 60).posts())) {
            assertFalse(c.startsWith("?") || c.startsWith("!") || c.startsWith(":") || c.startsWith(";")
                    || c.startsWith("»"), c);
            assertFalse(c.endsWith("«"), c);
        }
    }

    @Test
    void chineseWithoutSpacesIsCutAfterAFullStop() {
        String text = "東京のコーヒーはとてもおいしいです。".repeat(30);
        List<String> chunks = chunks(split(Network.X, text, 280).posts());
        for (String c : chunks) {
            assertTrue(c.endsWith("。"), c);
        }
        assertEquals(text, String.join("", chunks));
    }

    @Test
    void hugeTextStopsAtTheLongestThread() {
        String text = "a".repeat(5_000_000);
        ThreadSplitter.Split s = split(Network.X, text, 280);
        assertTrue(s.truncated());
        assertEquals(ThreadSplitter.MAX_POSTS, s.posts().size());
        for (String post : s.posts()) {
            assertTrue(PostLength.of(Network.X, post) <= 280);
        }
    }

    @Test
    void tinyLimitStillEndsAndReportsOverLongPosts() {
        ThreadSplitter.Split s = split(Network.X, "Hello world, this is fine.", 3);
        assertFalse(s.posts().isEmpty());
        assertTrue(s.posts().size() <= ThreadSplitter.MAX_POSTS);
    }

    @Test
    void linkHashtagOrMentionLongerThanTheLimitStaysWholeInAPostOfItsOwn() {
        String url = "https://velorouge.example/atelier-solidaire";
        String tag = "#" + "Atelier".repeat(8);
        String text = "Inscrivez-vous ici " + url + " et suivez " + tag + " merci.";
        ThreadSplitter.Split s = split(Network.BLUESKY, text, 40);
        assertTrue(s.oversized());
        List<String> chunks = chunks(s.posts());
        assertTrue(chunks.contains(url), chunks.toString());
        assertTrue(chunks.contains(tag), chunks.toString());
        for (String post : s.posts()) {
            if (!post.contains(url) && !post.contains(tag)) {
                assertTrue(PostLength.of(Network.BLUESKY, post) <= 40, post);
            }
        }
        assertFalse(split(Network.BLUESKY, sentences(3), 40).oversized());
    }
}
