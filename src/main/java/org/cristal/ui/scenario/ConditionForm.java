package org.cristal.ui.scenario;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.cristal.library.scenario.Condition;

/** One condition of a step while it is edited: a kind, its segment or earlier step, and "not". */
public final class ConditionForm {
    private final ObjectProperty<Condition.Kind> kind = new SimpleObjectProperty<>(Condition.Kind.CONSENTING);
    private final StringProperty argument = new SimpleStringProperty("");
    private final BooleanProperty negated = new SimpleBooleanProperty(false);

    public static ConditionForm of(Condition c) {
        ConditionForm f = new ConditionForm();
        f.kind.set(c.kind());
        f.argument.set(c.argument());
        f.negated.set(c.negated());
        return f;
    }

    Condition toCondition() {
        return new Condition(kind.get(), kind.get() == Condition.Kind.CONSENTING ? "" : argument.get().strip(),
                kind.get() != Condition.Kind.CONSENTING && negated.get());
    }

    public ObjectProperty<Condition.Kind> kindProperty() {
        return kind;
    }

    /** A segment's name for "in segment", an earlier step's id for "received" and "clicked". */
    public StringProperty argumentProperty() {
        return argument;
    }

    /** "Not in segment", "did not receive", "did not click". */
    public BooleanProperty negatedProperty() {
        return negated;
    }
}
