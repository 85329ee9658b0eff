package org.cristal.render.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A message whose Message-ID is given rather than random (jakarta.mail sets a random one in
 * {@code saveChanges()}): the same input gives the same bytes, and a resent newsletter keeps the id
 * receivers de-duplicate on.
 */
public final class FixedIdMessage extends MimeMessage {
    private final String id;

    public FixedIdMessage(Session session, String id) {
        super(session);
        this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", id);
    }
}
