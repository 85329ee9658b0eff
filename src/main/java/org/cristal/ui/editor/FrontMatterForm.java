package org.cristal.ui.editor;

import atlantafx.base.theme.Styles;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.ResourceBundle;
import javafx.application.Platform;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.cristal.story.Brand;
import org.cristal.story.Status;
import org.cristal.ui.model.FormProblem;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The story's front matter as a compact form above the editor: title, summary, tags, language,
 * brand and status always visible; call to action, hero image and per-channel texts in sections
 * that stay collapsed until needed, so the editor keeps most of a 768-pixel-high screen. Every field
 * is bound both ways to a {@link StoryFormModel}; its problems show in red under the field.
 */
public class FrontMatterForm extends VBox {
    /** A meta description shorter than this looks thin in search results, longer is cut off. */
    static final int SUMMARY_IDEAL_MIN = 120;
    static final int SUMMARY_IDEAL_MAX = 156;
    /** The hero image's thumbnail: enough to recognise the picture, small enough for a 768-pixel screen. */
    public static final double THUMBNAIL_WIDTH = 160;
    public static final double THUMBNAIL_HEIGHT = 90;

    private final ResourceBundle text;
    private final Locale locale;
    private final StoryFormModel model;
    private final Map<String, String> brandNames = new HashMap<>();
    private final ComboBox<String> brandChoice = new ComboBox<>();
    private final ComboBox<String> personaChoice = new ComboBox<>();
    private final Map<String, Node> fields = new LinkedHashMap<>();
    private final Map<String, Label> problemLabels = new HashMap<>();
    private final Map<String, TitledPane> sectionOf = new HashMap<>();
    private final TitledPane ctaImageSection;
    private final TitledPane channelSection;
    private Runnable onChooseImage = () -> { };
    private final ImageView thumbnail = new ImageView();
    private Function<String, CompletableFuture<Optional<Image>>> images =
            ref -> CompletableFuture.completedFuture(Optional.empty());
    /** Bumped on each change of the image field: a picture read for an older name is dropped. */
    private long thumbnailRequest;

    public FrontMatterForm(ResourceBundle text, Locale locale, StoryFormModel model) {
        this.text = text;
        this.locale = locale;
        this.model = model;
        getStyleClass().add("front-matter-form");
        setSpacing(6);
        setPadding(new Insets(8, 12, 8, 12));

        GridPane basics = grid();
        TextField title = textField("titleField", model.titleProperty(), "form.title.prompt");
        title.getStyleClass().add("title-field");
        fields.put("title", title);
        addRow(basics, 0, "form.title", "title", title);

        TextField slug = textField("slugField", model.slugProperty(), "form.slug.prompt");
        Label slugNote = new Label();
        slugNote.setId("slugNote");
        slugNote.getStyleClass().add(Styles.TEXT_SMALL);
        slugNote.setWrapText(true);
        model.slugNoteProperty().addListener((o, was, now) -> showSlugNote(slugNote));
        showSlugNote(slugNote);
        fields.put("slug", slug);
        addRow(basics, 1, "form.slug", "slug", new VBox(2, slug, slugNote));

        TextArea summary = textArea("summaryField", model.summaryProperty(), "form.summary.prompt", 2);
        Label summaryCount = new Label();
        summaryCount.setId("summaryCount");
        summaryCount.getStyleClass().add(Styles.TEXT_SMALL);
        model.summaryProperty().addListener((o, was, now) -> showSummaryCount(summaryCount));
        showSummaryCount(summaryCount);
        VBox summaryBox = new VBox(2, summary, summaryCount);
        summaryBox.setAlignment(Pos.CENTER_RIGHT);
        fields.put("summary", summary);
        addRow(basics, 2, "form.summary", "summaryBox", summaryBox);

        TextField tags = textField("tagsField", model.tagsProperty(), "form.tags.prompt");
        addRow(basics, 3, "form.tags", "tags", tags);
        fields.put("tags", tags);
        // Language, brand, status and persona wrap onto more lines when the editor column is narrow, so the
        // tags keep a usable width at 1366×768 in French.
        FlowPane meta = new FlowPane(12, 6, pair("form.lang", langChoice()), pair("form.brand", brandChoice()),
                pair("form.status", statusChoice()), pair("form.persona", personaChoice()));
        addRow(basics, 4, "form.details", "details", meta);

        GridPane ctaImage = grid();
        addRow(ctaImage, 0, "form.cta.label", "cta.label",
                textField("ctaLabelField", model.ctaLabelProperty(), "form.cta.label.prompt"));
        addRow(ctaImage, 1, "form.cta.url", "cta.url",
                textField("ctaUrlField", model.ctaUrlProperty(), "form.cta.url.prompt"));
        TextField image = textField("imageField", model.imageProperty(), "form.image.prompt");
        Button choose = new Button(text.getString("form.image.choose"), new FontIcon(Feather.IMAGE));
        choose.setId("chooseImage");
        choose.setMinWidth(Button.USE_PREF_SIZE);
        choose.setOnAction(e -> onChooseImage.run());
        // The file name on its own line, the picture and the button under it: in a narrow column the
        // name keeps the whole width instead of sharing it with a thumbnail and a button.
        // The button goes under the picture rather than push the form wider than a narrow column.
        FlowPane pictureRow = new FlowPane(8, 6, thumbnail, choose);
        pictureRow.setPrefWrapLength(THUMBNAIL_WIDTH);
        pictureRow.setAlignment(Pos.CENTER_LEFT);
        VBox imageRow = new VBox(6, image, pictureRow);
        addRow(ctaImage, 2, "form.image", "imageRow", imageRow);
        fields.put("image", image);
        addRow(ctaImage, 3, "form.image.alt", "imageAlt",
                textField("imageAltField", model.imageAltProperty(), "form.image.alt.prompt"));
        ctaImageSection = section("ctaImageSection", "form.section.ctaImage", ctaImage,
                "cta.label", "cta.url", "image", "imageAlt");

        GridPane channels = grid();
        addRow(channels, 0, "form.email.subject", "email.subject",
                textField("emailSubjectField", model.emailSubjectProperty(), "form.email.subject.prompt"));
        addRow(channels, 1, "form.email.preheader", "email.preheader",
                textField("emailPreheaderField", model.emailPreheaderProperty(), "form.email.preheader.prompt"));
        addRow(channels, 2, "form.social.text", "social.text",
                textArea("socialTextField", model.socialTextProperty(), "form.social.text.prompt", 3));
        channelSection = section("channelSection", "form.section.channels", channels,
                "email.subject", "email.preheader", "social.text");

        // One under the other, each the full width of the column: side by side at half the width, a
        // 1366-pixel screen left the fields of "Per channel" some 45 pixels wide.
        thumbnail();
        getChildren().addAll(basics, ctaImageSection, channelSection);
        model.problems().addListener((javafx.collections.ListChangeListener<FormProblem>) c -> showProblems());
        showProblems();
    }

