package org.cristal.ui.editor;

import atlantafx.base.theme.Styles;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.IndexRange;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.MultiChangeBuilder;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The find/replace bar under the editor. Matching ignores case and accents ("ete" finds "Été"),
 * because a French writer rarely remembers which "e" they typed. Searching a 5 MB story takes a few
 * milliseconds, so it stays on the FX thread; the number of matches is capped.
 */
final class FindBar extends HBox {
    static final int MAX_MATCHES = 10_000;

    private final ResourceBundle text;
    private final Locale locale;
    private final CodeArea area;
    private final TextField findField = new TextField();
    private final TextField replaceField = new TextField();
    private final Label count = new Label();
    private List<Integer> matches = List.of();
    private int current = -1;
    /** How many the last "replace all" replaced; shown until the user does something else (-1: none). */
    private int replaced = -1;
    private boolean replacing;

    FindBar(ResourceBundle text, Locale locale, CodeArea area) {
        this.text = text;
        this.locale = locale;
        this.area = area;
        setId("findBar");
        getStyleClass().add("find-bar");
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);

        findField.setId("findField");
        findField.setPromptText(text.getString("editor.find.prompt"));
        findField.setPrefColumnCount(16);
        replaceField.setId("replaceField");
        replaceField.setPromptText(text.getString("editor.replace.prompt"));
        replaceField.setPrefColumnCount(14);
        count.setId("findCount");
        count.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        // Never cut: "12 remplacements" is the answer to "Tout remplacer"; the find field gives way instead.
        count.setMinWidth(Label.USE_PREF_SIZE);

        Button previous = iconButton("findPrevious", Feather.CHEVRON_UP, "editor.find.previous");
        Button next = iconButton("findNext", Feather.CHEVRON_DOWN, "editor.find.next");
        Button close = iconButton("findClose", Feather.X, "editor.find.close");
        Button replaceOne = new Button(text.getString("editor.replace.one"));
        replaceOne.setId("replaceOne");
        Button replaceAll = new Button(text.getString("editor.replace.all"));
        replaceAll.setId("replaceAll");
        for (Button b : List.of(replaceOne, replaceAll)) {
            b.getStyleClass().add(Styles.SMALL);
        }
        previous.setOnAction(e -> previous());
        next.setOnAction(e -> next());
        replaceOne.setOnAction(e -> replaceCurrent());
        replaceAll.setOnAction(e -> replaceAll());
        close.setOnAction(e -> close());

