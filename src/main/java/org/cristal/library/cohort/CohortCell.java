package org.cristal.library.cohort;

import java.time.LocalDate;

/**
 * One cohort in one following period (period 0 is the one they joined in): what they received, how many of
 * them still consent to marketing e-mail at its end (or now, for the period under way), and the visits and
 * conversions that imported analytics tie to their link tokens.
 *
 * @param underway   the period has begun but not ended: its figures are so far
 * @param consenting members whose last e-mail marketing ledger row before the period's end is a grant
 */
public record CohortCell(int period, LocalDate start, boolean underway, long email, long postal, long sms,
        int consenting, long visitors, long conversions) {

    /** Messages sent to the cohort in the period, every channel. */
    public long messages() {
        return email + postal + sms;
    }
}
