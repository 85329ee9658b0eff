package org.cristal.ui;

/** What the sidebar, menus and toolbar can ask of the window. */
public interface StudioActions {
    void openStory(String id);

    void newStory();

    void duplicateStory();

    void archiveStory();

    void deleteStory();

    void showTrash();
}
