package org.cristal.publish.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.cristal.publish.spi.PublishException;
import org.junit.jupiter.api.Test;

class RecipientsTest {
    private static CsvRecipients parse(String csv) throws PublishException {
        return CsvRecipients.parse("list.csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void blankInvalidAndRepeatedAddressesAreSkippedAndCounted() throws Exception {
        CsvRecipients r = parse("""
                Email,First Name,Last-Name,City
                marie@example.com,Marie,Curie,Paris
                ,Nobody,,
                not-an-address,Bad,,
                bob@localhost,Bob,,
                MARIE@example.com,Marie again,,
                "Zoë <zoe@example.org>",Zoë,,

                two@@example.com,Q,,
                ali@example.net,Ali,,"Lyon, France"
                """);
        assertEquals(List.of("marie@example.com", "ali@example.net"), r.list().stream().map(CsvRecipients.Recipient::address)
                .toList());
        assertEquals(1, r.blank());
        assertEquals(4, r.invalid(), "no domain, no dot in the domain, a display name, two @");
        assertEquals(1, r.duplicates());
        CsvRecipients.Recipient ali = r.list().get(1);
        assertEquals("Lyon, France", ali.fields().get("city"));
        assertEquals("Marie Curie", r.list().get(0).fullName(), "column names are matched without case or dashes");
    }

    @Test
    void aFrenchSpreadsheetsSemicolonsAndByteOrderMarkAreRead() throws Exception {
        CsvRecipients r = parse("\uFEFFcourriel;first_name;entreprise\nmarie@example.com;Marie;Curie & Fils\n");
        assertEquals("marie@example.com", r.list().get(0).fields().get("email"));
        assertEquals("Curie & Fils", r.list().get(0).fields().get("entreprise"));
    }

    @Test
    void shortRowsLeaveTheirMissingFieldsBlank() throws Exception {
        CsvRecipients r = parse("email,first_name,last_name\nmarie@example.com\n");
        assertEquals("", r.list().get(0).fields().get("first_name"));
        assertEquals("", r.list().get(0).fullName());
    }

    @Test
    void aQuoteLeftOpenIsRefusedWithItsLine() {
        PublishException e = assertThrows(PublishException.class,
                () -> parse("email,first_name\nmarie@example.com,Marie\n\"bob@example.com,Bob\n"));
        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertTrue(e.message(Locale.ENGLISH).startsWith("The recipients file list.csv is not valid CSV near line"),
                e.message(Locale.ENGLISH));
    }

    @Test
    void anEmptyFileIsRefused() {
        PublishException e = assertThrows(PublishException.class, () -> parse(""));
        assertEquals("The recipients file list.csv is empty; it needs a header row with an email column.",
                e.message(Locale.ENGLISH));
    }
}
