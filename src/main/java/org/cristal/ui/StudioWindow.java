package org.cristal.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.image.Image;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.cristal.library.Workspace;
import org.cristal.story.Finding;
import org.cristal.ui.editor.FrontMatterForm;
import org.cristal.ui.editor.Mark;
import org.cristal.ui.editor.MarkdownEditor;
import org.cristal.ui.export.ExportModel;
import org.cristal.ui.library.SidebarView;
import org.cristal.ui.model.SaveState;
import org.cristal.ui.model.Settings;
import org.cristal.ui.preview.FindingsView;
import org.cristal.ui.preview.PreviewGrid;
import org.cristal.ui.preview.PreviewLayout;
import org.kordamp.ikonli.feather.Feather;

/**
 * The studio's main window: the workspace sidebar on the left, the story (front-matter form and
 * Markdown editor) in the centre, the four previews and the findings on the right, and a status
 * bar that always says whether the text is saved. It only binds nodes to the view models.
 */
public final class StudioWindow {
    private static final System.Logger LOG = System.getLogger(StudioWindow.class.getName());
    private final StudioModel model;
    private final ResourceBundle text;
    private final Locale locale;
    private final Runnable onRelaunch;
    private Stage stage;
    private SidebarView sidebar;
    private MarkdownEditor editor;
    private FrontMatterForm form;
    private PreviewGrid previews;
    private FindingsView findings;
    private SplitPane main;
    private SplitPane centre;
    private SplitPane right;
    private ScrollPane formScroll;
    private final javafx.beans.value.ChangeListener<Boolean> leaveWindow;
    private StudioCommands commands;
    private final Label saveState = new Label();
    private final Label status = new Label();
    private final HBox jobBox = new HBox(6);
    private final HBox problemBar = new HBox(8);
    private Notices notices;
    /** Where the sidebar and the previews go once built; empty in the first frame. */
    private final javafx.scene.layout.StackPane sidebarSlot = new javafx.scene.layout.StackPane();
    private final javafx.scene.layout.StackPane rightSlot = new javafx.scene.layout.StackPane();
    /** The menu bar and toolbar once built, then the problem bar. */
    private final VBox top = new VBox();
    /** About the menu bar and toolbar's height, so the editor does not jump when they arrive. */
    private static final double TOP_HEIGHT = 70;
    /** When the rest of the window is built even though no story has been opened. */
    private static javafx.util.Duration restAtTheLatest = javafx.util.Duration.millis(1500);
    private boolean restStarted;
    private boolean built;

