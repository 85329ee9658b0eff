package org.cristal.ui.abtest;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.ResourceBundle;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.cristal.library.abtest.AbInputException;
import org.cristal.library.abtest.AbTestWords;
import org.cristal.library.abtest.Plan;
import org.cristal.library.abtest.Planner;

/**
 * The A/B test planner as a form: the figures typed in per cent, the answer in plain words, recomputed on
 * every keystroke (the formula takes microseconds, so it runs where the typing is).
 */
public final class PlannerModel {
    private final ResourceBundle text;
    private final Locale locale;
    private final StringProperty baseline = new SimpleStringProperty("20");
    private final StringProperty effect = new SimpleStringProperty("5");
    private final BooleanProperty relative = new SimpleBooleanProperty(false);
    private final StringProperty alpha = new SimpleStringProperty("5");
    private final StringProperty power = new SimpleStringProperty("80");
    private final StringProperty contacts = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper needed = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reach = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper reachable = new ReadOnlyBooleanWrapper(true);
    private long neededPerArm = -1;
    private org.cristal.library.abtest.AbTests.Plan sendPlan;

    public PlannerModel(ResourceBundle text, Locale locale) {
        this.text = text;
        this.locale = locale;
        for (javafx.beans.Observable p : java.util.List.of(baseline, effect, relative, alpha, power, contacts)) {
            p.addListener(o -> update());
        }
        update();
    }

    /** The rate expected without change, in per cent. */
    public StringProperty baselineProperty() {
        return baseline;
    }

    /** The smallest change worth detecting: in points, or in per cent of the baseline when {@link #relativeProperty}. */
    public StringProperty effectProperty() {
        return effect;
    }

    public BooleanProperty relativeProperty() {
        return relative;
    }

    /** The significance level in per cent (two-sided). */
    public StringProperty alphaProperty() {
        return alpha;
    }

    /** The power in per cent. */
    public StringProperty powerProperty() {
        return power;
    }

    /** Contacts in the send, both variants together; empty when not known. */
    public StringProperty contactsProperty() {
        return contacts;
    }

    /** "To tell a rate of 20% from 25%, send each variant to 1,094 contacts (2,188 in all)." */
    public ReadOnlyStringProperty neededProperty() {
        return needed.getReadOnlyProperty();
    }

    /** What the send's size can detect, "" without contacts. */
    public ReadOnlyStringProperty reachProperty() {
        return reach.getReadOnlyProperty();
    }

    /** "This test cannot reach its size: …", else "". */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty reachableProperty() {
        return reachable.getReadOnlyProperty();
    }

    /** Why there is no answer (a figure that is not a number or out of range), else "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Contacts per variant of the last good plan, -1 when the form has a problem. */
    public long neededPerArm() {
        return neededPerArm;
    }

    private void update() {
        OptionalDouble p1 = Figures.parse(baseline.get(), locale);
        OptionalDouble e = Figures.parse(effect.get(), locale);
        OptionalDouble a = Figures.parse(alpha.get(), locale);
        OptionalDouble pw = Figures.parse(power.get(), locale);
        boolean noContacts = contacts.get() == null || contacts.get().isBlank();
        long n = noContacts ? -1 : Figures.count(contacts.get(), locale);
        String bad = p1.isEmpty() ? "abtest.planner.badBaseline" : e.isEmpty() ? "abtest.planner.badEffect"
                : a.isEmpty() ? "abtest.planner.badAlpha" : pw.isEmpty() ? "abtest.planner.badPower"
                : !noContacts && n < 0 ? "abtest.planner.badContacts" : null;
        if (bad != null) {
            show(null, text.getString(bad));
            return;
        }
        try {
            Plan plan = Planner.plan(p1.getAsDouble() / 100, e.getAsDouble() / 100, relative.get(),
                    a.getAsDouble() / 100, pw.getAsDouble() / 100, n);
            show(plan, "");
            sendPlan = new org.cristal.library.abtest.AbTests.Plan(p1.getAsDouble() / 100, e.getAsDouble() / 100,
                    relative.get(), a.getAsDouble() / 100, pw.getAsDouble() / 100,
                    (int) Math.min(Integer.MAX_VALUE, plan.neededPerArm()));
        } catch (AbInputException x) {
            show(null, x.localizedMessage(locale));
        }
    }

    /** The plan as an A/B send records it (rates as fractions, the contacts each variant needs), when the form is good. */
    public java.util.Optional<org.cristal.library.abtest.AbTests.Plan> sendPlan() {
        return java.util.Optional.ofNullable(sendPlan);
    }

    private void show(Plan plan, String why) {
        if (plan == null) {
            sendPlan = null;
        }
        problem.set(why);
        neededPerArm = plan == null ? -1 : plan.neededPerArm();
        needed.set(plan == null ? "" : AbTestWords.needed(plan, locale));
        reach.set(plan == null ? "" : AbTestWords.reach(plan, locale));
        warning.set(plan == null ? "" : AbTestWords.warning(plan, locale));
        reachable.set(plan == null || plan.reachable());
    }
}
