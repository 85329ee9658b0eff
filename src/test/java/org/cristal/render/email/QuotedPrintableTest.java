package org.cristal.render.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuotedPrintableTest {

    private static String decode(byte[] encoded) throws Exception {
        return new String(MimeUtility.decode(new ByteArrayInputStream(encoded), "quoted-printable").readAllBytes(),
                StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "plain ascii",
        "trailing space \nand tab\t\nend",
        "a = sign and =3D lookalike",
        "accents: éàç œ — « guillemets » and emoji 👨‍👩‍👧‍👦 🍞",
        "From the start of a line\nFrom here too\n.dot line\n",
        "a very long line without any break at all that goes on and on and on and on and on and on and on "
                + "and on and on and on and on and on until well past seventy-six characters ééééééééééééééééé",
        "",
        "\n\n\n",
        "crlf\r\nline\r\n"
    })
    void encodesSoJakartaMailDecodesTheSameTextWithCrlfLines(String text) throws Exception {
        byte[] encoded = QuotedPrintable.encode(text);
        assertEquals(text.replace("\r\n", "\n").replace("\n", "\r\n"), decode(encoded));
        String ascii = new String(encoded, StandardCharsets.US_ASCII);
        for (String line : ascii.split("\r\n", -1)) {
            assertTrue(line.length() <= 76, "line too long: " + line);
            assertFalse(line.endsWith(" ") || line.endsWith("\t"), "trailing white space: [" + line + "]");
            assertFalse(line.startsWith("From ") || line.startsWith("."), "risky line start: " + line);
        }
        for (byte b : encoded) {
            assertTrue(b == '\r' || b == '\n' || (b >= 32 && b < 127), "not 7-bit: " + b);
        }
    }
}
