package org.cristal.publish.newsletter;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small SMTP-aware TCP relay between the plugin and GreenMail, for what GreenMail will not do: refuse a
 * recipient with 550 (it accepts every address), and cut every open connection at a chosen moment. It reads
 * the client's lines (no pipelining: Jakarta Mail waits for each reply), answers a refused RCPT itself and
 * passes everything else through.
 */
final class SmtpGate implements AutoCloseable {
    private final ServerSocket server;
    private final int target;
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final Set<String> deferred = ConcurrentHashMap.newKeySet();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    SmtpGate(int targetPort) throws IOException {
        this.target = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "smtp-gate");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** RCPT TO this address gets "550 5.1.1 … User unknown". */
    void refuse(String address) {
        refused.add(address.toLowerCase(Locale.ROOT));
    }

    /** RCPT TO this address gets "450 4.2.1 … try again later" until {@link #stopDeferring}. */
    void defer(String address) {
        deferred.add(address.toLowerCase(Locale.ROOT));
    }

    void stopDeferring() {
        deferred.clear();
    }

    /** Closes every open connection, as a router or a server restart would. */
    void cutAll() {
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        open.clear();
    }

    /** Stops accepting (new connections are refused) and cuts the open ones. */
    @Override
    public void close() throws IOException {
        server.close();
        cutAll();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(upstream);
                OutputStream toClient = client.getOutputStream();
                start(() -> pump(upstream.getInputStream(), toClient));
                start(() -> relayCommands(client.getInputStream(), upstream.getOutputStream(), toClient));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void start(IoTask task) {
        Thread t = new Thread(() -> {
            try {
                task.run();
            } catch (IOException e) {
                // the connection was cut
            }
        }, "smtp-gate-pump");
        t.setDaemon(true);
        t.start();
    }

    private interface IoTask {
        void run() throws IOException;
    }

    private static void pump(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) >= 0) {
            synchronized (out) {
                out.write(buf, 0, n);
                out.flush();
            }
        }
        out.close();
    }

    private void relayCommands(InputStream rawIn, OutputStream upstream, OutputStream client) throws IOException {
        InputStream in = new BufferedInputStream(rawIn);
        boolean data = false;
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (b != '\n') {
                continue;
            }
            String text = line.toString(StandardCharsets.ISO_8859_1);
            line.reset();
            if (data) {
                data = !text.equals(".\r\n");
            } else {
                String upper = text.toUpperCase(Locale.ROOT);
                if (upper.startsWith("DATA")) {
                    data = true;
                } else if (upper.startsWith("RCPT TO:")) {
                    String address = text.substring(text.indexOf('<') + 1, text.indexOf('>')).toLowerCase(Locale.ROOT);
                    String reply = refused.contains(address)
                            ? "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown\r\n"
                            : deferred.contains(address) ? "450 4.2.1 <" + address + ">: Mailbox busy, try again later\r\n"
                            : null;
                    if (reply != null) {
                        synchronized (client) {
                            client.write(reply.getBytes(StandardCharsets.US_ASCII));
                            client.flush();
                        }
                        continue;
                    }
                }
            }
            upstream.write(text.getBytes(StandardCharsets.ISO_8859_1));
            upstream.flush();
        }
        upstream.close();
    }
}
