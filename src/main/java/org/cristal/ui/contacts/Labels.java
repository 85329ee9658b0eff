package org.cristal.ui.contacts;

import java.util.ResourceBundle;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.ContactFilter.Standing;
import org.cristal.library.audience.Delivery;
import org.cristal.library.audience.Purpose;

/** The audience's words as the user reads them: channels, purposes, ways of consenting, outcomes. */
final class Labels {
    private final ResourceBundle text;

    Labels(ResourceBundle text) {
        this.text = text;
    }

    String of(ContactChannel c) {
        return text.getString(switch (c) {
            case EMAIL -> "contacts.channel.email";
            case POSTAL -> "contacts.channel.postal";
            case SMS -> "contacts.channel.sms";
        });
    }

    String of(Purpose p) {
        return text.getString(p == Purpose.MARKETING ? "contacts.purpose.marketing" : "contacts.purpose.service");
    }

    String of(ConsentMethod m) {
        return text.getString(switch (m) {
            case WEB_FORM -> "contacts.method.webForm";
            case IN_PERSON -> "contacts.method.inPerson";
            case MANUAL -> "contacts.method.manual";
            case IMPORT -> "contacts.method.import";
            case DOUBLE_OPT_IN -> "contacts.method.doubleOptIn";
            case UNSUBSCRIBE_LINK -> "contacts.method.unsubscribeLink";
            case UNSUBSCRIBE_MAIL -> "contacts.method.unsubscribeMail";
            case COMPLAINT -> "contacts.method.complaint";
        });
    }

    String of(Standing s) {
        return text.getString(switch (s) {
            case ANY -> "contacts.standing.any";
            case SUBSCRIBED -> "contacts.standing.subscribed";
            case UNSUBSCRIBED -> "contacts.standing.unsubscribed";
            case NO_CONSENT -> "contacts.standing.noConsent";
            case BOUNCED -> "contacts.standing.bounced";
        });
    }

    String of(Delivery.Outcome o) {
        return text.getString(switch (o) {
            case SENT -> "contacts.outcome.sent";
            case REFUSED -> "contacts.outcome.refused";
            case BOUNCED -> "contacts.outcome.bounced";
            case HELD -> "contacts.outcome.held";
        });
    }

    /** A converter for a choice box of these values. */
    <T> javafx.util.StringConverter<T> converter(java.util.function.Function<T, String> label) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
