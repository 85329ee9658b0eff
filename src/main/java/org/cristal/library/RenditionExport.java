package org.cristal.library;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cristal.story.BrochurePdf;
import org.cristal.story.EmailMessage;
import org.cristal.story.Network;
import org.cristal.story.Post;
import org.cristal.story.Rendition;
import org.cristal.story.RenditionBody;
import org.cristal.story.SocialPosts;
import org.cristal.story.WebPage;

/**
 * Writes renditions to a folder in the layout the command line documents:
 * {@code web/index.html}, {@code email/email.{html,txt,eml}}, {@code social/<network>.txt},
 * {@code brochure/brochure.pdf}, through {@link SafeFiles}: never outside the folder, never half written.
 */
public final class RenditionExport {
    /** Separates the posts of a thread in the social text files. */
    public static final String POST_SEPARATOR = "---";

    private RenditionExport() {
    }

    /** Writes one rendition under {@code dir} and returns the files written. */
    public static List<Path> write(Path dir, Rendition<? extends RenditionBody> rendition) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : files(rendition).entrySet()) {
            written.add(writeFile(dir, f.getKey(), f.getValue()));
        }
        return written;
    }

    /**
     * The files of one rendition, by path relative to the export folder ({@code /}-separated), in the
     * order {@link #write} writes them: for callers that compare before writing.
     */
    public static Map<String, byte[]> files(Rendition<? extends RenditionBody> rendition) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        RenditionBody body = rendition.body();
        if (body instanceof WebPage page) {
            out.put("web/index.html", page.html().getBytes(StandardCharsets.UTF_8));
            page.files().forEach((k, v) -> out.put("web/" + k, v));
        } else if (body instanceof EmailMessage mail) {
            out.put("email/email.html", mail.html().getBytes(StandardCharsets.UTF_8));
            out.put("email/email.txt", mail.text().getBytes(StandardCharsets.UTF_8));
            out.put("email/email.eml", mail.eml());
            mail.files().forEach((k, v) -> out.put("email/" + k, v));
        } else if (body instanceof SocialPosts posts) {
            for (Network n : Network.values()) {
                out.put("social/" + n.id() + ".txt", thread(posts.thread(n)).getBytes(StandardCharsets.UTF_8));
            }
        } else if (body instanceof BrochurePdf pdf) {
            out.put("brochure/brochure.pdf", pdf.pdf());
        }
        return out;
    }

    /** Writes one file where the user chose, atomically (a crash leaves the old file or the new one). */
    public static Path writeFile(Path file, byte[] bytes) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        return SafeFiles.write(abs.getParent(), abs, bytes);
    }

    /** A thread as text: the posts separated by a line holding only {@code ---}. */
    public static String thread(List<Post> posts) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < posts.size(); i++) {
            if (i > 0) {
                out.append(POST_SEPARATOR).append('\n');
            }
            out.append(posts.get(i).text()).append('\n');
        }
        return out.toString();
    }

    /** Writes {@code relative} under {@code dir}, refusing any name or link that would land outside it. */
    public static Path writeFile(Path dir, String relative, byte[] bytes) throws IOException {
        return SafeFiles.write(dir, dir.toAbsolutePath().normalize().resolve(relative), bytes);
    }
}
