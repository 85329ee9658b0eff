package org.cristal.ui.editor;

import atlantafx.base.theme.Styles;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

/**
 * The Markdown editor: a RichTextFX code area with Markdown highlighting, a find/replace bar and a
 * status row (word count, reading time).
 *
 * <p>Highlighting waits for a short pause in typing. A story up to {@value #SYNC_LIMIT} characters is
 * highlighted on the FX thread (a millisecond or two); a bigger one on the background executor, and
 * a result is dropped when the text changed since it was computed, so typing never waits for it and
 * stale colours never land on the wrong characters.
 */
public class MarkdownEditor extends VBox {
    static final int SYNC_LIMIT = 20_000;
    /**
     * A line longer than this turns soft wrap off: RichTextFX re-wraps a whole paragraph on every
     * keystroke, about a second per 700,000 characters, ten times what an unwrapped line costs.
     */
    static final int WRAP_LIMIT = 50_000;
    private static final Duration SMALL_PAUSE = Duration.millis(40);
    private static final Duration BIG_PAUSE = Duration.millis(200);
    private static final String STYLESHEET =
            Objects.requireNonNull(MarkdownEditor.class.getResource("markdown.css")).toExternalForm();

    private final ResourceBundle text;
    private final Locale locale;
    private final Executor background;
    private final CodeArea area = new CodeArea();
    private final FindBar findBar;
    private final ReadOnlyStringWrapper content = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyIntegerWrapper wordCount = new ReadOnlyIntegerWrapper(this, "wordCount", 0);
    private final ReadOnlyIntegerWrapper caretLine = new ReadOnlyIntegerWrapper(this, "caretLine", 1);
    private final Label words = new Label();
    private final Label readingTime = new Label();
    private final PauseTransition pause = new PauseTransition(SMALL_PAUSE);
    /** Bumped on every edit: a highlighting result computed for an older version is dropped. */
    private final AtomicLong version = new AtomicLong();

    public MarkdownEditor(ResourceBundle text, Locale locale, Executor background) {
        this.text = text;
        this.locale = locale;
        this.background = background;
        getStylesheets().add(STYLESHEET);
        getStyleClass().add("markdown-editor");

        area.setId("markdownArea");
        area.getStyleClass().add("markdown-area");
        area.setWrapText(true);
        area.setAccessibleText(text.getString("editor.area.label"));
        content.bind(area.textProperty());
        area.currentParagraphProperty().addListener((o, was, now) -> caretLine.set(now + 1));
        area.plainTextChanges().subscribe(change -> edited());
        pause.setOnFinished(e -> highlight());

        VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
        scroll.getStyleClass().add("markdown-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        findBar = new FindBar(text, locale, area);
        words.setId("wordCount");
        readingTime.setId("readingTime");
        for (Label l : new Label[] {words, readingTime}) {
            l.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox status = new HBox(12, spacer, words, readingTime);
        status.getStyleClass().add("editor-status");
        status.setAlignment(Pos.CENTER_RIGHT);
        wordCount.addListener((o, was, now) -> showCounts());
        showCounts();

        getChildren().addAll(scroll, findBar, status);
        installKeys();
    }

    private void installKeys() {
        KeyCombination find = new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN);
        KeyCombination redo = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            // Ctrl+F stays with the window: it searches the stories, as in the menus.
            if (find.match(e)) {
                showFind();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && findBar.isOpen()) {
                findBar.close();
                e.consume();
            } else if (redo.match(e) && e.getTarget() == area) {
                // RichTextFX binds Ctrl+Y; writers coming from macOS and Word expect Ctrl+Shift+Z too.
                redo();
                e.consume();
            }
        });
    }

    private void edited() {
        version.incrementAndGet();
        pause.setDuration(area.getLength() > SYNC_LIMIT ? BIG_PAUSE : SMALL_PAUSE);
        pause.playFromStart();
    }

    private void highlight() {
        long v = version.get();
        String snapshot = area.getText();
        if (snapshot.length() <= SYNC_LIMIT) {
            apply(MarkdownHighlighter.highlight(snapshot));
            return;
        }
        try {
            background.execute(() -> {
                if (version.get() != v) {
                    return; // a newer edit has its own job queued
                }
                MarkdownHighlighter.Result result = MarkdownHighlighter.highlight(snapshot);
                Platform.runLater(() -> {
                    if (version.get() == v) {
                        apply(result);
                    }
                });
            });
        } catch (RejectedExecutionException e) {
            // The studio is closing: colours no longer matter.
        }
    }

    private void apply(MarkdownHighlighter.Result result) {
        if (result.spans().length() == area.getLength()) {
            area.setStyleSpans(0, result.spans());
        }
        area.setWrapText(result.longestLine() <= WRAP_LIMIT);
        wordCount.set(result.words());
        findBar.refresh();
    }

    private void showCounts() {
        int n = wordCount.get();
        words.setText(new MessageFormat(text.getString("editor.words"), locale).format(new Object[] {n}));
        readingTime.setText(new MessageFormat(text.getString("editor.readingTime"), locale)
                .format(new Object[] {WordCounter.readingMinutes(n)}));
    }

    public String getText() {
        return area.getText();
    }

    /**
     * Replaces the whole text, as when another story is opened: the caret goes to the start and the
     * undo history is forgotten, so Ctrl+Z never brings the previous story back.
     */
    public void setText(String newText) {
        String value = newText == null ? "" : newText;
        // Before the text goes in, so a pasted-in 5 MB line is never wrapped even once.
        area.setWrapText(MarkdownHighlighter.longestLine(value) <= WRAP_LIMIT);
        area.replaceText(value);
        area.getUndoManager().forgetHistory();
        area.moveTo(0);
        area.showParagraphAtTop(0);
        pause.stop();
        highlight();
    }

    /** The text as it is now; changes on every edit (listeners should debounce their own work). */
    public ReadOnlyStringProperty textProperty() {
        return content.getReadOnlyProperty();
    }

    /** Moves the caret to the start of a 1-based line (clamped), scrolls to it and focuses the editor. */
    public void goToLine(int line) {
        int paragraph = Math.max(0, Math.min(line - 1, area.getParagraphs().size() - 1));
        area.moveTo(paragraph, 0);
        area.showParagraphAtCenter(paragraph);
        area.requestFollowCaret();
        area.requestFocus();
    }

    public void undo() {
        area.undo();
    }

    public void redo() {
        area.redo();
    }

    public ReadOnlyIntegerProperty wordCountProperty() {
        return wordCount.getReadOnlyProperty();
    }

    /** The 1-based line of the caret, for a status bar. */
    public ReadOnlyIntegerProperty caretLineProperty() {
        return caretLine.getReadOnlyProperty();
    }

    /** Opens the find/replace bar (also Ctrl+H or Ctrl+F in the editor; Escape closes it). */
    public void showFind() {
        findBar.open();
    }

    public void hideFind() {
        findBar.close();
    }

    /** Line numbers in the margin; off by default, because writers think in paragraphs. */
    public void setShowLineNumbers(boolean show) {
        area.setParagraphGraphicFactory(show ? LineNumberFactory.get(area) : null);
    }

    @Override
    public void requestFocus() {
        area.requestFocus();
    }

    /** The area itself, for tests and for the window's own key bindings. */
    public CodeArea area() {
        return area;
    }
}
