package org.cristal.ui;

import java.util.concurrent.TimeUnit;
import javafx.scene.web.WebView;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Reads what the web preview's WebView really holds (its DOM), not what was handed to it. */
final class PreviewCheck {
    private PreviewCheck() {
    }

    static void webShows(FxRobot robot, String words) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            WebView view = robot.lookup("#webView .web-view").tryQueryAs(WebView.class)
                    .or(() -> robot.lookup(".web-view").tryQueryAs(WebView.class)).orElse(null);
            if (view == null || view.getEngine().getDocument() == null) {
                return false;
            }
            return view.getEngine().getDocument().getDocumentElement().getTextContent().contains(words);
        }).get());
    }
}
