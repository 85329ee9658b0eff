package org.cristal.render.brochure;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import com.openhtmltopdf.extend.FSUriResolver;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.util.HashMap;
import java.util.Map;

/**
 * The only door through which openhtmltopdf may read anything during one render: the bytes this
 * render resolved itself (through the {@code AssetResolver}), under {@code cristal:} URIs. Every
 * other URI, {@code http}, {@code file}, {@code jar} or a relative path, resolves to nothing, so a
 * brochure never touches the network or a local file.
 */
final class ResourceGate implements FSUriResolver, FSStreamFactory {
    static final String SCHEME = "cristal";
    private static final String[] REFUSED_PROTOCOLS = {"http", "https", "file", "jar", "ftp", "data", "jrt", "mailto"};

    private final Map<String, byte[]> resources = new HashMap<>();

    /** Registers bytes and returns the URI to write in the document. */
    String add(String kind, byte[] bytes) {
        String uri = SCHEME + ":" + kind + "/" + resources.size();
        resources.put(uri, bytes);
        return uri;
    }

    boolean serves(String uri) {
        return uri != null && resources.containsKey(uri);
    }

    @Override
    public String resolveURI(String baseUri, String uri) {
        return serves(uri) ? uri : null;
    }

    @Override
    public FSStream getUrl(String uri) {
        byte[] bytes = resources.get(uri);
        return new FSStream() {
            @Override
            public InputStream getStream() {
                return bytes == null ? null : new ByteArrayInputStream(bytes);
            }

            @Override
            public Reader getReader() {
                return null;
            }
        };
    }

    void install(PdfRendererBuilder builder) {
        builder.useUriResolver(this);
        builder.useHttpStreamImplementation(this);
        builder.useProtocolsStreamImplementation(this, SCHEME);
        builder.useProtocolsStreamImplementation(this, REFUSED_PROTOCOLS);
        builder.useExternalResourceAccessControl((uri, type) -> serves(uri),
                ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith(SCHEME + ":"),
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
    }
}