    public StudioWindow(StudioModel model, Runnable onRelaunch) {
        this.model = model;
        this.text = model.text();
        this.locale = model.locale();
        this.onRelaunch = onRelaunch;
        this.leaveWindow = (o, a, b) -> {
            if (!b) {
                model.editor().saveNow();
            }
        };
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("org.cristal.ui.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Stage stage() {
        return stage;
    }

    /**
     * Builds the window in {@code stage} and shows it; the workspace opens in the background. Only what a
     * user needs to start typing is built before the first frame: the editor, in its place, with the
     * panes around it empty. The rest (menus, sidebar, form, previews, findings) is built once the story
     * is in the editor and painted, one part per event so that keys typed meanwhile are not held up, or
     * after 1.5 s when there is no story to show (an empty or unreadable workspace).
     */
    public void show(Stage target) {
        this.stage = target;
        notices = new Notices(text);
        commands = new StudioCommands(this, model);
        model.publishing().onOutcome(commands.publish()::published);
        model.publishing().onResults(commands.publish()::resultsRead);
        editor = new MarkdownEditor(text, locale, model.workers().render());

        formScroll = new ScrollPane();
        formScroll.setFitToWidth(true);
        formScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        formScroll.setId("formScroll");
        centre = new SplitPane(formScroll, editor);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setId("centre");
        sidebarSlot.setId("sidebarSlot");
        rightSlot.setId("rightSlot");
        // The slots keep the split's items fixed: replacing an item of a SplitPane resets its dividers.
        main = new SplitPane(sidebarSlot, centre, rightSlot);
        main.setId("mainSplit");
        SplitPane.setResizableWithParent(sidebarSlot, false);
        Settings s = model.settings();
        main.setDividerPositions(s.getDouble("split.main.0", 0.18), s.getDouble("split.main.1", 0.5));
        centre.setDividerPositions(s.getDouble("split.centre", 0.36));

        BorderPane root = new BorderPane(main);
        root.setId("studioRoot");
        top.getChildren().add(problemBar);
        top.setMinHeight(TOP_HEIGHT);
        root.setTop(top);
        root.setBottom(statusBar());
        bindEditor();

        // First run: most of the screen; later, the size the user left, but never larger than the screen.
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        double width = Math.min(s.getDouble("window.width", Math.min(1600, screen.getWidth())), screen.getWidth());
        double height = Math.min(s.getDouble("window.height", Math.min(1000, screen.getHeight() - 30)),
                screen.getHeight() - 30);
        Scene scene = new Scene(new javafx.scene.layout.StackPane(root, notices.layer()), width, height);
        scene.getStylesheets().add(StudioWindow.class.getResource("studio.css").toExternalForm());
        target.setScene(scene);
        target.setMinWidth(900);
        target.setMinHeight(560);
        if (s.getBoolean("window.maximized")) {
            target.setMaximized(true);
        }
        target.titleProperty().bind(Bindings.createStringBinding(this::title, model.editor().stateProperty(),
                model.editor().form().titleProperty(), model.workspaceProperty()));
        target.focusedProperty().addListener(leaveWindow);
        target.setOnCloseRequest(e -> remember());
        target.show();
        scheduleRest(scene);
    }

    /** How long the rest of the window waits for a story before it is built anyway (tests make it long). */
    static void restAtTheLatest(javafx.util.Duration wait) {
        restAtTheLatest = wait;
    }

    /** Unhooks this window from the stage before another one (in another language) takes it over. */
    void dispose() {
        stage.focusedProperty().removeListener(leaveWindow);
        stage.titleProperty().unbind();
    }

    /** True once every part of the window is built (tests and probes wait for it). */
    public boolean built() {
        return built;
    }

    private void scheduleRest(Scene scene) {
        javafx.animation.PauseTransition latest = new javafx.animation.PauseTransition(restAtTheLatest);
        latest.setOnFinished(e -> buildRest());
        latest.play();
        model.editor().onOpened(() -> {
            if (restStarted) {
                return;
            }
            // After the frame that shows the story: a pulse listener runs before that frame is drawn,
            // so the rest starts from the event after it.
            afterNextLayout(scene, () -> Platform.runLater(() -> {
                latest.stop();
                buildRest();
            }));
        });
    }

    /** Runs {@code then} once, after the next pulse has styled and laid out {@code scene}. */
    private static void afterNextLayout(Scene scene, Runnable then) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            then.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    /** The parts not needed to type, each in its own event: keys typed in between reach the editor. */
    private void buildRest() {
        if (restStarted) {
            return;
        }
        restStarted = true;
        java.util.Deque<Runnable> parts = new java.util.ArrayDeque<>(java.util.List.of(
                this::buildForm, this::buildPreviews, this::buildSidebar, this::buildMenus, this::finishBuilding));
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
            Runnable part = parts.poll();
            if (part != null && stage.isShowing()) {
                try {
                    part.run();
                } catch (RuntimeException | LinkageError e) {
                    // One part that fails (a preview that cannot start) must not keep the menus from coming.
                    LOG.log(System.Logger.Level.ERROR, "a part of the window could not be built", e);
                }
                Platform.runLater(next[0]);
            }
        };
        next[0].run();
    }

    private void buildForm() {
        form = new FrontMatterForm(text, locale, model.editor().form());
        form.setOnChooseImage(commands::chooseImage);
        form.setImageLoader(this::heroImage);
        form.setMinWidth(0);
        form.setBrands(model.library().brands());
        model.library().brands().addListener((javafx.collections.ListChangeListener<org.cristal.story.Brand>) c ->
                form.setBrands(model.library().brands()));
        formScroll.setContent(new javafx.scene.layout.VBox(personaCard(), form));
    }

    /** The card of the story's persona, above the form; the form's persona choice lists the workspace's. */
    private org.cristal.ui.persona.PersonaCard personaCard() {
        org.cristal.ui.persona.PersonaCommands personas = commands.personas();
        org.cristal.ui.persona.PersonaCardModel card = personas.card();
        card.nameProperty().bind(model.editor().form().personaProperty());
        card.names().addListener((javafx.collections.ListChangeListener<String>) c -> form.setPersonas(card.names()));
        model.workspaceProperty().addListener((o, a, b) -> card.reload());
        card.reload();
        return new org.cristal.ui.persona.PersonaCard(text, locale, card, new org.cristal.ui.persona.PersonaCard.Actions() {
            @Override
            public void previewAs(org.cristal.library.audience.Contact contact) {
                personas.previewAs(contact);
            }

            @Override
            public void openPersonas(String name) {
                personas.show(name);
            }
        });
    }

    private void buildSidebar() {
        sidebar = new SidebarView(text, locale, model.library(), commands.library());
        sidebar.disableProperty().bind(model.workspaceProperty().isNull());
        sidebarSlot.getChildren().setAll(sidebar);
        if (model.editor().isOpen()) {
            sidebar.select(model.editor().storyId());
        }
    }

