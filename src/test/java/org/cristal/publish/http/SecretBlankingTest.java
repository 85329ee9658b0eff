package org.cristal.publish.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A token a service echoes back, in whatever encoding, never reaches a message. */
class SecretBlankingTest {
    /** Spaces, '+', '/' and '?' so that every encoding differs from the plain text. */
    private static final String TOKEN = "pain levain/Zq8+1xV?7u~";
    private static final byte[] BYTES = TOKEN.getBytes(StandardCharsets.UTF_8);

    static Stream<Arguments> echoes() {
        String plus = URLEncoder.encode(TOKEN, StandardCharsets.UTF_8);
        String std = Base64.getEncoder().encodeToString(BYTES);
        String url = Base64.getUrlEncoder().encodeToString(BYTES);
        return Stream.of(
                Arguments.of("URL-encoded with +", plus),
                Arguments.of("URL-encoded with %20", plus.replace("+", "%20")),
                Arguments.of("URL-encoded, lower-case hex", plus.replace("%2F", "%2f").replace("%3F", "%3f")),
                Arguments.of("inside a query string", "access_token=" + plus + "&scope=write"),
                Arguments.of("base64", std),
                Arguments.of("base64 without padding", std.replace("=", "")),
                Arguments.of("URL-safe base64", url),
                Arguments.of("URL-safe base64 without padding", url.replace("=", "")),
                Arguments.of("glued to a word", "token_" + url.replace("=", "")),
                Arguments.of("Basic auth user:secret", "Basic " + Base64.getEncoder()
                        .encodeToString(("boulangerie:" + TOKEN).getBytes(StandardCharsets.UTF_8))),
                Arguments.of("hex", HexFormat.of().formatHex(BYTES)),
                Arguments.of("upper-case hex", HexFormat.of().withUpperCase().formatHex(BYTES)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("echoes")
    void aTokenEchoedInAnErrorIsBlanked(String form, String echoed) {
        String body = "{\"error\": \"Invalid credentials " + echoed.replace("\\", "\\\\") + " for this account\"}";
        String said = ServiceText.of(body.getBytes(StandardCharsets.UTF_8), List.of(TOKEN));
        assertTrue(said.startsWith("Invalid credentials "), said);
        assertTrue(said.endsWith(" for this account"), said);
        assertTrue(said.contains("•••"), said);
        for (String leak : List.of(echoed, "Zq8", "levain")) {
            assertFalse(said.contains(leak), form + " leaked: " + said);
        }
    }
}
