package org.cristal.ui.model;

import org.cristal.story.Story;

/** Placeholder until the front-matter form lands: keeps the story's fields as they were. */
public final class StoryFormModel {
    private Runnable onEdited = () -> { };
    private Story loaded;

    public void load(Story story) {
        loaded = story;
    }

    public Story applyTo(Story base) {
        return loaded == null ? base : base;
    }

    public void setOnEdited(Runnable action) {
        onEdited = action;
    }

    void edited() {
        onEdited.run();
    }
}