    private void buildPreviews() {
        previews = new PreviewGrid(text, locale, model.workers().render());
        findings = new FindingsView(text, locale);
        findings.setOnOpen(this::openFinding);
        right = new SplitPane(previews, findings);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(model.settings().getDouble("split.right", 0.8));
        rightSlot.getChildren().setAll(right);
        model.preview().renditionsProperty().addListener((o, a, b) -> showRenditions(b));
        showRenditions(model.preview().renditionsProperty().get());
        model.preview().variantsProperty().addListener((o, a, b) -> previews.showVariants(b));
        previews.showVariants(model.preview().variantsProperty().get());
        model.preview().findings().addListener((javafx.collections.ListChangeListener<Finding>) c -> showFindings());
        showFindings();
        previews.layoutProperty().set(layoutFromSettings());
        previews.layoutProperty().addListener((o, a, b) -> model.settings().put("layout", b.name()));
    }

    private void buildMenus() {
        StudioMenus menus = new StudioMenus(this, commands);
        top.getChildren().setAll(menus.menuBar(), menus.toolBar(), problemBar);
        top.setMinHeight(Region.USE_COMPUTED_SIZE);
    }

    private void finishBuilding() {
        // Built means on screen: a menu bar or toolbar makes the nodes of its menus and buttons only when
        // the next pulse styles it, and whoever looks for them before that (a test, a probe) finds none.
        afterNextLayout(stage.getScene(), () -> built = true);
    }

    private void showRenditions(org.cristal.render.Renderers.All all) {
        if (all != null) {
            previews.setBrand(model.preview().brandProperty().get());
            previews.setStory(model.preview().documentProperty().get());
            previews.show(all);
        }
    }

    private void showFindings() {
        int bodyLine = model.editor().bodyLine();
        findings.setEditorLine(f -> Mark.editorLine(f, bodyLine));
        findings.show(model.preview().findings());
    }

    /** What the editor needs from the first frame on; the other parts bind themselves as they are built. */
    private void bindEditor() {
        // Without an open story there is nothing to type into: the form and editor wait.
        centre.disableProperty().bind(model.editor().storyIdProperty().isEmpty());
        editor.textProperty().addListener((o, a, b) -> {
            if (!b.equals(model.editor().bodyProperty().get())) {
                model.editor().bodyProperty().set(b);
            }
        });
        model.editor().onOpened(() -> {
            editor.setText(model.editor().bodyProperty().get());
            if (sidebar != null) {
                sidebar.select(model.editor().storyId());
            }
        });
        editor.area().focusedProperty().addListener((o, a, b) -> {
            if (!b) {
                model.editor().saveNow();
            }
        });
        model.preview().findings().addListener((javafx.collections.ListChangeListener<Finding>) c ->
                editor.setMarks(Mark.of(model.preview().findings(), model.editor().bodyLine())));

        saveState.setId("saveState");
        saveState.textProperty().bind(Bindings.createStringBinding(() -> switch (model.editor().stateProperty().get()) {
            case SAVED, DRAFT_SAVED -> text.getString("save.saved");
            case UNSAVED -> text.getString("save.unsaved");
            case FAILED -> text.getString("save.failedShort");
        }, model.editor().stateProperty()));
        status.setId("workspaceStatus");
        status.textProperty().bind(model.statusProperty());

        model.problemProperty().addListener((o, a, b) -> showProblem(b));
        model.editor().problemProperty().addListener((o, a, b) -> showProblem(b));
    }

    private PreviewLayout layoutFromSettings() {
        try {
            return PreviewLayout.valueOf(model.settings().get("layout", PreviewLayout.GRID.name()));
        } catch (IllegalArgumentException e) {
            return PreviewLayout.GRID;
        }
    }

    private String title() {
        String story = model.editor().form().titleProperty().get();
        // The workspace file's name (without .cristal) tells a freelancer's clients apart, as a document name does.
        Workspace ws = model.workspaceProperty().get();
        String name = ws == null ? text.getString("app.name")
                : format("window.title", ws.path().getFileName().toString().replaceFirst("\\.cristal$", ""),
                        text.getString("app.name"));
        String base = story == null || story.isBlank() ? name : format("window.title", story, name);
        return model.editor().stateProperty().get() == SaveState.UNSAVED ? format("window.unsaved", base) : base;
    }