    private HBox pair(String labelKey, Node value) {
        HBox box = new HBox(6, label(labelKey), value);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        g.getColumnConstraints().addAll(labels, values);
        return g;
    }

    /** A labelled row whose value has a red problem line under it (hidden while there is none). */
    private void addRow(GridPane grid, int row, String labelKey, String field, Node value) {
        Label label = label(labelKey);
        label.setLabelFor(value);
        GridPane.setValignment(label, VPos.TOP);
        // Lines the label up with the text inside a one-line field beside it.
        label.setPadding(new Insets(8, 0, 0, 0));
        Label problem = new Label();
        problem.setId(camel(field) + "Problem");
        problem.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        problem.setWrapText(true);
        problem.setVisible(false);
        problem.setManaged(false);
        problemLabels.put(field, problem);
        if (!fields.containsKey(field)) {
            fields.put(field, value);
        }
        grid.add(label, 0, row);
        grid.add(new VBox(2, value, problem), 1, row);
    }

    private static String camel(String key) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char c : key.toCharArray()) {
            if (c == '.') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }

    private Label label(String key) {
        Label l = new Label(text.getString(key));
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private TextField textField(String id, StringProperty property, String promptKey) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(text.getString(promptKey));
        f.textProperty().bindBidirectional(property);
        return f;
    }

    private TextArea textArea(String id, StringProperty property, String promptKey, int rows) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setPromptText(text.getString(promptKey));
        a.setWrapText(true);
        a.setPrefRowCount(rows);
        a.textProperty().bindBidirectional(property);
        return a;
    }

    private TitledPane section(String id, String titleKey, Node content, String... keys) {
        TitledPane pane = new TitledPane(text.getString(titleKey), content);
        pane.setMinWidth(0);
        pane.setMaxWidth(Double.MAX_VALUE);
        pane.setId(id);
        pane.setExpanded(false);
        pane.setAnimated(false);
        pane.getStyleClass().add(Styles.DENSE);
        for (String k : keys) {
            sectionOf.put(k, pane);
        }
        return pane;
    }

    private ComboBox<String> langChoice() {
        ComboBox<String> lang = new ComboBox<>(FXCollections.observableArrayList("fr", "en"));
        lang.setId("langChoice");
        // Free text too: a story may be in German or Catalan; the renderers take any language tag.
        lang.setEditable(true);
        lang.setPrefWidth(80);
        lang.setTooltip(new Tooltip(text.getString("form.lang.tooltip")));
        lang.valueProperty().bindBidirectional(model.langProperty());
        return lang;
    }

    private ComboBox<String> brandChoice() {
        brandChoice.setId("brandChoice");
        brandChoice.setPrefWidth(200);
        StringConverter<String> names = new StringConverter<>() {
            @Override
            public String toString(String id) {
                return id == null ? "" : brandNames.getOrDefault(id, id);
            }

            @Override
            public String fromString(String name) {
                return brandNames.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey)
                        .findFirst().orElse(name);
            }
        };
        brandChoice.setConverter(names);
        brandChoice.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String id, boolean empty) {
                super.updateItem(id, empty);
                setText(empty || id == null ? null : names.toString(id));
            }
        });
        brandChoice.valueProperty().bindBidirectional(model.brandProperty());
        return brandChoice;
    }

    /** The persona the story is written for: one of the workspace's, typed, or none (empty). */
    private ComboBox<String> personaChoice() {
        personaChoice.setId("personaChoice");
        personaChoice.setEditable(true);
        personaChoice.setPrefWidth(120);
        personaChoice.setPromptText(text.getString("form.persona.none"));
        personaChoice.setTooltip(new Tooltip(text.getString("form.persona.tooltip")));
        personaChoice.valueProperty().bindBidirectional(model.personaProperty());
        return personaChoice;
    }

    /** The workspace's persona names to choose from; "" first, for a story written for no one in particular. */
    public void setPersonas(List<String> names) {
        String current = model.personaProperty().get();
        java.util.List<String> items = new java.util.ArrayList<>();
        items.add("");
        items.addAll(names);
        personaChoice.getItems().setAll(items);
        if (!Objects.equals(personaChoice.getValue(), current)) {
            personaChoice.setValue(current);
        }
    }

    private ChoiceBox<Status> statusChoice() {
        ChoiceBox<Status> status = new ChoiceBox<>(FXCollections.observableArrayList(Status.values()));
        status.setId("statusChoice");
        status.setPrefWidth(130);
        status.setConverter(new StringConverter<>() {
            @Override
            public String toString(Status s) {
                return s == null ? "" : statusName(s);
            }

            @Override
            public Status fromString(String s) {
                return null;
            }
        });
        // The model keeps the status id as text; the two listeners translate both ways.
        status.setValue(Status.fromId(model.getStatus()).orElse(Status.DRAFT));
        status.valueProperty().addListener((o, was, now) -> {
            if (now != null && !now.id().equals(model.getStatus())) {
                model.setStatus(now.id());
            }
        });
        model.statusProperty().addListener((o, was, now) ->
                status.setValue(Status.fromId(now).orElse(Status.DRAFT)));
        return status;
    }

    private String statusName(Status s) {
        return switch (s) {
            case DRAFT -> text.getString("form.status.draft");
            case REVIEW -> text.getString("form.status.review");
            case APPROVED -> text.getString("form.status.approved");
            case PUBLISHED -> text.getString("form.status.published");
            case ARCHIVED -> text.getString("form.status.archived");
        };
    }

    private void showSummaryCount(Label count) {
        int n = Objects.toString(model.summaryProperty().get(), "").strip().length();
        count.setText(new MessageFormat(text.getString("form.summary.count"), locale)
                .format(new Object[] {n, SUMMARY_IDEAL_MIN, SUMMARY_IDEAL_MAX}));
        boolean ideal = n >= SUMMARY_IDEAL_MIN && n <= SUMMARY_IDEAL_MAX;
        count.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.TEXT_MUTED);
        count.getStyleClass().add(ideal ? Styles.SUCCESS : n > SUMMARY_IDEAL_MAX ? Styles.WARNING : Styles.TEXT_MUTED);
    }

    /** Under the address: that it follows the title, or that the story is published there (a warning once changed). */
    private void showSlugNote(Label note) {
        String message = switch (model.slugNoteProperty().get()) {
            case FOLLOWS_TITLE -> text.getString("form.slug.follows");
            case PUBLISHED -> text.getString("form.slug.published");
            case BREAKS_LINK -> new MessageFormat(text.getString("form.slug.breaksLink"), locale)
                    .format(new Object[] {model.getPublishedSlug()});
            case NONE -> "";
        };
        note.setText(message);
        note.setVisible(!message.isEmpty());
        note.setManaged(!message.isEmpty());
        boolean warn = model.slugNoteProperty().get() == StoryFormModel.SlugNote.BREAKS_LINK;
        note.getStyleClass().removeAll(Styles.WARNING, Styles.TEXT_MUTED);
        note.getStyleClass().add(warn ? Styles.WARNING : Styles.TEXT_MUTED);
    }

    private void showProblems() {
        for (Map.Entry<String, Label> e : problemLabels.entrySet()) {
            String message = model.problem(e.getKey()).map(p -> p.message(text, locale)).orElse("");
            Label l = e.getValue();
            l.setText(message);
            l.setVisible(!message.isEmpty());
            l.setManaged(!message.isEmpty());
            Node field = fields.get(e.getKey());
            if (field != null) {
                field.pseudoClassStateChanged(Styles.STATE_DANGER, !message.isEmpty());
            }
        }
        // A closed section with a problem inside shows a warning sign, so the problem is not hidden.
        for (TitledPane pane : List.of(ctaImageSection, channelSection)) {
            boolean bad = model.problems().stream().anyMatch(p -> sectionOf.get(p.field()) == pane);
            FontIcon icon = bad ? new FontIcon(Feather.ALERT_CIRCLE) : null;
            if (icon != null) {
                icon.getStyleClass().add(Styles.DANGER);
            }
            pane.setGraphic(icon);
        }
    }

    /** The brands to choose from (the window loads them from the workspace); shown by name, stored by id. */
    public void setBrands(List<Brand> brands) {
        brandNames.clear();
        brands.forEach(b -> brandNames.put(b.id(), b.name().isBlank() ? b.id() : b.name()));
        String current = model.brandProperty().get();
        brandChoice.getItems().setAll(brands.stream().map(Brand::id).toList());
        // Setting the items may clear the value; the story's brand stays what the file says.
        if (!Objects.equals(brandChoice.getValue(), current)) {
            brandChoice.setValue(current);
        }
    }

    /** The hero image as a small picture under its file name; hidden while there is none to show. */
    private void thumbnail() {
        thumbnail.setId("heroThumbnail");
        thumbnail.setFitWidth(THUMBNAIL_WIDTH);
        thumbnail.setFitHeight(THUMBNAIL_HEIGHT);
        thumbnail.setPreserveRatio(true);
        thumbnail.setSmooth(true);
        thumbnail.accessibleTextProperty().bind(model.imageAltProperty());
        thumbnail.setVisible(false);
        thumbnail.setManaged(false);
        model.imageProperty().addListener((o, was, now) -> showThumbnail());
    }

    private void showThumbnail() {
        long request = ++thumbnailRequest;
        String ref = Objects.toString(model.imageProperty().get(), "").strip();
        if (ref.isEmpty()) {
            setThumbnail(null);
            return;
        }
        images.apply(ref).whenComplete((image, error) -> Platform.runLater(() -> {
            if (request == thumbnailRequest) {
                setThumbnail(error == null ? image.orElse(null) : null);
            }
        }));
    }

    private void setThumbnail(Image image) {
        thumbnail.setImage(image);
        thumbnail.setVisible(image != null);
        thumbnail.setManaged(image != null);
    }

    /**
     * How the hero image's picture is read (the window reads the workspace's assets off the UI thread);
     * the answer is empty for a name that is not there or not a picture.
     */
    public void setImageLoader(Function<String, CompletableFuture<Optional<Image>>> loader) {
        images = loader == null ? ref -> CompletableFuture.completedFuture(Optional.empty()) : loader;
        showThumbnail();
    }

    /** What "Choose…" next to the hero image does (the window opens a file chooser and sets the field). */
    public void setOnChooseImage(Runnable handler) {
        this.onChooseImage = handler == null ? () -> { } : handler;
    }

    /**
     * Opens the section holding a field and puts the cursor in it, for the findings panel. Keys:
     * {@code title, slug, summary, tags, lang, brand, status, cta, cta.label, cta.url, image, imageAlt,
     * email.subject, email.preheader, social.text}. Returns false for an unknown key.
     */
    public boolean focusField(String key) {
        String k = switch (key == null ? "" : key) {
            case "cta" -> model.problem("cta.label").isPresent() && model.problem("cta.url").isEmpty()
                    ? "cta.label" : "cta.url";
            case "image_alt", "image.alt", "alt" -> "imageAlt";
            case "x.text", "mastodon.text", "bluesky.text", "linkedin.text", "instagram.text", "tweet.text", "social" ->
                    "social.text";
            case "lang" -> "langChoice";
            case "brand" -> "brandChoice";
            case "status" -> "statusChoice";
            default -> key;
        };
        Node target = switch (k) {
            case "langChoice", "brandChoice", "statusChoice" -> lookup("#" + k);
            default -> fields.get(k);
        };
        if (target == null) {
            return false;
        }
        TitledPane pane = sectionOf.get(k);
        if (pane != null) {
            pane.setExpanded(true);
        }
        target.requestFocus();
        if (target instanceof TextInputControl input) {
            input.selectAll();
        }
        return true;
    }
}
