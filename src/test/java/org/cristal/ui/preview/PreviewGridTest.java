package org.cristal.ui.preview;

import static org.cristal.ui.preview.PreviewFixtures.onFx;
import static org.cristal.ui.preview.PreviewFixtures.runFx;
import static org.cristal.ui.preview.PreviewFixtures.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.paint.Color;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.cristal.render.Renderers;
import org.cristal.story.Network;
import org.cristal.story.WebPage;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class PreviewGridTest {
    private static final String COFFEE_TITLE = "From one farm in Huila to your morning cup";
    private static Renderers.All coffee;
    private PreviewGrid grid;

    @BeforeAll
    static void render() {
        coffee = PreviewFixtures.render("coffee-huila");
    }

    @Start
    void start(Stage stage) {
        PreviewFixtures.theme();
        grid = new PreviewGrid(PreviewFixtures.bundle(Locale.ENGLISH), Locale.ENGLISH, PreviewFixtures.POOL);
        grid.setBrand(Corpus.loadBrand("harbor-pine"));
        stage.setScene(new Scene(grid, 1200, 800));
        stage.show();
    }

    private void show(Renderers.All all) {
        runFx(() -> grid.show(all));
    }

    private WebEngine webEngine() {
        waitUntil("the web preview has loaded", () -> grid.web().htmlView().isIdle());
        return grid.web().htmlView().engine();
    }

    private WebEngine emailEngine() {
        waitUntil("the email preview has loaded", () -> grid.email().htmlView().isIdle());
        return grid.email().htmlView().engine();
    }

    private static Object script(WebEngine engine, String js) {
        return onFx(() -> engine.executeScript(js));
    }

    private static int loadedImages(WebEngine engine) {
        return ((Number) script(engine, "Array.from(document.images).filter(i => i.naturalWidth > 0).length")).intValue();
    }

    @Test
    void webPreviewShowsTheStoryTitleWithJavaScriptOff() {
        show(coffee);
        WebEngine engine = webEngine();
        String text = onFx(() -> engine.getDocument().getDocumentElement().getTextContent());
        assertTrue(text.contains(COFFEE_TITLE), text);
        assertFalse(onFx(engine::isJavaScriptEnabled));
    }

    @Test
    void webPreviewShowsThePageImagesFromItsFiles() {
        show(coffee);
        WebEngine engine = webEngine();
        assertEquals(coffee.web().body().files().size(), loadedImages(engine), "logo and hero are drawn");
        assertTrue(grid.web().displayedHtml().contains("data:image/jpeg;base64,"));
        assertFalse(coffee.web().body().html().contains("data:image"), "the rendition itself is untouched");
    }

    @Test
    void hostileStoryRunsNothingInTheWebPreview() {
        show(coffee);
        WebEngine engine = webEngine();
        List<String> alerts = new ArrayList<>();
        runFx(() -> engine.setOnAlert(e -> alerts.add(e.getData())));
        show(PreviewFixtures.render(PreviewFixtures.hostile(), PreviewFixtures.options()));
        waitUntil("the hostile page is shown", () -> grid.web().htmlView().isIdle()
                && String.valueOf(engine.getTitle()).contains("Winter roast notes"));
        assertEquals("undefined", script(engine, "typeof window.pwned"));
        assertEquals(List.of(), alerts);
    }

    @Test
    void pageScriptsAndEventHandlersNeverRunEvenIfARendererLetThemThrough() {
        show(coffee);
        WebEngine engine = webEngine();
        String hostile = "<!DOCTYPE html><html><head><title>Inert</title></head>"
                + "<body onload=\"document.title='ran'\"><p id=\"p\">before</p>"
                + "<script>document.title='ran';document.getElementById('p').textContent='after'</script>"
                + "<img src=\"missing.png\" onerror=\"document.title='ran'\"></body></html>";
        runFx(() -> grid.web().show(new WebPage(hostile, Map.of())));
        waitUntil("the page is shown", () -> grid.web().htmlView().isIdle()
                && grid.web().displayedHtml().contains("<title>Inert</title>"));
        assertEquals("before", script(engine, "document.getElementById('p').textContent"));
        assertEquals("Inert", onFx(engine::getTitle));
    }

    @Test
    void webPreviewKeepsItsScrollPositionWhenTheStoryIsEdited() {
        show(coffee);
        WebEngine engine = webEngine();
        script(engine, "window.scrollTo(0, 400)");
        assertEquals(400, ((Number) script(engine, "window.scrollY")).intValue());
        show(PreviewFixtures.render(PreviewFixtures.edited("coffee-huila", "One more line, just typed."),
                PreviewFixtures.options()));
        waitUntil("the edited page is shown", () -> grid.web().htmlView().isIdle()
                && grid.web().displayedHtml().contains("One more line, just typed."));
        assertEquals(400, ((Number) script(engine, "window.scrollY")).intValue());
    }

    private static String bodyText(WebEngine engine) {
        return onFx(() -> engine.getDocument().getElementsByTagName("body").item(0).getTextContent())
                .replaceAll("\\s+", " ").strip();
    }

    @Test
    void typingInTheStoryUpdatesTheWebPageInPlaceWithoutReloadingIt() {
        show(coffee);
        WebEngine engine = webEngine();
        org.w3c.dom.Document before = onFx(engine::getDocument);
        show(PreviewFixtures.render(PreviewFixtures.edited("coffee-huila", "One more line, just typed."),
                PreviewFixtures.options()));
        waitUntil("the edit is on screen", () -> grid.web().showsText("One more line, just typed."));
        assertTrue(before == onFx(engine::getDocument), "the page was patched, not loaded again");
        // What is on screen is exactly the new page, not the old one with a line pushed in somewhere.
        String expected = org.jsoup.Jsoup.parse(grid.web().displayedHtml()).body().wholeText().replaceAll("\\s+", " ").strip();
        assertEquals(expected, bodyText(engine));
        assertEquals(coffee.web().body().files().size(), loadedImages(engine), "the images are still drawn");
    }

    @Test
    void aHostileParagraphTypedIntoAStoryRunsNothingInThePatchedPage() {
        show(coffee);
        WebEngine engine = webEngine();
        List<String> alerts = new ArrayList<>();
        runFx(() -> engine.setOnAlert(e -> alerts.add(e.getData())));
        org.w3c.dom.Document before = onFx(engine::getDocument);
        String xss = PreviewFixtures.hostile().story().body();
        show(PreviewFixtures.render(PreviewFixtures.edited("coffee-huila", xss + "\n\nAfter the hostile part."),
                PreviewFixtures.options()));
        waitUntil("the edit is on screen", () -> grid.web().showsText("After the hostile part."));
        assertTrue(before == onFx(engine::getDocument), "the page was patched, not loaded again");
        assertEquals("undefined", script(engine, "typeof window.pwned"));
        assertEquals(List.of(), alerts);
        assertEquals(0, ((Number) script(engine, "document.querySelectorAll('script, iframe, object, embed').length"))
                .intValue());
    }

    @Test
    void handlersAndScriptsInAPatchedBodyNeverRunEvenIfARendererLetThemThrough() {
        String head = "<!DOCTYPE html><html><head><title>Inert</title></head><body><p id=\"p\">before</p>";
        runFx(() -> grid.web().show(new WebPage(head + "<p>first</p></body></html>", Map.of())));
        waitUntil("the page is shown", () -> grid.web().showsText("first"));
        WebEngine engine = grid.web().htmlView().engine();
        org.w3c.dom.Document before = onFx(engine::getDocument);
        runFx(() -> grid.web().show(new WebPage(head + "<p>second</p>"
                + "<script>document.title='ran';document.getElementById('p').textContent='after'</script>"
                + "<img src=\"missing.png\" onerror=\"document.title='ran'\">"
                + "<a id=\"a\" href=\"javascript:document.title='ran'\">link</a></body></html>", Map.of())));
        waitUntil("the edit is on screen", () -> grid.web().showsText("second"));
        assertTrue(before == onFx(engine::getDocument), "the page was patched, not loaded again");
        assertEquals("before", script(engine, "document.getElementById('p').textContent"));
        assertEquals("Inert", onFx(engine::getTitle));
        assertEquals(0, ((Number) script(engine, "document.querySelectorAll('script, [onerror], [href]').length"))
                .intValue());
    }

    @Test
    void webWidthToggleShowsThePageAtAPhoneWidth(FxRobot robot) {
        show(coffee);
        WebEngine engine = webEngine();
        robot.clickOn("#webWidthToggle");
        waitUntil("the page is 390 px wide", () -> ((WebView) grid.web().lookup(".web-view")).getWidth() == 390);
        assertEquals(390, ((Number) script(engine, "window.innerWidth")).intValue());
        robot.clickOn("#webWidthToggle");
        waitUntil("the page fills the quadrant", () -> ((WebView) grid.web().lookup(".web-view")).getWidth() > 500);
    }

    @Test
    void emailPreviewShowsSenderSubjectPreheaderAndDate(FxRobot robot) {
        show(coffee);
        Label subject = robot.lookup("#emailSubject").queryAs(Label.class);
        Label preheader = robot.lookup("#emailPreheader").queryAs(Label.class);
        assertEquals(coffee.email().body().subject(), onFx(subject::getText));
        assertEquals(coffee.email().body().preheader(), onFx(preheader::getText));
        assertTrue(preheader.getStyleClass().contains("text-muted"), "the preheader is greyed");
        assertTrue(onFx(() -> robot.lookup("#emailDate").queryAs(Label.class).getText()).contains("2026"));
    }

    @Test
    void emailPlainToggleShowsThePlainTextPart(FxRobot robot) {
        show(coffee);
        TextArea plain = robot.lookup("#emailPlainText").queryAs(TextArea.class);
        assertFalse(onFx(plain::isVisible));
        robot.clickOn("#emailPlainToggle");
        assertTrue(onFx(plain::isVisible));
        assertFalse(onFx(() -> grid.email().htmlView().isVisible()));
        assertEquals(coffee.email().body().text(), onFx(plain::getText));
        assertFalse(onFx(plain::isEditable));
        robot.clickOn("#emailPlainToggle");
        assertTrue(onFx(() -> grid.email().htmlView().isVisible()));
    }

    @Test
    void emailPreviewShowsTheMessageImages() {
        show(coffee);
        WebEngine engine = emailEngine();
        assertEquals(coffee.email().body().files().size(), loadedImages(engine));
        // The quadrant is a little narrower than 600 px: the email is scaled down, not reflowed.
        assertEquals(600, ((Number) script(engine, "window.innerWidth")).intValue(), 1, "desktop inbox width");
    }

    @Test
    void socialPreviewShowsOneCardPerPostOfTheThread(FxRobot robot) {
        Renderers.All threaded = PreviewFixtures.render(Corpus.document("coffee-huila"),
                PreviewFixtures.options().withLimit(Network.X, 60));
        int posts = threaded.social().body().thread(Network.X).size();
        assertTrue(posts > 1);
        show(threaded);
        runFx(() -> grid.social().networkProperty().set(Network.X));
        assertEquals(posts, robot.lookup("#socialPreview .social-card").queryAll().size());
        assertTrue(robot.lookup(".post-number").queryAll().stream()
                .anyMatch(n -> ("Post 1 of " + posts + " in the thread").equals(((Label) n).getText())),
                "numbered as a thread, in words: the post text already ends with 1/n");
        runFx(() -> grid.social().networkProperty().set(Network.MASTODON));
        assertEquals(threaded.social().body().thread(Network.MASTODON).size(),
                robot.lookup("#socialPreview .social-card").queryAll().size());
    }

    @Test
    void theBrochureArrivingAfterTheTextLeavesTheSocialCardsAndWebPageAsTheyAre(FxRobot robot) {
        Renderers.All text = new Renderers.All(coffee.web(), coffee.email(), coffee.social(), null);
        show(text);
        runFx(() -> grid.social().networkProperty().set(Network.LINKEDIN));
        WebEngine engine = webEngine();
        Object page = onFx(engine::getDocument);
        List<javafx.scene.Node> cards = onFx(() -> List.copyOf(robot.lookup("#socialPreview .social-card").queryAll()));
        assertFalse(cards.isEmpty());
        show(coffee);
        Label number = robot.lookup("#brochurePage").queryAs(Label.class);
        waitUntil("the brochure is shown", () -> number.getText().startsWith("Page 1 /"));
        // A card under the pointer, or a tooltip open on it, stays put when the brochure lands.
        assertEquals(cards, onFx(() -> List.copyOf(robot.lookup("#socialPreview .social-card").queryAll())));
        assertTrue(page == onFx(engine::getDocument));
        assertTrue(onFx(() -> grid.web().htmlView().isIdle()));
    }

    @Test
    void overLimitPostHasARedCounter(FxRobot robot) {
        Renderers.All tiny = PreviewFixtures.render(Corpus.document("coffee-huila"),
                PreviewFixtures.options().withLimit(Network.X, 4));
        assertTrue(tiny.social().body().thread(Network.X).get(0).overLimit());
        show(tiny);
        runFx(() -> grid.social().networkProperty().set(Network.X));
        Label counter = robot.lookup("#socialPreview .post-counter").queryAs(Label.class);
        assertTrue(counter.getStyleClass().contains("over-limit"));
        Color fill = (Color) onFx(counter::getTextFill);
        assertTrue(fill.getRed() > 0.6 && fill.getGreen() < 0.4 && fill.getBlue() < 0.4, "red, was " + fill);
        runFx(() -> grid.social().networkProperty().set(Network.MASTODON));
        Label fine = robot.lookup("#socialPreview .post-counter").queryAs(Label.class);
        assertFalse(fine.getStyleClass().contains("over-limit"));
        assertEquals(String.format(Locale.ENGLISH, "%,d / %,d",
                tiny.social().body().thread(Network.MASTODON).get(0).length(), 500), onFx(fine::getText));
    }

    @Test
    void brochureShowsPageOneOfNAndNextGoesToPageTwo(FxRobot robot) {
        show(coffee);
        int pages = coffee.brochure().body().pages();
        Label page = robot.lookup("#brochurePage").queryAs(Label.class);
        waitUntil("page 1 is shown", () -> ("Page 1 / " + pages).equals(page.getText()));
        robot.clickOn("#brochureNext");
        waitUntil("page 2 is shown", () -> ("Page 2 / " + pages).equals(page.getText()));
        assertEquals(1, onFx(() -> grid.brochure().pageIndexProperty().get()));
        robot.clickOn("#brochurePrev");
        waitUntil("page 1 is shown again", () -> ("Page 1 / " + pages).equals(page.getText()));
    }

    @Test
    void newBrochureReplacesThePageOnlyWhenItIsReady(FxRobot robot) {
        show(coffee);
        Label page = robot.lookup("#brochurePage").queryAs(Label.class);
        waitUntil("the first brochure is shown", () -> page.getText().startsWith("Page 1 /"));
        ImageView view = robot.lookup("#brochurePreview .brochure-page").queryAs(ImageView.class);
        Image before = onFx(view::getImage);
        List<Image> seen = new ArrayList<>();
        runFx(() -> view.imageProperty().addListener((o, old, now) -> seen.add(now)));
        Renderers.All other = PreviewFixtures.render("boulangerie-levain");
        show(other);
        waitUntil("the new brochure is shown", () -> !seen.isEmpty());
        assertFalse(seen.contains(null), "never blank in between");
        assertFalse(seen.contains(before));
        assertEquals("Page 1 / " + other.brochure().body().pages(), onFx(page::getText));
    }

    @Test
    void layoutShowsOneChannelOnTheWholeAreaAndBack(FxRobot robot) {
        show(coffee);
        runFx(() -> grid.setLayout(PreviewLayout.WEB));
        waitUntil("the web page takes the area", () -> grid.web().getWidth() > 1100);
        assertFalse(onFx(() -> grid.email().getParent().isVisible()));
        assertFalse(onFx(() -> grid.brochure().getParent().isVisible()));
        robot.clickOn("#webMaximise");
        assertEquals(PreviewLayout.GRID, onFx(grid::getLayout));
        waitUntil("four quadrants again", () -> grid.web().getWidth() < 620 && grid.email().getParent().isVisible());
        robot.clickOn("#brochureMaximise");
        assertEquals(PreviewLayout.BROCHURE, onFx(grid::getLayout));
        waitUntil("the brochure takes the area", () -> grid.brochure().getHeight() > 700);
    }

    @Test
    void hiddenPreviewCatchesUpWhenItIsShownAgain(FxRobot robot) {
        show(coffee);
        runFx(() -> grid.setLayout(PreviewLayout.WEB));
        Renderers.All bread = PreviewFixtures.render("boulangerie-levain");
        show(bread);
        Label subject = robot.lookup("#emailSubject").queryAs(Label.class);
        assertEquals(coffee.email().body().subject(), onFx(subject::getText), "not refreshed while hidden");
        runFx(() -> grid.setLayout(PreviewLayout.GRID));
        assertEquals(bread.email().body().subject(), onFx(subject::getText));
    }
}
