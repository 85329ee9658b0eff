package org.cristal.support;

import java.util.concurrent.TimeUnit;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Gives each studio test (TestFX's {@link ApplicationExtension}) the primary stage as if it were new. TestFX
 * keeps one primary stage for the whole test JVM, so what a test left on it reached the next, depending on
 * the order the classes ran in:
 * <ul>
 * <li>a size: once the studio's minimum width had grown the stage of a small test to 900 px, JavaFX no
 * longer sized the stage to a new scene, and every later test saw its 1,200 or 1,366 px scene 900 px wide;</li>
 * <li>a maximized or full-screen state, and a minimum size;</li>
 * <li>an exception from any thread of an earlier test (TestFX records uncaught exceptions from every thread,
 * such as a mail server's TLS handshake a test refused on purpose), thrown at this test's first wait.</li>
 * </ul>
 * Registered in META-INF/services (JUnit's extension auto-detection, junit-platform.properties); it runs
 * before TestFX's own extension, so before the test's {@code @Start}.
 */
public final class FreshStage implements BeforeEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        boolean studio = AnnotationSupport.findRepeatableAnnotations(context.getRequiredTestClass(), ExtendWith.class)
                .stream().anyMatch(e -> java.util.Arrays.asList(e.value()).contains(ApplicationExtension.class));
        if (!studio) {
            return;
        }
        WaitForAsyncUtils.clearExceptions();
        Stage stage = FxToolkit.registerPrimaryStage();
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setFullScreen(false);
            stage.setMaximized(false);
            stage.setMinWidth(0);
            stage.setMinHeight(0);
            // The next scene decides the stage's size, as on a stage shown for the first time.
            ChangeListener<Scene> once = new ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Scene> o, Scene was, Scene now) {
                    if (now != null) {
                        stage.sceneProperty().removeListener(this);
                        stage.sizeToScene();
                    }
                }
            };
            stage.sceneProperty().addListener(once);
        }).get(30, TimeUnit.SECONDS);
    }
}
