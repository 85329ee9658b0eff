package org.cristal.ui.brand;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import org.cristal.story.Severity;
import org.cristal.ui.brand.BrandEditorModel.Field;
import org.cristal.ui.brand.BrandEditorModel.Issue;

/**
 * The inline message under one field: its errors in the danger colour, else its warnings; hidden
 * (and taking no room) when the field is fine.
 */
final class IssueLabel extends Label {
    private final BrandText text;
    private final ObservableList<Issue> issues;
    private final Predicate<Issue> mine;

    IssueLabel(BrandText text, ObservableList<Issue> issues, Field field, String id) {
        this(text, issues, i -> i.field() == field, id);
    }

    /** The messages of the issues {@code mine} accepts. */
    IssueLabel(BrandText text, ObservableList<Issue> issues, Predicate<Issue> mine, String id) {
        this.text = text;
        this.issues = issues;
        this.mine = mine;
        setId(id);
        setWrapText(true);
        getStyleClass().add(Styles.TEXT_SMALL);
        managedProperty().bind(visibleProperty());
        issues.addListener((ListChangeListener<Issue>) change -> update());
        update();
    }

    private void update() {
        List<Issue> shown = issues.stream().filter(mine).toList();
        boolean error = shown.stream().anyMatch(i -> i.severity() == Severity.ERROR);
        setText(shown.stream().map(i -> text.format(i.key(), i.args())).collect(Collectors.joining("\n")));
        getStyleClass().removeAll(Styles.DANGER, Styles.WARNING);
        if (!shown.isEmpty()) {
            getStyleClass().add(error ? Styles.DANGER : Styles.WARNING);
        }
        setVisible(!shown.isEmpty());
    }
}
