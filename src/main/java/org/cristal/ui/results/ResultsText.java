package org.cristal.ui.results;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.cristal.library.results.ChannelFigures;
import org.cristal.library.results.Rate;

/** The results' figures as the user reads them: numbers in their language, a rate always with its range. */
public final class ResultsText {
    private final ResourceBundle text;
    private final Locale locale;

    public ResultsText(ResourceBundle text, Locale locale) {
        this.text = text;
        this.locale = locale;
    }

    public String number(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    /** A reach nobody reported is a dash, not a zero. */
    public String reach(long reach) {
        return reach < 0 ? "–" : number(reach);
    }

    /** "7.5% (4.0% to 13.6%)", with "too few to tell" under {@link Rate#MIN_TRIALS} visitors; a dash with none. */
    public String rate(Rate r) {
        if (r.trials() == 0) {
            return "–";
        }
        NumberFormat p = NumberFormat.getPercentInstance(locale);
        p.setMinimumFractionDigits(1);
        p.setMaximumFractionDigits(1);
        return format(r.tooFew() ? "results.rateTooFew" : "results.rate", p.format(r.value()), p.format(r.low()),
                p.format(r.high()));
    }

    /** A channel's name: its key as its links carry it; the total line and visits without a source in words. */
    public String channel(String key) {
        if (ChannelFigures.TOTAL.equals(key)) {
            return text.getString("results.allChannels");
        }
        return key.isEmpty() ? text.getString("results.noSource") : key;
    }

    public Locale locale() {
        return locale;
    }

    public String format(String key, Object... args) {
        return new MessageFormat(text.getString(key), locale).format(args);
    }
}
