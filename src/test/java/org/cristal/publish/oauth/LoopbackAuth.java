package org.cristal.publish.oauth;

import java.io.IOException;
import java.net.URI;

/** The loopback authorization server, for tests outside this package (the studio's Connect). */
public final class LoopbackAuth implements AutoCloseable {
    public static final String CLIENT_ID = LoopbackAuthServer.CLIENT_ID;
    private final LoopbackAuthServer server;

    public LoopbackAuth() throws IOException {
        server = new LoopbackAuthServer();
    }

    public URI authorizationEndpoint() {
        return server.authorizationEndpoint();
    }

    public URI tokenEndpoint() {
        return server.tokenEndpoint();
    }

    /** Whether the server issued this access token and still accepts it. */
    public boolean accepts(String accessToken) {
        return server.accepts(accessToken);
    }

    /** The consent page answers as if the user clicked "Deny". */
    public void deny(boolean on) {
        server.deny = on;
    }

    @Override
    public void close() {
        server.close();
    }
}
