package org.cristal.publish.spi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The audience of one send, for a plugin that sends one message per person (a newsletter): the contacts
 * of the chosen segment who may receive a marketing e-mail now, and how many were left out and why. Who
 * may receive what is decided by Cristal (consent, unsubscribes, bounces, the frequency cap), never by
 * the plugin.
 *
 * <p>Right before each message, {@link #check} the member again: an unsubscribe or a bounce that arrived
 * since the send began leaves them out. After the server answered, say so with {@link #delivered}. Name a
 * member in the journal by {@link Member#journalKey()} (a salted hash), never by their address.
 */
public interface Recipients {
    /** The segment's name, "" for every contact with consent. */
    String segment();

    /** Who gets the message, in a stable order. */
    List<Member> members();

    /** Who would get it but reached the frequency cap: record them {@link Outcome#HELD}, send them nothing. */
    List<Member> held();

    /** For each reason, how many contacts of the segment are left out (the held ones included). */
    Map<LeftOut, Integer> leftOut();

    /** Checks a member again right before their message; empty when it may go. */
    Optional<LeftOut> check(Member member);

    /** Records what became of a member's message ({@code detail}: the server's reply for a refusal). */
    void delivered(Member member, Outcome outcome, String detail);

    /** The receiving server said the address does not exist: nothing goes to it again. */
    void undeliverable(Member member);

    /** The member's unsubscribe token: put it in the subject of the {@code mailto:} link and in the https link. */
    String unsubscribeToken(Member member);

    /**
     * The A/B test arm the member is in ("a", "b"…), "" when the send is no test. Drawn and recorded by
     * Cristal before the send: the member gets that arm's e-mail ({@link PublishRequest#emailArms()}) on
     * every attempt.
     */
    default String arm(Member member) {
        return "";
    }

    /** {@code mailto:mailbox?subject=unsubscribe%20TOKEN}: a reply Cristal reads back to unsubscribe them. */
    default String unsubscribeMailto(Member member, String mailbox) {
        return mailto(mailbox, unsubscribeToken(member));
    }

    /** {@code mailto:mailbox?subject=unsubscribe%20TOKEN}. */
    static String mailto(String mailbox, String token) {
        return "mailto:" + mailbox + "?subject=" + URLEncoder.encode("unsubscribe " + token,
                StandardCharsets.UTF_8).replace("+", "%20");
    }

    default int leftOutTotal() {
        return leftOut().values().stream().mapToInt(Integer::intValue).sum();
    }

    default int count(LeftOut reason) {
        return leftOut().getOrDefault(reason, 0);
    }

    /** Why a contact of the segment gets nothing. */
    enum LeftOut {
        /** No consent recorded for marketing e-mail. */
        NO_CONSENT,
        /** They unsubscribed. */
        UNSUBSCRIBED,
        /** Their address bounced for good, or they complained. */
        BOUNCED,
        /** They reached the frequency cap; they may get it later. */
        OVER_CAP,
        /** No address for the channel. */
        NO_ADDRESS
    }

    /** What became of one member's message. */
    enum Outcome {
        /** The server accepted it. */
        SENT,
        /** The server refused it for good. */
        REFUSED,
        /** Not sent: the member reached the frequency cap. */
        HELD
    }

    /**
     * One person to write to.
     *
     * @param contactId  Cristal's id of the contact, opaque to the plugin
     * @param address    their e-mail address
     * @param lang       their language ("fr", "en"), or ""
     * @param fields     merge fields: {@code email}, {@code first_name}, {@code last_name}, {@code city} … and
     *                   the contact's own fields
     * @param journalKey how to name them in the journal: {@code h:} and a salted hash of the address
     */
    record Member(String contactId, String address, String lang, Map<String, String> fields, String journalKey) {
        public Member {
            Objects.requireNonNull(contactId);
            Objects.requireNonNull(address);
            lang = Objects.requireNonNullElse(lang, "");
            fields = Map.copyOf(fields);
            Objects.requireNonNull(journalKey);
        }

        /** "Marie Curie", or "" when the contact has no name. */
        public String fullName() {
            return (fields.getOrDefault("first_name", "") + " " + fields.getOrDefault("last_name", "")).strip();
        }
    }
}
