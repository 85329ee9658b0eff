package org.cristal.render.social;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.cristal.story.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HashtagsTest {

    @ParameterizedTest(name = "{0} → {1} without accents")
    @CsvSource({
        "direct-trade, #DirectTrade",
        "ostéopathie, #Osteopathie",
        "vélo, #Velo",
        "mobilité, #Mobilite",
        "long-tag-with-dashes-and-numbers-2026, #LongTagWithDashesAndNumbers2026",
        "small batch coffee, #SmallBatchCoffee",
        "iPhone, #IPhone",
        "cœur, #Coeur",
        "<b>tag</b>, #Tag",
        "'\"quoted\"', #Quoted",
        "東京, #東京",
    })
    void tagBecomesCamelCaseHashtagWithoutAccents(String tag, String hashtag) {
        assertEquals(Optional.of(hashtag), Hashtags.hashtag(tag, true));
    }

    @Test
    void accentsStayWhereTheNetworkLinksThem() {
        assertEquals(Optional.of("#Ostéopathie"), Hashtags.hashtag("ostéopathie", false));
        assertEquals(List.of("#Ostéopathie", "#Horaires"),
                Hashtags.of(List.of("ostéopathie", "horaires"), Network.MASTODON, ""));
        assertEquals(List.of("#Osteopathie", "#Horaires"),
                Hashtags.of(List.of("ostéopathie", "horaires"), Network.X, ""));
    }

    @Test
    void tagWithoutLettersIsNoHashtag() {
        assertTrue(Hashtags.hashtag("2026", true).isEmpty());
        assertTrue(Hashtags.hashtag("---", true).isEmpty());
        assertTrue(Hashtags.hashtag("", true).isEmpty());
    }

    @Test
    void duplicatesAndTagsAlreadyInTheTextAreLeftOut() {
        List<String> tags = Hashtags.of(List.of("coffee", "Coffee", "direct trade", "roasting"), Network.X,
                "Our #DirectTrade promise");
        assertEquals(List.of("#Coffee", "#Roasting"), tags);
    }
}
