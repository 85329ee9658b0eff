package org.cristal.render.social;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.twitter.twittertext.TwitterTextEmojiRegex;
import com.twitter.twittertext.TwitterTextParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.cristal.story.StoryDocument;
import org.cristal.story.TextBlock;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;

/** The fast X counter must agree with twitter-text's parseTweet on everything. */
class XLengthTest {
    @Test
    void agreesWithTwitterTextOnGeneratedTexts() {
        for (String text : TextSoup.texts(20260101, 1000)) {
            assertEquals(TwitterTextParser.parseTweet(text).weightedLength, XLength.of(text), text);
        }
    }

    @Test
    void agreesWithTwitterTextOnEveryCorpusText() {
        List<String> texts = new ArrayList<>();
        for (Path p : Corpus.storyFiles()) {
            String name = p.getFileName().toString();
            StoryDocument doc = Corpus.document(name);
            texts.add(doc.story().title());
            texts.add(doc.story().summary());
            doc.story().override("tweet", "text").ifPresent(texts::add);
            for (TextBlock b : doc.blocks()) {
                texts.add(b.text());
            }
            texts.add(doc.story().body());
        }
        for (String text : texts) {
            assertEquals(TwitterTextParser.parseTweet(text).weightedLength, XLength.of(text), text);
        }
    }

    @Test
    void blankTextWeighsNothingLikeTwitterText() {
        for (String text : new String[] {"", " ", "\n\n", "\t "}) {
            assertEquals(TwitterTextParser.parseTweet(text).weightedLength, XLength.of(text));
        }
    }

    @Test
    void noEmojiStartsAtACharacterTreatedAsPlain() {
        Pattern emoji = TwitterTextEmojiRegex.VALID_EMOJI_PATTERN;
        for (char c = 0; c < 0xFFFF; c++) {
            if (XLength.plain(c) && !Character.isSurrogate(c)) {
                String s = String.valueOf(c);
                assertFalse(emoji.matcher(s).find(), () -> "U+" + Integer.toHexString(s.charAt(0)));
                assertFalse(emoji.matcher(s + "a").find(), () -> "U+" + Integer.toHexString(s.charAt(0)));
            }
        }
        for (char c = 0; c < 0x100; c++) {
            for (char d = 0; d < 0x100; d++) {
                String s = "" + c + d;
                assertFalse(emoji.matcher(s).find(), () -> "pair " + s);
            }
        }
    }
}
