package org.cristal.ui.editor;

import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.cristal.library.Workspace;
import org.cristal.ui.model.Workers;

/**
 * Child process of {@link TypingIsNeverLostTest}: the studio's editor, with its real threads and a real
 * workspace file, typing one character every 40 ms until it is killed. Prints "ready" once the story
 * is open, then "typed N" after each keystroke.
 */
public final class TypingChild {
    static final String TEXT = "Le levain du lundi sort du four à sept heures. ";

    private TypingChild() {
    }

    public static void main(String[] args) throws Exception {
        ExecutorService fx = Executors.newSingleThreadExecutor();
        Workers workers = Workers.start(fx::execute);
        Workspace ws = Workspace.open(Path.of(args[0]));
        ResourceBundle text = ResourceBundle.getBundle("org.cristal.ui.messages", Locale.ENGLISH);
        EditorModel editor = fx.submit(() -> new EditorModel(workers, () -> ws, new StoryFormModel(), text,
                Locale.ENGLISH)).get();
        fx.submit(() -> editor.open(args[1])).get().get(20, TimeUnit.SECONDS);
        System.out.println("ready");
        System.out.flush();
        for (int n = 1;; n++) {
            char c = TEXT.charAt((n - 1) % TEXT.length());
            fx.submit(() -> editor.bodyProperty().set(editor.bodyProperty().get() + c)).get();
            System.out.println("typed " + n);
            System.out.flush();
            Thread.sleep(40);
        }
    }

    /** The first {@code n} characters typed. */
    static String typed(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(TEXT.charAt(i % TEXT.length()));
        }
        return b.toString();
    }
}
