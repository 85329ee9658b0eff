package org.cristal.publish.newsletter;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sockets with Nagle's algorithm off. SMTP is a conversation of small writes, each waiting for the
 * reply, and the message's last small segment ("." on its own line) is otherwise held back until the
 * server's delayed acknowledgement of the previous one: about 40 ms lost per message, which capped a
 * newsletter at some 20 messages a second even to a server on the same machine (docs/performance.md).
 */
final class NoDelaySockets {
    private NoDelaySockets() {
    }

    static final SocketFactory PLAIN = new SocketFactory() {
        @Override
        public Socket createSocket() throws IOException {
            return noDelay(new Socket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(new Socket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(new Socket(host, port, local, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(new Socket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(new Socket(host, port, local, localPort));
        }
    };

    /** TLS from the first byte (port 465), over the JDK's default trust. */
    static final SSLSocketFactory TLS = new SSLSocketFactory() {
        private final SSLSocketFactory jdk = (SSLSocketFactory) SSLSocketFactory.getDefault();

        @Override
        public String[] getDefaultCipherSuites() {
            return jdk.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return jdk.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(jdk.createSocket());
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            return noDelay(jdk.createSocket(noDelay(s), host, port, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(jdk.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(jdk.createSocket(host, port, local, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(jdk.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(jdk.createSocket(host, port, local, localPort));
        }
    };

    private static Socket noDelay(Socket s) throws IOException {
        s.setTcpNoDelay(true);
        return s;
    }
}
