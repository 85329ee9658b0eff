package org.cristal.ui.persona;

import atlantafx.base.theme.Styles;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.cristal.library.audience.Contact;
import org.cristal.library.persona.Persona;

/**
 * The card of the persona the open story is written for, above the story form: portrait, goals, objections,
 * tone, words to use and to avoid, channels, and "Preview as" their typical contact. Collapsible; not shown
 * at all for a story written for no one in particular.
 */
public final class PersonaCard extends TitledPane {
    /** What the card's buttons ask of the window. */
    public interface Actions {
        void previewAs(Contact contact);

        void openPersonas(String name);
    }

    private final ResourceBundle text;
    private final Locale locale;
    private final Actions actions;
    private final VBox body = new VBox(4);

    public PersonaCard(ResourceBundle text, Locale locale, PersonaCardModel model, Actions actions) {
        this.text = text;
        this.locale = locale;
        this.actions = actions;
        setId("personaCard");
        setAnimated(false);
        setExpanded(true);
        setMaxWidth(Double.MAX_VALUE);
        getStyleClass().add(Styles.DENSE);
        body.setPadding(new Insets(4, 8, 4, 8));
        setContent(body);
        model.shownProperty().addListener((o, a, b) -> show(b));
        show(model.shownProperty().get());
    }

    private void show(PersonaCardModel.Shown shown) {
        setVisible(!shown.isEmpty());
        setManaged(!shown.isEmpty());
        body.getChildren().clear();
        if (shown.isEmpty()) {
            return;
        }
        setText(format("persona.card.title", shown.name()));
        if (shown.missing()) {
            Label missing = wrapped("personaMissing", format("persona.card.missing", shown.name()));
            missing.getStyleClass().add(Styles.WARNING);
            Button create = new Button(text.getString("persona.card.create"));
            create.setId("personaCreate");
            create.setOnAction(e -> actions.openPersonas(shown.name()));
            body.getChildren().addAll(missing, create);
            return;
        }
        Persona p = shown.persona().orElseThrow();
        if (!p.portrait().isBlank()) {
            body.getChildren().add(wrapped("personaPortrait", p.portrait()));
        }
        row("personaGoals", "persona.card.goals", String.join(" · ", p.goals()));
        row("personaObjections", "persona.card.objections", String.join(" · ", p.objections()));
        row("personaTone", "persona.card.tone", p.tone());
        row("personaWordsUse", "persona.card.wordsUse", String.join(", ", p.wordsUse()));
        row("personaWordsAvoid", "persona.card.wordsAvoid", String.join(", ", p.wordsAvoid()));
        row("personaChannels", "persona.card.channels", String.join(", ", p.channels()));
        row("personaChannelsAvoid", "persona.card.channelsAvoid", String.join(", ", p.channelsAvoid()));
        if (p.readingTarget() > 0) {
            row("personaReading", "persona.card.reading", String.valueOf(p.readingTarget()));
        }
        FlowPane buttons = new FlowPane(8, 4);
        if (shown.typical().isPresent()) {
            Contact c = shown.typical().get();
            Button preview = new Button(format("persona.card.previewAs", who(c)));
            preview.setId("personaPreviewAs");
            preview.setOnAction(e -> actions.previewAs(c));
            buttons.getChildren().add(preview);
        } else {
            body.getChildren().add(wrapped("personaNoContact", text.getString("persona.card.noContact")));
        }
        Button edit = new Button(text.getString("persona.card.edit"));
        edit.setId("personaEdit");
        edit.setOnAction(e -> actions.openPersonas(p.name()));
        buttons.getChildren().add(edit);
        body.getChildren().add(buttons);
    }

    static String who(Contact c) {
        return c.fullName().isEmpty() ? c.email() : c.fullName();
    }

    private void row(String id, String labelKey, String value) {
        if (!value.isBlank()) {
            body.getChildren().add(wrapped(id, format("persona.card.row", text.getString(labelKey), value)));
        }
    }

    private static Label wrapped(String id, String s) {
        Label l = new Label(s);
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Label.USE_PREF_SIZE);
        return l;
    }

    private String format(String key, Object... args) {
        return new MessageFormat(text.getString(key), locale).format(args);
    }

    /** For tests: the texts shown, in order. */
    List<String> texts() {
        return body.getChildren().stream().filter(Label.class::isInstance).map(n -> ((Label) n).getText()).toList();
    }
}
