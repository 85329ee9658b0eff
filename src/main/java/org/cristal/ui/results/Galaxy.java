package org.cristal.ui.results;

import java.util.Comparator;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.scene.AccessibleRole;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.util.Duration;
import org.cristal.library.results.StoryResults;

/**
 * The story's galaxy: the story at the centre, its renditions around it, each publication further out on
 * its rendition's side, sized by what came back ({@link GalaxyLayout}). Drawn again whenever the results
 * change (bound to the screen's view model) or the pane is resized. A body with an address opens it.
 */
final class Galaxy extends Pane {
    /** Bodies with a label beside them; the others say their figures in their tooltip only, so 50 stay readable. */
    private static final int LABELLED = 14;
    private final ResourceBundle text;
    private final ResultsText figures;
    private final Consumer<String> links;
    private StoryResults results;

    Galaxy(ResourceBundle text, ResultsText figures, Consumer<String> links) {
        this.text = text;
        this.figures = figures;
        this.links = links;
        setId("resultsGalaxy");
        getStyleClass().add("galaxy");
        setMinSize(400, 300);
        setAccessibleRole(AccessibleRole.PARENT);
        setAccessibleText(text.getString("results.galaxy.accessible"));
        // Change listeners: an invalidation listener would stop firing after a draw that read no size.
        widthProperty().addListener((o, a, b) -> draw());
        heightProperty().addListener((o, a, b) -> draw());
    }

    void show(StoryResults r) {
        results = r;
        draw();
    }

    private void draw() {
        getChildren().clear();
        if (results == null || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        GalaxyLayout.Layout l = GalaxyLayout.of(results, getWidth(), getHeight());
        for (GalaxyLayout.Hub h : l.hubs()) {
            Line line = new Line(l.cx(), l.cy(), h.x(), h.y());
            line.getStyleClass().addAll("galaxy-link", "galaxy-" + h.rendition());
            getChildren().add(line);
        }
        for (GalaxyLayout.Body b : l.bodies()) {
            GalaxyLayout.Hub hub = l.hubs().stream().filter(h -> h.rendition().equals(b.rendition())).findFirst()
                    .orElseThrow();
            Line line = new Line(hub.x(), hub.y(), b.x(), b.y());
            line.getStyleClass().addAll("galaxy-link", "galaxy-" + b.rendition());
            getChildren().add(0, line);
        }
        Circle centre = new Circle(l.cx(), l.cy(), l.centreRadius());
        centre.getStyleClass().add("galaxy-story");
        Label title = label(results.title(), "galaxy-story-label");
        title.setId("galaxyStory");
        title.setWrapText(true);
        title.setMaxWidth(l.centreRadius() * 1.9);
        title.setPrefWidth(l.centreRadius() * 1.9);
        title.setAlignment(javafx.geometry.Pos.CENTER);
        title.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        centre.setAccessibleText(figures.format("results.galaxy.story", results.title()));
        Tooltip.install(centre, tip(figures.format("results.galaxy.storyTip", results.title(),
                results.total().reactions(), results.total().visitors(), results.total().conversions())));
        getChildren().addAll(centre, title);
        place(title, l.cx(), l.cy());
        for (GalaxyLayout.Hub h : l.hubs()) {
            Circle c = new Circle(h.x(), h.y(), 16);
            c.getStyleClass().addAll("galaxy-hub", "galaxy-" + h.rendition());
            String name = rendition(h.rendition());
            c.setAccessibleText(figures.format("results.galaxy.rendition", name, h.bodies()));
            Label label = label(name, "galaxy-hub-label");
            label.setId("galaxyHub-" + h.rendition());
            getChildren().addAll(c, label);
            place(label, h.x(), h.y() + 28);
        }
        List<GalaxyLayout.Body> labelled = l.bodies().stream()
                .sorted(Comparator.comparingLong(GalaxyLayout.Body::cameBack).reversed()).limit(LABELLED).toList();
        for (GalaxyLayout.Body b : l.bodies()) {
            Circle c = new Circle(b.x(), b.y(), b.radius());
            c.getStyleClass().addAll(b.entry() > 0 ? "galaxy-publication" : "galaxy-visits", "galaxy-" + b.rendition());
            String says = b.entry() > 0
                    ? figures.format("results.galaxy.publication", b.channel(), b.label(), b.reactions(), b.visitors(),
                            b.conversions())
                    : figures.format("results.galaxy.visits", figures.channel(b.channel()), b.visitors(),
                            b.conversions());
            c.setAccessibleRole(b.url().isEmpty() ? AccessibleRole.NODE : AccessibleRole.HYPERLINK);
            c.setAccessibleText(says);
            Tooltip.install(c, tip(b.url().isEmpty() ? says : says + "\n" + b.url()));
            if (b.entry() > 0) {
                c.setId("galaxyPublication-" + b.entry());
            }
            if (!b.url().isEmpty()) {
                c.setCursor(Cursor.HAND);
                c.setOnMouseClicked(e -> links.accept(b.url()));
            }
            getChildren().add(c);
            if (labelled.contains(b)) {
                Label label = label(b.entry() > 0
                        ? figures.format("results.galaxy.label", figures.channel(b.channel()), b.cameBack())
                        : figures.format("results.galaxy.visitsLabel", figures.channel(b.channel()), b.visitors()),
                        "galaxy-body-label");
                label.setMouseTransparent(true);
                getChildren().add(label);
                place(label, b.x(), b.y() + b.radius() + 9);
            }
        }
    }

    private String rendition(String id) {
        return switch (id) {
            case "web" -> text.getString("results.rendition.web");
            case "email" -> text.getString("results.rendition.email");
            case "brochure" -> text.getString("results.rendition.brochure");
            default -> text.getString("results.rendition.social");
        };
    }

    private static Label label(String s, String style) {
        Label l = new Label(s);
        l.getStyleClass().add(style);
        l.setMouseTransparent(true);
        return l;
    }

    /** Centres {@code l} on (x, y) once its size is known. */
    private static void place(Label l, double x, double y) {
        l.applyCss();
        double w = l.prefWidth(-1);
        double h = l.prefHeight(w);
        l.resizeRelocate(x - w / 2, y - h / 2, w, h);
        l.setManaged(false);
    }

    private static Tooltip tip(String s) {
        Tooltip t = new Tooltip(s);
        t.setShowDelay(Duration.millis(250));
        return t;
    }
}
