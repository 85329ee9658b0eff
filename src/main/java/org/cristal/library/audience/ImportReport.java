package org.cristal.library.audience;

import java.util.List;
import java.util.Locale;
import org.cristal.library.WorkspaceException;
import org.cristal.story.Messages;

/**
 * What an import does (or did): contacts created, updated, unchanged, consents recorded, and every row left
 * out with its line in the file and why. The same report before writing (the plan) and after.
 *
 * @param rows               data rows read (blank lines not counted)
 * @param staysUnsubscribed  rows whose opt-in was not recorded because the person had withdrawn their consent
 * @param bounced            addresses marked as bouncing (Mailchimp's cleaned export)
 * @param issues             rows left out (blank or invalid address, duplicate, suppressed) and rows imported
 *                           with a remark (an opt-in time Cristal could not read), in line order
 */
public record ImportReport(int rows, int created, int updated, int unchanged, int grants, int withdrawals,
        int staysUnsubscribed, int bounced, List<Issue> issues) {
    public ImportReport {
        issues = List.copyOf(issues);
    }

    /** Why a row was left out, or imported with a remark. */
    public enum Reason {
        BLANK_EMAIL, INVALID_EMAIL, DUPLICATE, SUPPRESSED,
        /** Imported, but its opt-in or unsubscribe time could not be read: no consent recorded from it. */
        BAD_DATE;

        /** True when the row was not imported. */
        public boolean skips() {
            return this != BAD_DATE;
        }
    }

    /**
     * One row with a problem.
     *
     * @param line      the line of the file it starts on (quoted line breaks counted)
     * @param sameAs    for a duplicate, the line of the first row with this address; else 0
     */
    public record Issue(int line, Reason reason, int sameAs) {
        /** "Line 12: not an e-mail address." in the user's language; no personal data in it. */
        public String message(Locale locale) {
            String key = switch (reason) {
                case BLANK_EMAIL -> "audience.import.reason.blank";
                case INVALID_EMAIL -> "audience.import.reason.invalid";
                case DUPLICATE -> "audience.import.reason.duplicate";
                case SUPPRESSED -> "audience.import.reason.suppressed";
                case BAD_DATE -> "audience.import.reason.badDate";
            };
            return Messages.format(WorkspaceException.BUNDLE, locale, key, line, sameAs);
        }
    }

    public int count(Reason reason) {
        return (int) issues.stream().filter(i -> i.reason() == reason).count();
    }

    /** Rows with a blank or invalid address. */
    public int invalid() {
        return count(Reason.BLANK_EMAIL) + count(Reason.INVALID_EMAIL);
    }

    public int duplicates() {
        return count(Reason.DUPLICATE);
    }

    public int suppressed() {
        return count(Reason.SUPPRESSED);
    }

    /** Rows that became a contact or changed one. */
    public int written() {
        return created + updated;
    }
}
