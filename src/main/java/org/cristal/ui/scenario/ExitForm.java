package org.cristal.ui.scenario;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.cristal.library.scenario.ExitRule;

/** One exit rule while it is edited. */
public final class ExitForm {
    private final ObjectProperty<ExitRule.Kind> kind = new SimpleObjectProperty<>(ExitRule.Kind.UNSUBSCRIBED);
    private final StringProperty argument = new SimpleStringProperty("");

    public static ExitForm of(ExitRule e) {
        ExitForm f = new ExitForm();
        f.kind.set(e.kind());
        f.argument.set(e.argument());
        return f;
    }

    ExitRule toRule() {
        return new ExitRule(kind.get(), needsArgument(kind.get()) ? argument.get().strip() : "");
    }

    static boolean needsArgument(ExitRule.Kind k) {
        return k == ExitRule.Kind.IN_SEGMENT || k == ExitRule.Kind.RECEIVED_STORY;
    }

    public ObjectProperty<ExitRule.Kind> kindProperty() {
        return kind;
    }

    /** A segment's name for "entered segment", a story's id for "received story". */
    public StringProperty argumentProperty() {
        return argument;
    }
}
