package org.cristal.library.audience;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Whom a send reaches: the contacts of a segment who may receive it now, those held back by the
 * frequency cap (who may get it later), and how many are left out and why.
 *
 * @param members  who gets the message, in a stable order (by contact id)
 * @param held     who would, but reached the frequency cap
 * @param leftOut  for each reason, how many contacts of the segment are left out (held ones included)
 */
public record Reach(List<Member> members, List<Member> held, Map<LeftOut, Integer> leftOut) {
    public Reach {
        members = List.copyOf(members);
        held = List.copyOf(held);
        Map<LeftOut, Integer> m = new EnumMap<>(LeftOut.class);
        m.putAll(leftOut);
        leftOut = java.util.Collections.unmodifiableMap(m);
    }

    /** Why a contact of the segment does not get a message. */
    public enum LeftOut {
        /** No consent recorded for the channel and purpose. */
        NO_CONSENT,
        /** They withdrew their consent (unsubscribed). */
        UNSUBSCRIBED,
        /** Their address bounced for good or they complained. */
        BOUNCED,
        /** They reached the frequency cap. */
        OVER_CAP,
        /** No postal address (for printed mail) or no phone number (for text messages). */
        NO_ADDRESS
    }

    /**
     * One recipient, with what a message to them needs.
     *
     * @param fields merge fields: {@code email}, {@code first_name}, {@code last_name}, {@code city} …, then the
     *               contact's free fields
     */
    public record Member(long contactId, String email, String firstName, String lastName, String lang,
            Map<String, String> fields) {
        public Member {
            fields = Map.copyOf(fields);
        }
    }

    public int leftOutTotal() {
        return leftOut.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int count(LeftOut reason) {
        return leftOut.getOrDefault(reason, 0);
    }
}
