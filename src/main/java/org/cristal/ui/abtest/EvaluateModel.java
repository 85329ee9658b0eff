package org.cristal.ui.abtest;

import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.cristal.library.abtest.AbInputException;
import org.cristal.library.abtest.Arm;
import org.cristal.library.abtest.Evaluation;

/** Two variants' counts typed in, their evaluation recomputed as you type (ADR 0025). */
public final class EvaluateModel {
    private final ResourceBundle text;
    private final Locale locale;
    private final StringProperty conversionsA = new SimpleStringProperty("");
    private final StringProperty contactsA = new SimpleStringProperty("");
    private final StringProperty conversionsB = new SimpleStringProperty("");
    private final StringProperty contactsB = new SimpleStringProperty("");
    private final StringProperty alpha = new SimpleStringProperty("5");
    private final StringProperty planned = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Evaluation> evaluation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public EvaluateModel(ResourceBundle text, Locale locale) {
        this.text = text;
        this.locale = locale;
        for (javafx.beans.Observable p : java.util.List.of(conversionsA, contactsA, conversionsB, contactsB, alpha,
                planned)) {
            p.addListener(o -> update());
        }
    }

    public StringProperty conversionsAProperty() {
        return conversionsA;
    }

    public StringProperty contactsAProperty() {
        return contactsA;
    }

    public StringProperty conversionsBProperty() {
        return conversionsB;
    }

    public StringProperty contactsBProperty() {
        return contactsB;
    }

    /** The significance level in per cent. */
    public StringProperty alphaProperty() {
        return alpha;
    }

    /** Contacts per variant the test was planned for; empty when there was no plan. */
    public StringProperty plannedProperty() {
        return planned;
    }

    /** The evaluation of the figures typed, null while they are incomplete or wrong. */
    public ReadOnlyObjectProperty<Evaluation> evaluationProperty() {
        return evaluation.getReadOnlyProperty();
    }

    /** Why there is no evaluation yet, else "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    private void update() {
        String[] counts = {conversionsA.get(), contactsA.get(), conversionsB.get(), contactsB.get()};
        if (java.util.Arrays.stream(counts).allMatch(s -> s == null || s.isBlank())) {
            show(null, "");
            return;
        }
        long[] n = new long[4];
        for (int i = 0; i < 4; i++) {
            n[i] = Figures.count(counts[i], locale);
            if (n[i] < 0) {
                show(null, text.getString("abtest.evaluate.badCount"));
                return;
            }
        }
        boolean noPlan = planned.get() == null || planned.get().isBlank();
        long plan = noPlan ? 0 : Figures.count(planned.get(), locale);
        if (plan < 0) {
            show(null, text.getString("abtest.evaluate.badPlanned"));
            return;
        }
        java.util.OptionalDouble level = Figures.parse(alpha.get(), locale);
        if (level.isEmpty()) {
            show(null, text.getString("abtest.planner.badAlpha"));
            return;
        }
        try {
            show(Evaluation.of(new Arm(n[0], n[1]), new Arm(n[2], n[3]), level.getAsDouble() / 100, plan), "");
        } catch (AbInputException x) {
            show(null, x.localizedMessage(locale));
        }
    }

    private void show(Evaluation e, String why) {
        problem.set(why);
        evaluation.set(e);
    }
}
