package org.cristal.library;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * How a revision's text is stored: the one place that turns a story's text into the bytes of the
 * {@code revisions} and {@code trash} tables and back (schema step 6). Every revision is a full
 * copy, deflated on its own, so any version reads back in one step whatever happened to the others;
 * a preset dictionary of front-matter keys and common French and English words lets a short story
 * compress as well as a long one.
 *
 * <p>The first byte says how the rest is coded, so another coding can come later beside this one.
 * The dictionary of a released coding is never edited: old files need it to be read.
 */
final class RevisionText {
    /** Raw deflate with {@code revision-dictionary-1.txt}. */
    private static final byte DEFLATE_1 = 1;
    private static final byte[] DICTIONARY_1 = dictionary("revision-dictionary-1.txt");

    private RevisionText() {
    }

    static byte[] pack(String source) {
        byte[] text = source.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setDictionary(DICTIONARY_1);
            deflater.setInput(text);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(text.length / 2 + 16);
            out.write(DEFLATE_1);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * The text of a stored value. A {@code TEXT} value is a revision written before step 6 (a file
     * part-way through its migration never reaches here, but the trash of an old build might).
     *
     * @throws IllegalArgumentException when the bytes are not a revision this build can read
     */
    static String unpack(Object stored) {
        if (stored instanceof String text) {
            return text;
        }
        if (!(stored instanceof byte[] bytes) || bytes.length == 0 || bytes[0] != DEFLATE_1) {
            throw new IllegalArgumentException("not a stored revision");
        }
        Inflater inflater = new Inflater(true);
        try {
            // Raw deflate has no header to ask for the dictionary: it is set before the first byte.
            inflater.setDictionary(DICTIONARY_1);
            inflater.setInput(bytes, 1, bytes.length - 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("truncated revision");
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("damaged revision", e);
        } finally {
            inflater.end();
        }
    }

    /**
     * The text of revision {@code number} of {@code storyId}, read from column {@code column} of {@code rs}.
     *
     * @throws WorkspaceException (localized) when the stored bytes are damaged
     */
    static String read(ResultSet rs, int column, String storyId, int number) throws SQLException {
        try {
            return unpack(rs.getObject(column));
        } catch (IllegalArgumentException e) {
            throw new WorkspaceException(e, "library.error.damagedRevision", storyId, number);
        }
    }

    private static byte[] dictionary(String name) {
        try (InputStream in = RevisionText.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
