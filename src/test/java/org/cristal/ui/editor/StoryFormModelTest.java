package org.cristal.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.cristal.story.Cta;
import org.cristal.story.Status;
import org.cristal.story.Story;
import org.cristal.story.StoryParser;
import org.cristal.story.StoryWriter;
import org.cristal.support.Corpus;
import org.cristal.ui.model.FormProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The front-matter form's view model, without a toolkit. */
class StoryFormModelTest {

    static Stream<Path> corpusStories() {
        return Corpus.storyFiles().stream();
    }

    private static Story parse(Path file) throws Exception {
        String id = file.getFileName().toString().replaceFirst("\\.md$", "");
        return StoryParser.parse(id, Files.readAllBytes(file));
    }

    @ParameterizedTest
    @MethodSource("corpusStories")
    void everyCorpusStorySurvivesLoadApplyWriteAndParse(Path file) throws Exception {
        Story original = parse(file);
        StoryFormModel model = new StoryFormModel();
        model.load(original);
        Story applied = model.applyTo(original);
        Story reread = StoryParser.parse(original.id(), StoryWriter.write(applied));
        assertEquals(original, reread.withBodyLineOf(original), file.getFileName().toString());
    }

    @Test
    void loadingAStoryIsNotAnEdit() throws Exception {
        StoryFormModel model = new StoryFormModel();
        AtomicInteger calls = new AtomicInteger();
        model.setOnEdited(calls::incrementAndGet);
        model.load(parse(Corpus.story("boulangerie-levain")));
        assertEquals(0, calls.get());
        assertEquals(0, model.editedProperty().get());
    }

    @Test
    void typingATitleIsAnEditAndChangesTheStory() throws Exception {
        Story base = parse(Corpus.story("boulangerie-levain"));
        StoryFormModel model = new StoryFormModel();
        model.load(base);
        AtomicInteger calls = new AtomicInteger();
        model.setOnEdited(calls::incrementAndGet);
        model.setTitle("Le levain de Jean-Pierre  ");
        assertEquals(1, calls.get());
        assertEquals(1, model.editedProperty().get());
        Story changed = model.applyTo(base);
        assertEquals("Le levain de Jean-Pierre", changed.title());
        assertEquals(base.body(), changed.body());
        assertEquals(base.cta(), changed.cta());
    }

    @Test
    void perChannelFieldsWriteTheOverridesTheRenderersRead() throws Exception {
        Story base = parse(Corpus.story("nimbus-tax-season"));
        StoryFormModel model = new StoryFormModel();
        model.load(base);
        assertEquals("Five steps, one afternoon, zero panic.", model.emailPreheaderProperty().get());
        model.emailSubjectProperty().set("Your checklist");
        model.socialTextProperty().set("Five steps to file on time.");
        Story changed = model.applyTo(base);
        assertEquals(Optional.of("Your checklist"), changed.override("email", "subject"));
        assertEquals(Optional.of("Five steps, one afternoon, zero panic."), changed.override("email", "preheader"));
        assertEquals(Optional.of("Five steps to file on time."), changed.override("social", "text"));
        // The X-only text the file had is not the form's to change.
        assertEquals(base.override("tweet", "text"), changed.override("tweet", "text"));
    }

    @Test
    void clearingTheLastOverrideOfAChannelRemovesTheChannel() {
        Story base = new Story("s", "T", "", "body", List.of(), "en", "", "", "", Optional.empty(), Status.DRAFT,
                Map.of("social", Map.of("text", "Hello")), Map.of("owner", "dana"), 1);
        StoryFormModel model = new StoryFormModel();
        model.load(base);
        model.socialTextProperty().set("  ");
        Story changed = model.applyTo(base);
        assertFalse(changed.channels().containsKey("social"));
        assertEquals(Map.of("owner", "dana"), changed.extra());
    }

    @Test
    void tagsAreSplitOnCommas() {
        Story base = Story.of("s", "T", "");
        StoryFormModel model = new StoryFormModel();
        model.load(base);
        model.tagsProperty().set(" pain, levain,, quartier , pain");
        assertEquals(List.of("pain", "levain", "quartier"), model.applyTo(base).tags());
    }

    @Test
    void statusAndCtaComeFromTheForm() {
        Story base = Story.of("s", "T", "");
        StoryFormModel model = new StoryFormModel();
        model.load(base);
        model.setStatus("review");
        model.ctaLabelProperty().set("Book");
        model.ctaUrlProperty().set("https://example.com/book ");
        Story changed = model.applyTo(base);
        assertEquals(Status.REVIEW, changed.status());
        assertEquals(Optional.of(new Cta("Book", "https://example.com/book")), changed.cta());
        model.ctaLabelProperty().set("");
        model.ctaUrlProperty().set("");
        assertEquals(Optional.empty(), model.applyTo(base).cta());
    }

    @Test
    void aButtonLinkThatIsNotWebMailOrPhoneIsAProblem() {
        StoryFormModel model = new StoryFormModel();
        model.load(Story.of("s", "T", ""));
        model.ctaLabelProperty().set("Click");
        model.ctaUrlProperty().set("javascript:alert(1)");
        assertEquals(Optional.of(new FormProblem("cta.url", "form.problem.ctaUrl")), model.problem("cta.url"));
        model.ctaUrlProperty().set("tel:+33123456789");
        assertTrue(model.problem("cta.url").isEmpty());
        model.ctaUrlProperty().set("");
        assertEquals("form.problem.ctaUrlMissing", model.problem("cta.url").orElseThrow().key());
    }

    @Test
    void anImageWithoutAltTextIsAProblem() {
        StoryFormModel model = new StoryFormModel();
        model.load(Story.of("s", "T", ""));
        assertTrue(model.problems().isEmpty());
        model.imageProperty().set("hero.jpg");
        assertEquals(List.of(new FormProblem("imageAlt", "form.problem.imageAlt")), model.problems());
        model.imageAltProperty().set("A loaf on a board");
        assertTrue(model.problems().isEmpty());
    }

    @Test
    void anEmptyTitleIsAProblem() {
        StoryFormModel model = new StoryFormModel();
        model.load(Story.of("s", "T", ""));
        model.setTitle("   ");
        assertEquals("form.problem.title", model.problem("title").orElseThrow().key());
    }
}
