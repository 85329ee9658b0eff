package org.cristal.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.cristal.story.Story;
import org.cristal.story.StoryParser;
import org.cristal.story.StoryWriter;
import org.cristal.ui.editor.StoryFormModel.SlugNote;
import org.junit.jupiter.api.Test;

/** The web address field of the front-matter form: it follows the title until the story is published. */
class StoryFormSlugTest {
    private static final String NEW = "---\ntitle: \"New story\"\nslug: \"new-story-2\"\nlang: en\n---\nStart here.\n";

    private static Story parse(String source) throws Exception {
        return StoryParser.parse("new-story-2", source);
    }

    private static StoryFormModel loaded(Story story, String sentSlug) {
        StoryFormModel model = new StoryFormModel();
        model.load(story, sentSlug);
        return model;
    }

    @Test
    void aNewStorysAddressFollowsTheTitleAsTheUserTypes() throws Exception {
        Story base = parse(NEW);
        StoryFormModel model = loaded(base, "");
        assertTrue(model.slugFollowsTitleProperty().get());
        assertEquals(SlugNote.FOLLOWS_TITLE, model.slugNoteProperty().get());

        model.setTitle("L’été à l’atelier : 5 réparations 🚲");
        assertEquals("l-ete-a-l-atelier-5-reparations", model.getSlug());
        Story saved = model.applyTo(base);
        assertEquals("l-ete-a-l-atelier-5-reparations", saved.slug());
        assertEquals(saved, parse(StoryWriter.write(saved)).withBodyLineOf(saved));
    }

    @Test
    void oneTitleKeystrokeIsOneEdit() throws Exception {
        StoryFormModel model = loaded(parse(NEW), "");
        model.setTitle("Pain");
        assertEquals(1, model.editedProperty().get());
    }

    @Test
    void anAddressAnotherStoryHasGetsANumber() throws Exception {
        StoryFormModel model = loaded(parse(NEW), "");
        model.setSlugsInUse(Set.of("pain-au-levain", "pain-au-levain-2"));
        model.setTitle("Pain au levain");
        assertEquals("pain-au-levain-3", model.getSlug());
        assertEquals(Optional.empty(), model.problem("slug"));
    }

    @Test
    void anAddressWrittenByHandNoLongerFollowsTheTitle() throws Exception {
        StoryFormModel model = loaded(parse(NEW), "");
        model.setTitle("Pain au levain");
        model.setSlug("levain");
        assertFalse(model.slugFollowsTitleProperty().get());
        model.setTitle("Pain au levain naturel");
        assertEquals("levain", model.getSlug());
        assertEquals(SlugNote.NONE, model.slugNoteProperty().get());
    }

    @Test
    void reopenedStoryWhoseAddressIsStillTheTitlesKeepsFollowing() throws Exception {
        Story base = parse(NEW.replace("New story", "Pain au levain").replace("new-story-2", "pain-au-levain-2"));
        StoryFormModel model = loaded(base, "");
        assertTrue(model.slugFollowsTitleProperty().get());
        model.setTitle("Pain de seigle");
        assertEquals("pain-de-seigle", model.getSlug());
    }

    @Test
    void aPublishedStoryKeepsItsAddressAndChangingItWarnsThatLinksBreak() throws Exception {
        Story base = parse(NEW.replace("new-story-2", "pain-au-levain"));
        StoryFormModel model = loaded(base, "pain-au-levain");
        assertFalse(model.slugFollowsTitleProperty().get());
        assertEquals(SlugNote.PUBLISHED, model.slugNoteProperty().get());

        model.setTitle("Pain au levain, la recette");
        assertEquals("pain-au-levain", model.getSlug(), "the title no longer moves a published address");
        assertEquals("pain-au-levain", model.applyTo(base).slug());

        model.setSlug("pain-au-levain-recette");
        assertEquals(SlugNote.BREAKS_LINK, model.slugNoteProperty().get());
        assertEquals("pain-au-levain", model.getPublishedSlug());
        assertEquals("pain-au-levain-recette", model.applyTo(base).slug(), "the user may still change it");
        model.setSlug("pain-au-levain");
        assertEquals(SlugNote.PUBLISHED, model.slugNoteProperty().get());
    }

    @Test
    void aPublishedStatusAlsoFreezesTheAddress() throws Exception {
        StoryFormModel model = loaded(parse(NEW.replace("lang: en", "lang: en\nstatus: published")), "");
        model.setTitle("Pain au levain");
        assertEquals("new-story-2", model.getSlug());
    }

    @Test
    void sentWhileOpenTheAddressStopsFollowing() throws Exception {
        StoryFormModel model = loaded(parse(NEW), "");
        model.setTitle("Pain au levain");
        model.setSentSlug("pain-au-levain");
        model.setTitle("Pain au levain naturel");
        assertEquals("pain-au-levain", model.getSlug());
        assertEquals(SlugNote.PUBLISHED, model.slugNoteProperty().get());
    }

    @Test
    void anUnusableAddressIsExplainedAndNeverWritten() throws Exception {
        Story base = parse(NEW);
        StoryFormModel model = loaded(base, "");
        model.setSlug("Pain au Levain");
        assertEquals("form.problem.slug", model.problem("slug").orElseThrow().key());
        assertEquals("new-story-2", model.applyTo(base).slug(), "the file keeps an address it can read");

        model.setSlugsInUse(Set.of("brioche"));
        model.setSlug("brioche");
        assertEquals("form.problem.slugTaken", model.problem("slug").orElseThrow().key());
        assertEquals("new-story-2", model.applyTo(base).slug());

        model.setSlug("");
        assertEquals("form.problem.slugEmpty", model.problem("slug").orElseThrow().key());
        model.setSlug("brioche-du-dimanche");
        assertEquals(Optional.empty(), model.problem("slug"));
        assertEquals("brioche-du-dimanche", model.applyTo(base).slug());
    }

    @Test
    void anOlderStoryWithoutSlugShowsItsAddressAndWritesNoneUntilChanged() throws Exception {
        Story old = StoryParser.parse("boulangerie-levain", "---\ntitle: Quarante ans de levain\n---\nCorps.\n");
        StoryFormModel model = loaded(old, "boulangerie-levain");
        assertEquals("boulangerie-levain", model.getSlug());
        model.setTitle("Quarante ans de levain naturel");
        assertFalse(StoryWriter.write(model.applyTo(old)).contains("slug:"), "published under its id: kept");
    }
}
