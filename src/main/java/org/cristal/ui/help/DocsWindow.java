package org.cristal.ui.help;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Help › Documentation: the shipped pages in a window of their own; links to the web open in the browser. */
public final class DocsWindow {
    private DocsWindow() {
    }

    public static Stage show(Window owner, ResourceBundle text, Consumer<String> browser) {
        WebView view = new WebView();
        view.setId("docsView");
        view.getEngine().setJavaScriptEnabled(false);
        String page = page();
        view.getEngine().locationProperty().addListener((o, a, b) -> {
            if (b != null && (b.startsWith("http:") || b.startsWith("https:") || b.startsWith("mailto:"))) {
                // The documentation stays on screen; the web page goes to the user's browser.
                browser.accept(b);
                view.getEngine().load(page);
            }
        });
        view.getEngine().load(page);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(text.getString("help.docs.title"));
        stage.setScene(new Scene(view, 900, Math.min(700, owner.getHeight())));
        stage.show();
        return stage;
    }

    /**
     * The pages as a file: links from the contents to a chapter are anchors, which WebKit follows only in a
     * document that has an address (not in one given as a string).
     */
    private static String page() {
        String html = DocsPages.html();
        try {
            Path file = Files.createTempFile("cristal-docs-", ".html");
            file.toFile().deleteOnExit();
            Files.writeString(file, html, StandardCharsets.UTF_8);
            return file.toUri().toString();
        } catch (IOException e) {
            return "data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
