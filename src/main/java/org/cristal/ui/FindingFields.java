package org.cristal.ui;

/** Which form field (or the brand kit) a finding without a body line is about, by its code. */
final class FindingFields {
    static final String BRAND = "brand-kit";

    private FindingFields() {
    }

    /**
     * The field a finding is about: a coherence finding (or a brand-voice one found in a channel's own
     * text) opens that channel's text, otherwise the field of its code.
     */
    static String field(org.cristal.story.Finding finding) {
        boolean channelText = finding.code().startsWith("check.coherence.") || finding.code().startsWith("check.voice.");
        if (channelText && finding.channel() == org.cristal.story.Channel.SOCIAL) {
            return "social.text";
        }
        if (channelText && finding.channel() == org.cristal.story.Channel.EMAIL) {
            return "email.subject";
        }
        return field(finding.code());
    }

    static String field(String code) {
        return switch (code) {
            case "image.altMissing", "check.alt.missing", "check.alt.fileName", "check.alt.generic" -> "imageAlt";
            case "check.cta.vague" -> "cta.label";
            case "image.notFound", "image.unreadable", "image.remoteBlocked", "brochure.image.lowResolution",
                    "brochure.image.missing", "brochure.image.unreadable" -> "image";
            case "email.preheader.length" -> "email.preheader";
            case "email.subject.long" -> "email.subject";
            case "web.summary.missing", "web.description.missing" -> "summary";
            case "cta.url.unsafe", "brochure.cta.missing", "brochure.cta.noQrCode", "brochure.cta.unsafeUrl",
                    "social.cta.unsafe", "social.link.missing" -> "cta";
            case "social.post.tooLong", "social.thread", "social.thread.truncated", "social.empty",
                    "social.hashtags.dropped" -> "social.text";
            case "email.address.missing", "email.sender.missing", "brochure.logo.unreadable" -> BRAND;
            default -> "title";
        };
    }
}