        findField.textProperty().addListener((o, was, now) -> {
            replaced = -1;
            search(true);
        });
        area.plainTextChanges().subscribe(change -> {
            if (!replacing) {
                replaced = -1;
            }
        });
        findField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) {
                    previous();
                } else {
                    next();
                }
                e.consume();
            }
        });
        replaceField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                replaceCurrent();
                e.consume();
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
        HBox.setHgrow(findField, Priority.SOMETIMES);
        HBox.setHgrow(replaceField, Priority.SOMETIMES);
        // Find on one line, replace on the next: in a narrow editor column both stay readable.
        HBox findRow = new HBox(6, findField, count, previous, next);
        HBox replaceRow = new HBox(6, replaceField, replaceOne, replaceAll);
        for (HBox row : List.of(findRow, replaceRow)) {
            row.setAlignment(Pos.CENTER_LEFT);
        }
        HBox.setHgrow(findField, javafx.scene.layout.Priority.ALWAYS);
        HBox.setHgrow(replaceField, javafx.scene.layout.Priority.ALWAYS);
        for (Button b : List.of(replaceOne, replaceAll)) {
            b.setMinWidth(Button.USE_PREF_SIZE);
        }
        javafx.scene.layout.VBox rows = new javafx.scene.layout.VBox(4, findRow, replaceRow);
        HBox.setHgrow(rows, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(rows, close);
        setVisible(false);
        setManaged(false);
    }

    private Button iconButton(String id, Feather icon, String tooltipKey) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        b.setTooltip(new Tooltip(text.getString(tooltipKey)));
        b.setFocusTraversable(false);
        return b;
    }

    boolean isOpen() {
        return isVisible();
    }

    /** Shows the bar with the selected words (if any) as the query, and puts the cursor in it. */
    void open() {
        String selected = area.getSelectedText();
        setVisible(true);
        setManaged(true);
        if (!selected.isEmpty() && selected.indexOf('\n') < 0 && selected.length() <= 200) {
            findField.setText(selected);
        } else {
            search(false);
        }
        findField.requestFocus();
        findField.selectAll();
    }

    void close() {
        if (!isOpen()) {
            return;
        }
        setVisible(false);
        setManaged(false);
        area.requestFocus();
    }

    /** Re-counts after the story changed, without moving the selection. */
    void refresh() {
        if (isOpen()) {
            search(false);
        }
    }

    /**
     * Finds all matches; with {@code jump}, selects the first one at or after the caret (the user is
     * typing a query and wants to see where it is).
     */
    private void search(boolean jump) {
        String query = findField.getText();
        matches = TextSearch.find(area.getText(), query, MAX_MATCHES);
        current = indexAtSelection();
        if (jump && !matches.isEmpty()) {
            if (current < 0) {
                int from = area.getSelection().getStart();
                current = 0;
                for (int i = 0; i < matches.size(); i++) {
                    if (matches.get(i) >= from) {
                        current = i;
                        break;
                    }
                }
            }
            select(current);
        }
        showCount();
    }

    /** The match that is selected now, or -1. */
    private int indexAtSelection() {
        IndexRange sel = area.getSelection();
        int length = findField.getText().length();
        int i = java.util.Collections.binarySearch(matches, sel.getStart());
        return i >= 0 && sel.getLength() == length ? i : -1;
    }

    void next() {
        replaced = -1;
        if (matches.isEmpty()) {
            return;
        }
        int caret = area.getSelection().getEnd();
        int target = 0;
        for (int i = 0; i < matches.size(); i++) {
            if (matches.get(i) >= caret) {
                target = i;
                break;
            }
        }
        if (current >= 0 && target == current) {
            target = (current + 1) % matches.size();
        }
        select(target);
        showCount();
    }

    void previous() {
        replaced = -1;
        if (matches.isEmpty()) {
            return;
        }
        int caret = area.getSelection().getStart();
        int target = matches.size() - 1;
        for (int i = matches.size() - 1; i >= 0; i--) {
            if (matches.get(i) < caret) {
                target = i;
                break;
            }
        }
        select(target);
        showCount();
    }

    private void select(int index) {
        current = index;
        int start = matches.get(index);
        area.selectRange(start, start + findField.getText().length());
        area.requestFollowCaret();
    }

    /** Replaces the selected match (selecting the next one), or finds the first match. */
    void replaceCurrent() {
        int at = indexAtSelection();
        if (at < 0) {
            next();
            return;
        }
        int start = matches.get(at);
        area.replaceText(start, start + findField.getText().length(), replaceField.getText());
        search(false);
        if (!matches.isEmpty()) {
            area.moveTo(Math.min(start + replaceField.getText().length(), area.getLength()));
            next();
        }
    }

    /** Replaces every match in one undoable change; returns how many were replaced. */
    int replaceAll() {
        search(false);
        int n = matches.size();
        if (n > 0) {
            int length = findField.getText().length();
            String replacement = replaceField.getText();
            MultiChangeBuilder<?, ?, ?> change = area.createMultiChange(n);
            // From the end backwards, so each offset is still valid when its turn comes.
            for (int i = n - 1; i >= 0; i--) {
                int start = matches.get(i);
                change.replaceText(start, start + length, replacement);
            }
            replacing = true;
            try {
                change.commit();
            } finally {
                replacing = false;
            }
        }
        replaced = n;
        search(false);
        return n;
    }

    private void showCount() {
        if (replaced >= 0) {
            count.setText(new MessageFormat(text.getString("editor.find.replaced"), locale)
                    .format(new Object[] {replaced}));
        } else if (findField.getText().isEmpty()) {
            count.setText("");
        } else if (matches.isEmpty()) {
            count.setText(text.getString("editor.find.none"));
        } else if (current < 0) {
            count.setText(new MessageFormat(text.getString("editor.find.total"), locale)
                    .format(new Object[] {matches.size()}));
        } else {
            count.setText(new MessageFormat(text.getString("editor.find.count"), locale)
                    .format(new Object[] {current + 1, matches.size()}));
        }
        findField.pseudoClassStateChanged(Styles.STATE_DANGER,
                replaced < 0 && !findField.getText().isEmpty() && matches.isEmpty());
    }

    TextField findField() {
        return findField;
    }

    TextField replaceField() {
        return replaceField;
    }

    Label countLabel() {
        return count;
    }
}
