package org.cristal.publish.oauth;

import java.io.IOException;
import java.net.URI;

/**
 * Opens the service's consent page. The studio gives the system browser (RFC 8252 §8.12: never an
 * embedded web view, whose password field the app could read); tests follow the redirect themselves.
 */
@FunctionalInterface
public interface Browser {
    void open(URI uri) throws IOException;
}
