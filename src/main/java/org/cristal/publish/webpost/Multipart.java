package org.cristal.publish.webpost;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A {@code multipart/form-data} body (RFC 7578) of text fields and files, built in memory. */
public final class Multipart {
    private final String boundary = "cristal-" + UUID.randomUUID();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public Multipart field(String name, String value) {
        head(name, null, null);
        write(value.getBytes(StandardCharsets.UTF_8));
        write("\r\n");
        return this;
    }

    public Multipart file(String name, String fileName, String mediaType, byte[] bytes) {
        head(name, fileName, mediaType);
        write(bytes);
        write("\r\n");
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public HttpRequest.BodyPublisher publisher() {
        ByteArrayOutputStream all = new ByteArrayOutputStream(out.size() + 64);
        all.writeBytes(out.toByteArray());
        all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return HttpRequest.BodyPublishers.ofByteArray(all.toByteArray());
    }

    private void head(String name, String fileName, String mediaType) {
        StringBuilder h = new StringBuilder("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(quote(name)).append('"');
        if (fileName != null) {
            h.append("; filename=\"").append(quote(fileName)).append('"');
        }
        h.append("\r\n");
        if (mediaType != null) {
            h.append("Content-Type: ").append(mediaType).append("\r\n");
        }
        write(h.append("\r\n").toString());
    }

    /** Quotes and line breaks cannot appear inside the quoted name; the file names we send are ASCII slugs. */
    private static String quote(String s) {
        return s.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private void write(String s) {
        write(s.getBytes(StandardCharsets.UTF_8));
    }

    private void write(byte[] b) {
        out.writeBytes(b);
    }
}
