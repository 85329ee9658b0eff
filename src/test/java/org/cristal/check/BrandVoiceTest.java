package org.cristal.check;

import static org.cristal.check.CheckSupport.story;
import static org.cristal.check.CheckSupport.withCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cristal.story.Brand;
import org.cristal.story.Channel;
import org.cristal.story.Finding;
import org.cristal.story.Severity;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;

class BrandVoiceTest {
    private static final Brand MARTIN = Corpus.loadBrand("boulangerie-martin");
    private static final Brand HARBOR = Corpus.loadBrand("harbor-pine");

    private static Brand withVoice(List<String> banned, Map<String, String> preferred) {
        return new Brand("b", "B", "", "", "", null, null, new Brand.Voice("", banned, preferred), null, Map.of(),
                Map.of());
    }

    @Test
    void theBakeryStoryUsesABannedWordInTheFeminine() {
        // The brand bans "industriel"; the story says "une farine industrielle" on line 29.
        List<Finding> found = withCode(BrandVoice.check(Corpus.document("boulangerie-levain"), MARTIN),
                "check.voice.banned");
        assertEquals(1, found.size());
        assertEquals(29, found.get(0).line());
        assertEquals("industrielle", found.get(0).args().get(0));
        assertEquals(Severity.WARNING, found.get(0).severity());
        assertEquals("«\u00a0industrielle\u00a0» fait partie des mots que la marque n’emploie jamais\u00a0; reformulez.",
                found.get(0).message(Locale.FRENCH));
    }

    @Test
    void bannedPhrasesMatchWhateverTheCaseAndAccents() {
        String src = "---\nlang: fr\ntitle: \"Le MEILLEUR PAIN du monde\"\n---\nDes pains industriels, pas chers.\n\n"
                + "Notre Meilleur pain du Monde !\n";
        List<Finding> found = withCode(BrandVoice.check(story(src), MARTIN), "check.voice.banned");
        List<Object> words = found.stream().map(f -> f.args().get(0)).toList();
        assertEquals(List.of("MEILLEUR PAIN du monde", "industriels", "pas chers", "Meilleur pain du Monde"), words);
        assertEquals(List.of(0, 5, 5, 7), found.stream().map(Finding::line).toList());
    }

    @Test
    void preferredTermsSuggestTheBrandsWordButLeaveThePreferredFormAlone() {
        String src = "---\nlang: fr\n---\nNos baguettes tradition et nos viennoiseries.\n\n"
                + "Goûtez nos viennoiseries maison et notre tradition.\n";
        List<Finding> found = withCode(BrandVoice.check(story(src), MARTIN), "check.voice.preferred");
        assertEquals(2, found.size());
        assertEquals(List.of("baguettes tradition", "tradition"), found.get(0).args());
        assertEquals(List.of("viennoiseries", "viennoiseries maison"), found.get(1).args());
        assertTrue(found.stream().allMatch(f -> f.line() == 4));
        assertEquals("The brand prefers “tradition” to “baguettes tradition”.", found.get(0).message(Locale.ENGLISH));
    }

    @Test
    void englishBannedWordsMatchAcrossHyphensAndCase() {
        String src = "---\nlang: en\n---\nA World Class roast from an Artisanal roaster.\n\n"
                + "Honestly the best coffee ever.\n";
        List<Finding> found = withCode(BrandVoice.check(story(src), HARBOR), "check.voice.banned");
        assertEquals(List.of("World Class", "Artisanal", "best coffee ever"),
                found.stream().map(f -> f.args().get(0)).toList());
        assertEquals("“World Class” is on the brand’s list of words never to use; rephrase it.",
                found.get(0).message(Locale.ENGLISH));
    }

    @Test
    void frenchVerbEndingsAndAccentlessSpellingsAreFound() {
        Brand brand = withVoice(List.of("brader", "génial"), Map.of());
        String src = "---\nlang: fr\n---\nNous bradons tout. Les prix sont bradés.\n\nC’est GENIAL, des prix géniaux.\n";
        List<Object> words = BrandVoice.check(story(src), brand).stream().map(f -> f.args().get(0)).toList();
        assertEquals(List.of("bradons", "bradés", "GENIAL", "géniaux"), words);
    }

    @Test
    void aBannedWordWithAPreferredReplacementSuggestsIt() {
        Brand brand = withVoice(List.of("low-cost"), Map.of("low-cost", "à prix juste"));
        String src = "---\nlang: fr\nchannels:\n  x:\n    text: \"Un vélo low cost ? Non.\"\n---\nRien ici.\n";
        List<Finding> found = withCode(BrandVoice.check(story(src), brand), "check.voice.bannedUse");
        assertEquals(1, found.size());
        assertEquals(Channel.SOCIAL, found.get(0).channel(), "the word is in the X text");
        assertEquals("«\u00a0low cost\u00a0» fait partie des mots que la marque n’emploie jamais\u00a0; "
                + "écrivez plutôt «\u00a0à prix juste\u00a0».",
                found.get(0).message(Locale.FRENCH));
    }

    @Test
    void wordsThatOnlyStartLikeABannedWordAreLeftAlone() {
        Brand brand = withVoice(List.of("cher"), Map.of());
        String src = "---\nlang: fr\n---\nNous cherchons des chercheurs, chérie.\n";
        assertEquals(List.of(), BrandVoice.check(story(src), brand));
    }

    @Test
    void aBrandWithoutVoiceRulesFindsNothing() {
        assertEquals(List.of(), BrandVoice.check(Corpus.document("osteo-samedi"), Corpus.loadBrand("osteo-lumiere")));
    }

    @Test
    void aBannedWordInAnImageDescriptionIsReportedOnceAtItsLine() {
        String src = "---\nlang: fr\ntitle: Pain\n---\nIntro.\n\n![Un pain industriel](a.jpg)\n";
        List<Finding> found = BrandVoice.check(story(src), MARTIN);
        assertEquals(1, found.size(), found.toString());
        assertEquals(7, found.get(0).line());
    }
}