    private Region statusBar() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        jobBox.setAlignment(Pos.CENTER_RIGHT);
        HBox bar = new HBox(12, status, spacer, jobBox, saveState);
        bar.setId("statusBar");
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** A dismissable red line under the toolbar; never a stack trace. */
    void showProblem(String message) {
        problemBar.getChildren().clear();
        if (message == null || message.isBlank()) {
            problemBar.setVisible(false);
            problemBar.setManaged(false);
            return;
        }
        Label label = new Label(message);
        label.setId("problemMessage");
        label.setWrapText(true);
        HBox.setHgrow(label, Priority.ALWAYS);
        Button close = Icons.button("dismissProblem", Feather.X, text.getString("dialog.close"));
        close.setOnAction(e -> {
            model.dismissProblem();
            showProblem("");
        });
        problemBar.getChildren().addAll(label, close);
        problemBar.getStyleClass().setAll("problem-bar");
        problemBar.setPadding(new Insets(6, 10, 6, 10));
        problemBar.setAlignment(Pos.CENTER_LEFT);
        problemBar.setVisible(true);
        problemBar.setManaged(true);
    }

    /** Shows an export or import under way in the status bar, with a cancel button. */
    void showJob(org.cristal.ui.export.ExportModel.Job job) {
        ProgressBar bar = new ProgressBar();
        bar.setId("jobProgress");
        bar.progressProperty().bind(job.progressProperty());
        bar.setPrefWidth(140);
        Label what = new Label();
        what.textProperty().bind(job.messageProperty());
        Button cancel = Icons.button("cancelJob", Feather.X_CIRCLE, text.getString("job.cancel"));
        cancel.setOnAction(e -> job.cancel());
        jobBox.getChildren().setAll(what, bar, cancel);
        job.result().whenComplete((r, t) -> Platform.runLater(() -> jobBox.getChildren().clear()));
    }

    /**
     * A finding with a line in the body selects the words it is about in the editor (or moves the
     * caret to its line) and scrolls there; one about a front-matter field (line 0 or a line above
     * the body) opens that field in the form; one about the brand kit opens the brand-kit editor.
     */
    private void openFinding(Finding f) {
        int bodyLine = model.editor().bodyLine();
        int line = Mark.editorLine(f, bodyLine);
        if (line > 0) {
            editor.reveal(line, Mark.of(f, bodyLine).map(Mark::word).orElse(null));
            return;
        }
        String field = FindingFields.field(f);
        if (field.equals(FindingFields.BRAND)) {
            commands.showBrands();
        } else if (form.focusField(field)) {
            Platform.runLater(() -> reveal(stage.getScene().getFocusOwner()));
        }
    }

    /** Scrolls the form so the focused field is in view (a ScrollPane does not follow focus). */
    private void reveal(javafx.scene.Node node) {
        if (node == null) {
            return;
        }
        double contentHeight = form.getBoundsInLocal().getHeight();
        double viewport = formScroll.getViewportBounds().getHeight();
        if (contentHeight <= viewport) {
            return;
        }
        double y = form.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
        formScroll.setVvalue(Math.max(0, Math.min(1, (y - 20) / (contentHeight - viewport))));
    }

    /** The hero image's picture from the workspace, read and decoded on the workspace thread. */
    private CompletableFuture<Optional<Image>> heroImage(String ref) {
        Workspace ws = model.workspaceProperty().get();
        if (ws == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        try {
            return CompletableFuture.supplyAsync(() -> ws.assetResolver().resolve(ref)
                    .filter(org.cristal.story.Asset::isImage)
                    .map(a -> new Image(new java.io.ByteArrayInputStream(a.bytes()),
                            FrontMatterForm.THUMBNAIL_WIDTH * 2, FrontMatterForm.THUMBNAIL_HEIGHT * 2, true, true))
                    .filter(image -> !image.isError()), model.workers().io());
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // The studio is closing: no picture to show.
            return CompletableFuture.completedFuture(Optional.empty());
        }
    }

    /** Writes the window's size, layout and dividers to the settings. */
    void remember() {
        Settings s = model.settings();
        s.put("window.maximized", String.valueOf(stage.isMaximized()));
        if (!stage.isMaximized()) {
            s.put("window.width", String.valueOf(stage.getScene().getWidth()));
            s.put("window.height", String.valueOf(stage.getScene().getHeight()));
        }
        double[] d = main.getDividerPositions();
        s.put("split.main.0", String.valueOf(d[0]));
        s.put("split.main.1", String.valueOf(d[1]));
        s.put("split.centre", String.valueOf(centre.getDividerPositions()[0]));
        if (right != null) {
            s.put("split.right", String.valueOf(right.getDividerPositions()[0]));
            s.put("layout", previews.layoutProperty().get().name());
        }
    }

    String format(String key, Object... args) {
        return new MessageFormat(text.getString(key), locale).format(args);
    }

    SidebarView sidebar() {
        return sidebar;
    }

    MarkdownEditor editor() {
        return editor;
    }

    PreviewGrid previews() {
        return previews;
    }

    StudioCommands commands() {
        return commands;
    }

    Notices notices() {
        return notices;
    }

    void relaunch() {
        remember();
        onRelaunch.run();
    }
}
