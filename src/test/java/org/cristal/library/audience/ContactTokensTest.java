package org.cristal.library.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ContactTokensTest {
    @Test
    void aContactKeepsTheSameTokenAndItLooksLikeAnUtmValue() {
        ContactTokens tokens = new ContactTokens("0123456789abcdef");
        String t = tokens.token(42);
        assertEquals(t, new ContactTokens("0123456789abcdef").token(42));
        assertTrue(ContactTokens.looksLikeToken(t), t);
        assertFalse(t.contains("42"), "the id must not show through: " + t);
    }

    @Test
    void anotherWorkspaceGivesTheSameContactAnotherToken() {
        assertNotEquals(new ContactTokens("salt-one").token(7), new ContactTokens("salt-two").token(7));
    }

    @Test
    void tenThousandContactsHaveTenThousandTokens() {
        ContactTokens tokens = new ContactTokens("s");
        Set<String> seen = new HashSet<>();
        LongStream.rangeClosed(1, 10_000).forEach(id -> seen.add(tokens.token(id)));
        assertEquals(10_000, seen.size());
    }

    @Test
    void tokensReadBackToTheirContactsAndUnknownOnesToNobody() {
        ContactTokens tokens = new ContactTokens("s");
        Map<String, Long> owners = tokens.owners(List.of(1L, 2L, 3L), Set.of(tokens.token(2), "zzzzzzzzzz"));
        assertEquals(Map.of(tokens.token(2), 2L), owners);
        assertFalse(ContactTokens.looksLikeToken("Newsletter"));
        assertFalse(ContactTokens.looksLikeToken("b"));
    }
}
