package org.cristal.render.email;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.PreencodedMimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.cristal.render.common.ImageFile;

/**
 * Builds the RFC 5322 message with jakarta.mail, deterministically: boundaries and Message-ID come from
 * a hash of the content, the date from the options, so the same story gives the same bytes.
 */
final class MimeAssembler {
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final DateTimeFormatter RFC_5322 =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US);
    // Lines of 76 characters with CRLF, as MIME wants; the JDK encoder is much faster than a stream encoder.
    private static final Pattern IMAGE_TYPE = Pattern.compile("image/[a-z0-9.+-]{1,40}");
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(76, new byte[] {'\r', '\n'});

    private MimeAssembler() {
    }

    /** An image carried inline, referenced from the HTML as {@code cid:<contentId>}. */
    record Inline(ImageFile file, String contentId) {
    }

    /** What goes into the message; {@code hash} is a hex digest of the content. */
    record Parts(InternetAddress from, String subject, ZonedDateTime date, String messageId, String lang,
            String text, String html, List<Inline> images, String unsubscribeUrl, String hash) {
    }

    static byte[] assemble(Parts p) {
        try {
            MimeMessage msg = new FixedIdMessage(SESSION, p.messageId());
            msg.setFrom(p.from());
            msg.setSubject(p.subject(), "UTF-8");
            msg.setHeader("Date", RFC_5322.format(p.date()));
            msg.setHeader("Content-Language", p.lang());
            if (!p.unsubscribeUrl().isEmpty()) {
                // RFC 8058 one-click unsubscribe, required by Gmail and Yahoo for bulk senders.
                msg.setHeader("List-Unsubscribe", "<" + p.unsubscribeUrl() + ">");
                msg.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }

            MimeBodyPart text = textPart(p.text(), "plain");
            MimeBodyPart html = textPart(p.html(), "html");
            MimeMultipart alternative = new FixedBoundaryMultipart("alternative", boundary("alt", p.hash()), null);
            alternative.addBodyPart(text);
            if (p.images().isEmpty()) {
                alternative.addBodyPart(html);
            } else {
                MimeMultipart related = new FixedBoundaryMultipart("related", boundary("rel", p.hash()), "text/html");
                related.addBodyPart(html);
                for (Inline image : p.images()) {
                    related.addBodyPart(imagePart(image));
                }
                MimeBodyPart relatedPart = new MimeBodyPart();
                relatedPart.setContent(related);
                alternative.addBodyPart(relatedPart);
            }
            msg.setContent(alternative);
            msg.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream(estimate(p));
            msg.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            // Only reachable through a bug of ours (all inputs are in memory and checked); fail loudly.
            throw new IllegalStateException("could not assemble the email", e);
        }
    }

    private static MimeBodyPart textPart(String content, String subtype) throws MessagingException {
        // Encoded here (see QuotedPrintable) and handed over as is.
        PreencodedMimeBodyPart part = new PreencodedMimeBodyPart("quoted-printable");
        String type = "text/" + subtype + "; charset=UTF-8";
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(QuotedPrintable.encode(content), type)));
        part.setHeader("Content-Type", type);
        // Set before saveChanges(), or jakarta.mail scans the whole content to pick an encoding.
        part.setHeader("Content-Transfer-Encoding", "quoted-printable");
        return part;
    }

    private static MimeBodyPart imagePart(Inline image) throws MessagingException {
        PreencodedMimeBodyPart part = new PreencodedMimeBodyPart("base64");
        String type = image.file().asset().mediaType().strip().toLowerCase(Locale.ROOT);
        if (!IMAGE_TYPE.matcher(type).matches()) {
            type = "application/octet-stream";
        }
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(BASE64.encode(image.file().asset().bytes()), type)));
        part.setHeader("Content-Type", type);
        part.setHeader("Content-Transfer-Encoding", "base64");
        part.setContentID("<" + image.contentId() + ">");
        part.setDisposition(MimeBodyPart.INLINE);
        part.setFileName(image.file().name());
        return part;
    }

    private static String boundary(String kind, String hash) {
        // "=_" can occur in neither quoted-printable nor base64 content, so the boundary never clashes.
        return "=_cristal_" + kind + "_" + hash.substring(0, 24);
    }

    private static int estimate(Parts p) {
        long size = 4096L + p.text().length() * 2L + p.html().length() * 2L;
        for (Inline i : p.images()) {
            size += i.file().asset().bytes().length * 4L / 3 + 512;
        }
        return (int) Math.min(Integer.MAX_VALUE - 16, size);
    }

    /** A multipart whose boundary is given rather than random. */
    private static final class FixedBoundaryMultipart extends MimeMultipart {
        FixedBoundaryMultipart(String subtype, String boundary, String rootType) {
            super(subtype);
            ContentType type = new ContentType("multipart", subtype, null);
            type.setParameter("boundary", boundary);
            if (rootType != null) {
                type.setParameter("type", rootType);
            }
            contentType = type.toString();
        }
    }
}
