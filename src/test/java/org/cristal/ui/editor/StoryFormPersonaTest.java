package org.cristal.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cristal.story.Story;
import org.cristal.story.StoryParser;
import org.cristal.story.StoryPersona;
import org.cristal.story.StoryWriter;
import org.junit.jupiter.api.Test;

/** Choosing the persona in the story form writes {@code persona:} and keeps the rest of the front matter. */
class StoryFormPersonaTest {
    @Test
    void thePersonaChosenIsWrittenIntoTheFrontMatterAndNoneRemovesIt() throws Exception {
        Story base = StoryParser.parse("s", "---\ntitle: Samedi\nlang: fr\npersona: Marc\nvariants:\n  subject:\n"
                + "    b: Le samedi aussi\n---\nCorps.\n");
        StoryFormModel model = new StoryFormModel();
        model.load(base);
        assertEquals("Marc", model.personaProperty().get());
        assertEquals(base.extra(), model.applyTo(base).extra(), "untouched, the front matter stays as written");

        model.personaProperty().set("Claire");
        assertEquals(1, model.editedProperty().get(), "choosing a persona is an edit");
        String written = StoryWriter.write(model.applyTo(base));
        Story reread = StoryParser.parse("s", written);
        assertEquals("Claire", StoryPersona.name(reread).orElseThrow());
        assertTrue(reread.extra().containsKey("variants"), written);

        model.personaProperty().set("");
        assertFalse(StoryWriter.write(model.applyTo(base)).contains("persona:"));
        model.personaProperty().set(null);
        assertTrue(StoryPersona.name(model.applyTo(base)).isEmpty(), "a combo box clearing its value means none");
    }
}
