package org.cristal.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.Purpose;
import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {
    @Test
    void aTokenRightAfterAnEncodedSpaceOfAMailtoLinkIsFound() throws Exception {
        UnsubscribeTokens tokens = UnsubscribeTokens.of(new MapSecrets(), "salt-a");
        String token = tokens.token(7, ContactChannel.EMAIL, Purpose.MARKETING);
        // "%20" then "7." reads as the number 207 first: the real token starts inside that first match.
        assertEquals(7, tokens.verify("<mailto:unsub@fournil.example?subject=unsubscribe%20" + token + ">")
                .orElseThrow().contactId());
    }

    @Test
    void aConfirmationTokenConfirmsAndNeverUnsubscribes() throws Exception {
        UnsubscribeTokens tokens = UnsubscribeTokens.of(new MapSecrets(), "salt-a");
        String confirm = tokens.confirmToken(9, ContactChannel.EMAIL, Purpose.MARKETING);
        assertEquals(new UnsubscribeTokens.Request(9, ContactChannel.EMAIL, Purpose.MARKETING),
                tokens.verifyConfirm("Re: confirm " + confirm).orElseThrow());
        assertTrue(tokens.verify(confirm).isEmpty());
        assertTrue(tokens.verifyConfirm(tokens.token(9, ContactChannel.EMAIL, Purpose.MARKETING)).isEmpty());
    }

    @Test
    void aTokenNamesItsContactAndListAndCannotBeMadeForAnother() throws Exception {
        MapSecrets store = new MapSecrets();
        UnsubscribeTokens tokens = UnsubscribeTokens.of(store, "salt-a");
        String token = tokens.token(42, ContactChannel.EMAIL, Purpose.MARKETING);
        assertEquals(new UnsubscribeTokens.Request(42, ContactChannel.EMAIL, Purpose.MARKETING),
                tokens.verify("Re: unsubscribe " + token.toUpperCase()).orElseThrow());
        // Same workspace later: same secret, same token. Another workspace: another secret.
        assertEquals(token, UnsubscribeTokens.of(store, "salt-a").token(42, ContactChannel.EMAIL, Purpose.MARKETING));
        assertNotEquals(token, UnsubscribeTokens.of(store, "salt-b").token(42, ContactChannel.EMAIL,
                Purpose.MARKETING));
        String forged = token.replaceFirst("^42\\.", "43.");
        assertFalse(tokens.verify(forged).isPresent());
        assertFalse(tokens.verify("unsubscribe me").isPresent());
        assertTrue(token.matches("42\\.email-marketing\\.[a-z2-7]{26}"), token);
    }
}
