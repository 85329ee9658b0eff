package org.cristal.ui.publish;

import javafx.stage.Window;

/** Reconnect…: opens the form of a post's account, where its Connect button is. */
@FunctionalInterface
public interface Reconnect {
    /**
     * Opens account {@code accountId}'s form over {@code owner}; {@code connected} runs on the UI thread after
     * a successful Connect, once the scheduler has been woken (the waiting posts are due at once).
     */
    void open(Window owner, String accountId, Runnable connected);
}
