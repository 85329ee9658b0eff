package org.cristal.ui.scenario;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.cristal.library.ChannelAccount;
import org.cristal.library.StorySummary;
import org.cristal.library.scenario.Step;
import org.cristal.ui.Text;

/**
 * A step as a sentence a baker reads at a glance: "Day 0, at 9:30 their time — “Notre pain au levain” on
 * Newsletter", "then 3 days later — …". Times are always the contact's own (ADR 0033).
 */
final class StepWords {
    private final ResourceBundle text;
    private final Locale locale;
    private final List<StorySummary> stories;
    private final List<ChannelAccount> accounts;

    StepWords(ResourceBundle text, Locale locale, List<StorySummary> stories, List<ChannelAccount> accounts) {
        this.text = text;
        this.locale = locale;
        this.stories = stories;
        this.accounts = accounts;
    }

    /** {@code index}: the step's place in the list (the first step counts from the entry). */
    String sentence(StepForm s, int index) {
        return Text.format(text, locale, "scenario.step.line", index + 1, when(s, index), title(s.storyProperty().get()),
                account(s.accountProperty().get()), s.variantProperty().get().isBlank() ? 0 : 1,
                s.variantProperty().get().strip().toUpperCase(Locale.ROOT));
    }

    private String when(StepForm s, int index) {
        String day;
        if (s.timingProperty().get() == Step.Timing.ON_DATE) {
            day = s.dateProperty().get() == null ? text.getString("scenario.when.noDate")
                    : Text.format(text, locale, "scenario.when.date", s.dateProperty().get()
                            .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)));
        } else {
            int days = Math.max(0, ScenarioEditorModel.count(s.daysProperty().get()));
            int hours = Math.max(0, ScenarioEditorModel.count(s.hoursProperty().get()));
            boolean fromEntry = index == 0 || s.timingProperty().get() == Step.Timing.AFTER_ENTRY;
            String key = fromEntry ? (hours > 0 ? "scenario.when.dayHours" : "scenario.when.day")
                    : (hours > 0 ? "scenario.when.afterHours" : "scenario.when.after");
            day = Text.format(text, locale, key, days, hours);
        }
        return Times.parse(s.timeProperty().get())
                .map(t -> Text.format(text, locale, "scenario.when.time", day,
                        t.format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale))))
                .orElse(day);
    }

    String title(String storyId) {
        if (storyId == null || storyId.isBlank()) {
            return text.getString("scenario.step.noStory");
        }
        return stories.stream().filter(s -> s.id().equals(storyId)).map(StorySummary::title).findFirst()
                .orElse(storyId);
    }

    String account(String id) {
        if (id == null || id.isBlank()) {
            return text.getString("scenario.step.noAccount");
        }
        return accounts.stream().filter(a -> a.id().equals(id)).map(ChannelAccount::name).findFirst().orElse(id);
    }
}
