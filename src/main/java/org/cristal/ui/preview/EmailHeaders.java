package org.cristal.ui.preview;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What an inbox shows of a message before it is opened, read from the assembled message's own
 * headers so the preview shows exactly what will be sent: the sender's name and address and the date.
 * Only the header block is parsed (it stops at the first blank line), so this is cheap.
 */
record EmailHeaders(String senderName, String senderAddress, Optional<ZonedDateTime> date) {
    static final EmailHeaders NONE = new EmailHeaders("", "", Optional.empty());

    static EmailHeaders of(byte[] eml) {
        if (eml == null || eml.length == 0) {
            return NONE;
        }
        try {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(eml));
            String name = "";
            String address = "";
            String from = headers.getHeader("From", ",");
            if (from != null) {
                InternetAddress[] parsed = InternetAddress.parseHeader(from, false);
                if (parsed.length > 0) {
                    name = parsed[0].getPersonal() == null ? "" : parsed[0].getPersonal();
                    address = parsed[0].getAddress() == null ? "" : parsed[0].getAddress();
                }
            }
            return new EmailHeaders(name, address, date(headers.getHeader("Date", null)));
        } catch (MessagingException e) {
            return NONE;
        }
    }

    private static Optional<ZonedDateTime> date(String value) {
        if (value == null) {
            return Optional.empty();
        }
        // RFC 5322 allows a trailing comment such as "(UTC)", which the RFC 1123 parser refuses.
        String v = value.replaceAll("\\s*\\([^)]*\\)\\s*$", "").strip();
        try {
            return Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
