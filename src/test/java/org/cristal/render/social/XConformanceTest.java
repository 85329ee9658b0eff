package org.cristal.render.social;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.twitter.twittertext.TwitterTextParser;
import org.cristal.story.Network;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * X's counting on a conformance table. The twitter-text jar on Maven Central ships no conformance data
 * ({@code validate.yml} stays in its Git repository), so this table covers the same ground as its
 * weighted-length sections (v3 configuration): Latin and accents (composed and decomposed), links with
 * and without a scheme, links twitter-text does not recognise (an unknown domain, ftp), mentions, hashtags
 * and cashtags, CJK and Hangul (2 each), other scripts (1), emoji alone and in sequences (ZWJ families
 * and professions, flags, subdivision flags, skin tones, keycaps, variation selectors), directional and
 * zero-width marks, typographic punctuation, currency signs. The expected lengths were produced by
 * {@link TwitterTextParser#parseTweet} 3.1.0; each row checks both that the library still says so and
 * that our counter agrees. {@code <U+200D>} in a row is that code point.
 */
class XConformanceTest {
    @ParameterizedTest(name = "{0} weighs {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Bonjour à tous | 14
            Crème brûlée, façon grand-mère | 30
            Cre<U+301>me bru<U+302>le<U+301>e | 12
            https://cristal.app | 23
            Lire la suite : https://cristal.app/histoires/atelier-velo?utm_source=x&utm_medium=social | 39
            http://t.co | 23
            cristal.app | 23
            www.cristal.app/blog | 23
            Deux liens https://a.co/x et https://b.org/y ici | 65
            https://velorouge.example/atelier-solidaire | 43
            mail contact@cristal.app | 24
            ftp://cristal.app/fichier | 25
            (voir https://cristal.app/a). | 31
            https://cristal.app/https://cristal.app | 23
            #Vélo #Réparation @velorouge | 28
            $CRISTAL et #café | 17
            東京 | 4
            東京のコーヒー、北京的咖啡 | 26
            한국어 텍스트 | 13
            Привет, мир | 11
            Γειά σου κόσμε | 14
            مرحبا بالعالم | 13
            שלום עולם | 9
            नमस्ते दुनिया | 13
            สวัสดีชาวโลก | 12
            😀 | 2
            😀😀😀 | 6
            👨<U+200D>👩<U+200D>👧<U+200D>👦 | 2
            🇫🇷🇨🇴 | 4
            👍🏽 | 2
            🏳<U+FE0F><U+200D>🌈 | 2
            🏴<U+E0067><U+E0062><U+E0073><U+E0063><U+E0074><U+E007F> | 2
            1<U+FE0F><U+20E3> | 2
            ©<U+FE0F> ® | 4
            ☕ Café ☕ | 10
            🧑🏾<U+200D>🔧 répare | 9
            Pain au levain 🍞 dès 7 h | 25
            <U+200E>Left-to-right mark | 20
            <U+200F>مرحبا<U+200F> | 9
            a<U+200B>b | 3
            Ligne un<U+A>Ligne deux | 19
            «<U+A0>guillemets<U+A0>» | 14
            € £ ¥ ₩ | 9
            …—–‘’“” | 8
            """)
    void xCountsAsTwitterTextDoes(String row, int expected) {
        String text = decode(row);
        assertEquals(expected, TwitterTextParser.parseTweet(text).weightedLength, "twitter-text");
        assertEquals(expected, PostLength.of(Network.X, text), "our counter");
    }

    private static String decode(String row) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < row.length(); i++) {
            if (row.startsWith("<U+", i)) {
                int end = row.indexOf('>', i);
                b.appendCodePoint(Integer.parseInt(row.substring(i + 3, end), 16));
                i = end;
            } else {
                b.append(row.charAt(i));
            }
        }
        return b.toString();
    }
}
