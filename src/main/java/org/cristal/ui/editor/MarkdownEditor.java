package org.cristal.ui.editor;

import atlantafx.base.theme.Styles;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
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
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
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
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

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
    /** Made the first time it is opened: its fields and buttons are not worth building before the first frame. */
    private FindBar findBar;
    private final ReadOnlyStringWrapper content = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyIntegerWrapper wordCount = new ReadOnlyIntegerWrapper(this, "wordCount", 0);
    private final ReadOnlyIntegerWrapper caretLine = new ReadOnlyIntegerWrapper(this, "caretLine", 1);
    private final Label words = new Label();
    private final Label readingTime = new Label();
    private final PauseTransition pause = new PauseTransition(SMALL_PAUSE);
    /** Bumped on every edit: a highlighting result computed for an older version is dropped. */
    private final AtomicLong version = new AtomicLong();
    /** The findings to underline, and where their words stood at the last highlighting. */
    private List<Mark> marks = List.of();
    private List<MarkRanges.Range> ranges = List.of();
    private ContextMenu markMenu;

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
        // A filter: RichTextFX's own input map takes the request before an ordinary handler would see it.
        area.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, this::offerSuggestions);
        pause.setOnFinished(e -> highlight());

        VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
        scroll.getStyleClass().add("markdown-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

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

        getChildren().addAll(scroll, status);
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
            } else if (e.getCode() == KeyCode.ESCAPE && findBar != null && findBar.isOpen()) {
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
        List<Mark> wanted = marks;
        if (snapshot.length() <= SYNC_LIMIT) {
            apply(MarkdownHighlighter.highlight(snapshot), MarkRanges.locate(snapshot, wanted));
            return;
        }
        try {
            background.execute(() -> {
                if (version.get() != v) {
                    return; // a newer edit has its own job queued
                }
                MarkdownHighlighter.Result result = MarkdownHighlighter.highlight(snapshot);
                List<MarkRanges.Range> found = MarkRanges.locate(snapshot, wanted);
                Platform.runLater(() -> {
                    if (version.get() == v) {
                        apply(result, found);
                    }
                });
            });
        } catch (RejectedExecutionException e) {
            // The studio is closing: colours no longer matter.
        }
    }

    private void apply(MarkdownHighlighter.Result result, List<MarkRanges.Range> found) {
        ranges = found;
        if (result.spans().length() == area.getLength()) {
            area.setStyleSpans(0, found.isEmpty() ? result.spans()
                    : result.spans().overlay(underlines(found, area.getLength()), MarkdownEditor::both));
        }
        area.setWrapText(result.longestLine() <= WRAP_LIMIT);
        wordCount.set(result.words());
        if (findBar != null) {
            findBar.refresh();
        }
    }

    /** The marks' underlines as style spans over the whole text (marks never overlap: see MarkRanges). */
    private static StyleSpans<Collection<String>> underlines(List<MarkRanges.Range> found, int length) {
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        int at = 0;
        for (MarkRanges.Range r : found) {
            if (r.from() < at || r.to() > length) {
                continue;
            }
            b.add(List.of(), r.from() - at);
            b.add(List.of("mark", r.mark().kind().styleClass()), r.to() - r.from());
            at = r.to();
        }
        b.add(List.of(), length - at);
        return b.create();
    }

    private static Collection<String> both(Collection<String> a, Collection<String> b) {
        if (b.isEmpty()) {
            return a;
        }
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * Underlines the words of these findings (spelling, grammar, brand voice) until the next ones;
     * a right click on one offers its suggestions.
     */
    public void setMarks(List<Mark> newMarks) {
        List<Mark> copy = List.copyOf(newMarks);
        if (copy.equals(marks)) {
            return;
        }
        marks = copy;
        highlight();
    }

    /** The right-click menu on an underlined word: its suggestions, each replacing it in one undoable edit. */
    private void offerSuggestions(ContextMenuEvent e) {
        if (markMenu != null) {
            markMenu.hide();
        }
        int at = e.isKeyboardTrigger() ? area.getCaretPosition()
                : area.hit(e.getX(), e.getY()).getInsertionIndex();
        Optional<MarkRanges.Range> hit = rangeAt(at);
        if (hit.isEmpty()) {
            return;
        }
        MarkRanges.Range r = hit.get();
        ContextMenu menu = new ContextMenu();
        menu.setId("markMenu");
        List<String> suggestions = r.mark().suggestions();
        for (int i = 0; i < suggestions.size(); i++) {
            String s = suggestions.get(i);
            MenuItem item = new MenuItem(s);
            item.setId("suggestion" + i);
            item.setMnemonicParsing(false);
            item.setOnAction(x -> replace(r, s));
            menu.getItems().add(item);
        }
        if (suggestions.isEmpty()) {
            MenuItem none = new MenuItem(text.getString("editor.mark.noSuggestion"));
            none.setId("noSuggestion");
            none.setDisable(true);
            menu.getItems().add(none);
        }
        markMenu = menu;
        // From the keyboard (menu key, Shift+F10) the menu opens under the caret, not where the mouse is.
        javafx.geometry.Bounds caret = e.isKeyboardTrigger() ? area.getCaretBounds().orElse(null) : null;
        menu.show(area, caret != null ? caret.getMinX() : e.getScreenX(),
                caret != null ? caret.getMaxY() : e.getScreenY());
        e.consume();
    }

    /** The underlined words at a position, if they are still there as the check quoted them. */
    private Optional<MarkRanges.Range> rangeAt(int position) {
        for (MarkRanges.Range r : ranges) {
            if ((r.contains(position) || (position == r.to() && r.to() > r.from())) && stillThere(r)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private boolean stillThere(MarkRanges.Range r) {
        return r.to() <= area.getLength()
                && TextSearch.fold(area.getText(r.from(), r.to())).equals(TextSearch.fold(r.mark().word()));
    }

    private void replace(MarkRanges.Range r, String suggestion) {
        if (!stillThere(r)) {
            return;
        }
        // The fixed words lose their underline at once, before the next check confirms it.
        List<Mark> rest = new ArrayList<>(marks);
        rest.remove(r.mark());
        marks = List.copyOf(rest);
        area.replaceText(r.from(), r.to(), suggestion);
        area.moveTo(r.from() + suggestion.length());
        area.requestFocus();
    }

    /**
     * Selects the words a finding quotes on a 1-based line (in that paragraph) and scrolls them into
     * view; without words, or when they are no longer there, moves to the start of the line.
     */
    public void reveal(int line, String words) {
        if (words == null || words.isBlank()) {
            goToLine(line);
            return;
        }
        List<MarkRanges.Range> found = MarkRanges.locate(area.getText(),
                List.of(new Mark(line, words, List.of(), Mark.Kind.SPELLING)));
        if (found.isEmpty()) {
            goToLine(line);
            return;
        }
        MarkRanges.Range r = found.get(0);
        area.selectRange(r.from(), r.to());
        area.showParagraphAtCenter(area.getCurrentParagraph());
        area.requestFollowCaret();
        area.requestFocus();
    }

    /** The suggestions menu last shown (tests). */
    ContextMenu markMenu() {
        return markMenu;
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
        // Another story's findings must not underline this one's words.
        marks = List.of();
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
        if (findBar == null) {
            findBar = new FindBar(text, locale, area);
            getChildren().add(1, findBar);
        }
        findBar.open();
    }

    public void hideFind() {
        if (findBar != null) {
            findBar.close();
        }
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
