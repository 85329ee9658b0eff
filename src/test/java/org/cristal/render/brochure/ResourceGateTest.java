package org.cristal.render.brochure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.cristal.render.PaperSize;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** openhtmltopdf itself must never fetch a URL or read a file: only what the render resolved gets in. */
class ResourceGateTest {
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private String base;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] png = Files.readAllBytes(Brochures.corpus().resolve("images/logo-martin.png"));
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, png.length);
            exchange.getResponseBody().write(png);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private static int imagesIn(Document html, ResourceGate gate) throws Exception {
        PdfLayout.Output out = PdfLayout.write(html, gate, new QrCodes(), new BrochureFonts.Needs(0, ""),
                new Sheet(PaperSize.A4, 0), pdf -> { });
        return BrochureRendererTest.imageCount(out.bytes());
    }

    @Test
    void filesAndUrlsInTheDocumentAreNeverRead() throws Exception {
        Path logo = Brochures.corpus().resolve("images/logo-martin.png");
        Path font = Path.of(BrochureFonts.class.getResource("/cristal-assets/fonts/NotoSans-Regular.ttf").toURI());
        Document html = Jsoup.parse("<html><head>"
                + "<link rel='stylesheet' href='" + base + "/style.css'>"
                + "<style>@import url('" + base + "/import.css');"
                + "body { background-image: url('" + base + "/bg.png'); }"
                + "@font-face { font-family: Remote; src: url('" + base + "/font.ttf'); }"
                + "@font-face { font-family: Local; src: url('" + font.toUri() + "'); }"
                + "p { font-family: Remote, Local; }</style></head><body>"
                + "<p>text</p>"
                + "<img src='" + logo.toUri() + "'>"
                + "<img src='" + logo + "'>"
                + "<img src='" + base + "/pixel.png'>"
                + "<img src='//127.0.0.1:" + server.getAddress().getPort() + "/proto-relative.png'>"
                + "<img src='../images/logo-martin.png'>"
                + "<img src='jar:" + logo.toUri() + "!/x.png'>"
                + "</body></html>");

        assertEquals(0, imagesIn(html, new ResourceGate()));
        assertEquals(0, requests.get(), "requests to the loopback server");
    }

    @Test
    void resourcesTheRenderResolvedAreServed() throws Exception {
        ResourceGate gate = new ResourceGate();
        String uri = gate.add("img", Files.readAllBytes(Brochures.corpus().resolve("images/hero-levain.jpg")));
        Document html = Jsoup.parse("<html><body><img src='" + uri + "' style='width: 100mm'></body></html>");
        assertEquals(1, imagesIn(html, gate));
    }
}
