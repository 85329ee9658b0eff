package org.cristal.library.abtest;

/** What one variant of a test gave: how many of its contacts converted (clicked, bought, booked). */
public record Arm(long conversions, long contacts) {
    /** @throws AbInputException for a negative count, no contacts, or more conversions than contacts */
    public Arm {
        if (contacts < 0 || conversions < 0) {
            throw new AbInputException("abtest.error.negativeCount", conversions, contacts);
        }
        if (contacts == 0) {
            throw new AbInputException("abtest.error.noContacts", conversions);
        }
        if (conversions > contacts) {
            throw new AbInputException("abtest.error.moreThanContacts", conversions, contacts);
        }
    }

    public double rate() {
        return (double) conversions / contacts;
    }
}
