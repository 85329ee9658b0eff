package org.cristal.ui.help;

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
        String html = DocsPages.html();
        view.getEngine().locationProperty().addListener((o, a, b) -> {
            if (b != null && (b.startsWith("http:") || b.startsWith("https:") || b.startsWith("mailto:"))) {
                // The documentation stays on screen; the web page goes to the user's browser.
                browser.accept(b);
                view.getEngine().loadContent(html);
            }
        });
        view.getEngine().loadContent(html);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(text.getString("help.docs.title"));
        stage.setScene(new Scene(view, 900, Math.min(700, owner.getHeight())));
        stage.show();
        return stage;
    }
}
