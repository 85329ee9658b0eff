package org.cristal.ui.contacts;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.cristal.library.Workspace;
import org.cristal.ui.Text;
import org.cristal.library.audience.FrequencyCap;
import org.cristal.ui.model.Problems;
import org.cristal.ui.model.Workers;

/**
 * The one frequency cap of the workspace as a plain form: "At most [2] marketing messages per person every
 * [7] days", with a switch to turn it off.
 */
public final class FrequencyCapModel {
    static final int MAX_MESSAGES = 100;
    static final int MAX_DAYS = 365;

    private final Workers workers;
    private final Supplier<Workspace> workspace;
    private final ResourceBundle text;
    private final Locale locale;
    private final BooleanProperty on = new SimpleBooleanProperty(false);
    private final StringProperty messages = new SimpleStringProperty("2");
    private final StringProperty days = new SimpleStringProperty("7");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper saved = new ReadOnlyStringWrapper("");

    public FrequencyCapModel(Workers workers, Supplier<Workspace> workspace, ResourceBundle text, Locale locale) {
        this.workers = workers;
        this.workspace = workspace;
        this.text = text;
        this.locale = locale;
        for (javafx.beans.Observable p : java.util.List.of(on, messages, days)) {
            p.addListener(o -> {
                problem.set("");
                saved.set("");
            });
        }
    }

    public BooleanProperty onProperty() {
        return on;
    }

    public StringProperty messagesProperty() {
        return messages;
    }

    public StringProperty daysProperty() {
        return days;
    }

    /** Why the form cannot be saved, else "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** "Saved." once saved, until the next change. */
    public ReadOnlyStringProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }

    public CompletableFuture<Void> load() {
        Workspace ws = workspace.get();
        if (ws == null) {
            return CompletableFuture.completedFuture(null);
        }
        return workers.onWorkspace("reading the frequency cap", () -> ws.audience().frequencyCap()).handle((cap, t) -> {
            if (t != null) {
                problem.set(Problems.describe(t, text, locale));
                return null;
            }
            on.set(cap.isSet());
            if (cap.isSet()) {
                messages.set(Integer.toString(cap.messages()));
                days.set(Integer.toString(cap.days()));
            }
            saved.set("");
            return null;
        });
    }

    /** Saves the cap; completes with true, or false with the reason in {@link #problemProperty}. */
    public CompletableFuture<Boolean> save() {
        FrequencyCap cap;
        if (!on.get()) {
            cap = FrequencyCap.NONE;
        } else {
            int m = number(messages.get(), MAX_MESSAGES);
            int d = number(days.get(), MAX_DAYS);
            if (m < 0) {
                problem.set(Text.format(text, locale, "contacts.cap.badMessages", MAX_MESSAGES));
                return CompletableFuture.completedFuture(false);
            }
            if (d < 0) {
                problem.set(Text.format(text, locale, "contacts.cap.badDays", MAX_DAYS));
                return CompletableFuture.completedFuture(false);
            }
            cap = new FrequencyCap(m, d);
        }
        Workspace ws = workspace.get();
        return workers.onWorkspace("saving the frequency cap", () -> {
            ws.audience().setFrequencyCap(cap);
            return cap;
        }).handle((c, t) -> {
            if (t != null) {
                problem.set(Problems.describe(t, text, locale));
                return false;
            }
            saved.set(text.getString("contacts.cap.saved"));
            return true;
        });
    }

    /** A whole number from 1 to {@code max}, or -1. */
    private static int number(String s, int max) {
        try {
            int n = Integer.parseInt(s == null ? "" : s.strip());
            return n >= 1 && n <= max ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
