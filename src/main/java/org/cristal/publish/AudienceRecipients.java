package org.cristal.publish;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cristal.library.audience.Audience;
import org.cristal.library.audience.Contact;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.Delivery;
import org.cristal.library.audience.Purpose;
import org.cristal.library.audience.Reach;
import org.cristal.library.audience.Sql;
import org.cristal.publish.spi.Recipients;

/**
 * The audience of one newsletter entry, as the plugin SPI sees it, over the workspace's {@link Audience}:
 * marketing e-mail to the contacts of a segment, decided by the core's {@code reach} and {@code check}, with
 * each delivery recorded against the entry and its story.
 */
public final class AudienceRecipients implements Recipients {
    private static final ContactChannel CHANNEL = ContactChannel.EMAIL;
    private static final Purpose PURPOSE = Purpose.MARKETING;

    private final Audience audience;
    private final UnsubscribeTokens tokens;
    private final String segment;
    private final long entryId;
    private final String storyId;
    private final List<Member> members;
    private final List<Member> held;
    private final Map<LeftOut, Integer> leftOut;
    private final Map<Long, String> arms;

    /**
     * Whom a send of {@code storyId} (outbox entry {@code entryId}, 0 for none) to the segment reaches now.
     *
     * @param segment its name, "" for every contact
     * @param where   the segment's condition ({@link Sql#ALL} for everyone)
     */
    public AudienceRecipients(Audience audience, UnsubscribeTokens tokens, String segment, Sql where, long entryId,
            String storyId) {
        this.audience = audience;
        this.tokens = tokens;
        this.segment = segment;
        this.entryId = entryId;
        this.storyId = storyId;
        Reach reach = audience.reach(where, CHANNEL, PURPOSE);
        String salt = audience.salt();
        this.members = members(reach.members(), salt);
        this.held = members(reach.held(), salt);
        Map<LeftOut, Integer> left = new EnumMap<>(LeftOut.class);
        reach.leftOut().forEach((why, n) -> left.put(LeftOut.valueOf(why.name()), n));
        this.leftOut = java.util.Collections.unmodifiableMap(left);
        this.arms = Map.of();
    }

    private AudienceRecipients(AudienceRecipients base, Map<Long, String> arms) {
        this.audience = base.audience;
        this.tokens = base.tokens;
        this.segment = base.segment;
        this.entryId = base.entryId;
        this.storyId = base.storyId;
        this.members = base.members;
        this.held = base.held;
        this.leftOut = base.leftOut;
        this.arms = Map.copyOf(arms);
    }

    /** The same audience in an A/B test: each contact's recorded arm (contact id → arm). */
    public AudienceRecipients withArms(Map<Long, String> contactArms) {
        return new AudienceRecipients(this, contactArms);
    }

    /** The ids of every contact the send may write to (members, and those the cap holds back). */
    public List<Long> contactIds() {
        List<Long> out = new ArrayList<>(members.size() + held.size());
        members.forEach(m -> out.add(id(m)));
        held.forEach(m -> out.add(id(m)));
        return out;
    }

    private static List<Member> members(List<Reach.Member> from, String salt) {
        List<Member> out = new ArrayList<>(from.size());
        for (Reach.Member m : from) {
            out.add(member(m, salt));
        }
        return List.copyOf(out);
    }

    /** The SPI's view of a contact: opaque id, address, language, merge fields, hashed journal key. */
    static Member member(Reach.Member m, String salt) {
        return new Member(Long.toString(m.contactId()), m.email(), m.lang(), m.fields(),
                "h:" + Audience.hashWith(salt, m.email()));
    }

    /** A contact as a send would give them (the same merge fields as the core's reach). */
    static Member member(Contact c, String salt) {
        Map<String, String> f = new java.util.LinkedHashMap<>();
        f.put("email", c.email());
        f.put("first_name", c.firstName());
        f.put("last_name", c.lastName());
        f.put("city", c.city());
        f.put("postcode", c.postcode());
        f.put("country", c.country());
        f.put("lang", c.lang());
        c.fields().forEach(f::putIfAbsent);
        return new Member(Long.toString(c.id()), c.email(), c.lang(), f, "h:" + Audience.hashWith(salt, c.email()));
    }

    @Override
    public String segment() {
        return segment;
    }

    @Override
    public List<Member> members() {
        return members;
    }

    @Override
    public List<Member> held() {
        return held;
    }

    @Override
    public Map<LeftOut, Integer> leftOut() {
        return leftOut;
    }

    @Override
    public Optional<LeftOut> check(Member member) {
        return audience.check(id(member), CHANNEL, PURPOSE).map(why -> LeftOut.valueOf(why.name()));
    }

    @Override
    public void delivered(Member member, Outcome outcome, String detail) {
        audience.deliveries().record(id(member), entryId, storyId, CHANNEL, PURPOSE,
                Delivery.Outcome.valueOf(outcome.name()), detail);
    }

    @Override
    public String arm(Member member) {
        return member.contactId().isEmpty() ? "" : arms.getOrDefault(id(member), "");
    }

    @Override
    public void undeliverable(Member member) {
        audience.contacts().setEmailStatus(id(member), Contact.BOUNCED);
    }

    @Override
    public String unsubscribeToken(Member member) {
        return tokens.token(id(member), CHANNEL, PURPOSE);
    }

    private static long id(Member member) {
        return Long.parseLong(member.contactId());
    }
}
