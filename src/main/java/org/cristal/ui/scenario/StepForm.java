package org.cristal.ui.scenario;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cristal.library.scenario.Condition;
import org.cristal.library.scenario.Step;

/**
 * One step as the editor holds it while the user types: text fields stay text until the scenario is saved,
 * so a half-typed delay is a message under the field, never a lost edit.
 */
public final class StepForm {
    private final String id;
    private final StringProperty story = new SimpleStringProperty("");
    private final StringProperty variant = new SimpleStringProperty("");
    private final StringProperty account = new SimpleStringProperty("");
    private final ObjectProperty<Step.Timing> timing = new SimpleObjectProperty<>(Step.Timing.AFTER_PREVIOUS);
    private final StringProperty days = new SimpleStringProperty("0");
    private final StringProperty hours = new SimpleStringProperty("0");
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final StringProperty time = new SimpleStringProperty("");
    private final ObservableList<ConditionForm> conditions = FXCollections.observableArrayList();

    public StepForm(String id) {
        this.id = id;
    }

    /** The form of a saved step. */
    public static StepForm of(Step s) {
        StepForm f = new StepForm(s.id());
        f.story.set(s.storyId());
        f.variant.set(s.variant());
        f.account.set(s.account());
        f.timing.set(s.timing());
        f.days.set(Long.toString(s.delay().toDays()));
        f.hours.set(Long.toString(s.delay().minusDays(s.delay().toDays()).toHours()));
        f.date.set(s.date());
        f.time.set(s.timeOfDay() == null ? "" : Times.text(s.timeOfDay()));
        for (Condition c : s.conditions()) {
            f.conditions.add(ConditionForm.of(c));
        }
        return f;
    }

    /** The step to save; call once {@link ScenarioEditorModel#validate} found nothing wrong. */
    Step toStep() {
        Duration delay = Duration.ofDays(Long.parseLong(days.get().strip()))
                .plusHours(Long.parseLong(hours.get().strip()));
        List<Condition> cs = conditions.stream().map(ConditionForm::toCondition).toList();
        return new Step(id, story.get(), variant.get().strip(), account.get(), timing.get(),
                timing.get() == Step.Timing.ON_DATE ? Duration.ZERO : delay,
                timing.get() == Step.Timing.ON_DATE ? date.get() : null, Times.parse(time.get()).orElse(null), cs);
    }

    /** {@code s1}, {@code s2} …: stays the same across versions, so a moved run keeps the steps it had. */
    public String id() {
        return id;
    }

    /** The story's id. */
    public StringProperty storyProperty() {
        return story;
    }

    /** The variant's arm ({@code b}, {@code c}), "" for the story as written. */
    public StringProperty variantProperty() {
        return variant;
    }

    /** The channel account's id. */
    public StringProperty accountProperty() {
        return account;
    }

    public ObjectProperty<Step.Timing> timingProperty() {
        return timing;
    }

    public StringProperty daysProperty() {
        return days;
    }

    public StringProperty hoursProperty() {
        return hours;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    /** The time of day in the contact's zone, "9:30"; "" for as soon as due. */
    public StringProperty timeProperty() {
        return time;
    }

    public ObservableList<ConditionForm> conditions() {
        return conditions;
    }
}
