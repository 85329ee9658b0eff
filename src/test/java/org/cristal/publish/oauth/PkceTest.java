package org.cristal.publish.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PkceTest {
    @Test
    void theS256ChallengeIsTheOneOfRfc7636AppendixB() {
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                Pkce.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    @Test
    void aFreshVerifierIsLongUnreservedAndNeverTheSameTwice() {
        SecureRandom random = new SecureRandom();
        Pkce a = Pkce.create(random);
        Pkce b = Pkce.create(random);
        assertTrue(a.verifier().matches("[A-Za-z0-9._~-]{43,128}"), a.verifier());
        assertEquals(Pkce.challenge(a.verifier()), a.challenge());
        assertNotEquals(a.verifier(), b.verifier());
        assertTrue(a.challenge().matches("[A-Za-z0-9_-]{43}"), "base64url without padding");
        assertTrue(!a.toString().contains(a.verifier()), "the verifier never goes to a log");
    }

    @Test
    void aVerifierTooShortOrWithOtherCharactersIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Pkce("short", "x"));
        assertThrows(IllegalArgumentException.class, () -> new Pkce("a".repeat(42) + "+", "x"));
    }
}
