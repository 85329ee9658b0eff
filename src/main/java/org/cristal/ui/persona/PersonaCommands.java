package org.cristal.ui.persona;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import org.cristal.library.audience.Contact;
import org.cristal.ui.CommandContext;
import org.cristal.ui.StudioModel;
import org.cristal.ui.contacts.PreviewAsModel;
import org.cristal.ui.contacts.PreviewAsView;

/** Opens the personas screen, and previews the open story as a persona's typical contact. */
public final class PersonaCommands {
    private final CommandContext window;
    private final StudioModel model;
    private final java.util.ResourceBundle text;
    private final PersonaCardModel card;
    private Dialog<ButtonType> open;

    public PersonaCommands(CommandContext window, PersonaCardModel card) {
        this.window = window;
        this.model = window.model();
        this.text = window.text();
        this.card = card;
    }

    public PersonaCardModel card() {
        return card;
    }

    /** The personas screen, showing {@code name} first when there is one of that name (else a new one named so). */
    public void show(String name) {
        if (model.workspaceProperty().get() == null) {
            model.report(text.getString("workspace.none"));
            return;
        }
        if (open != null && open.isShowing()) {
            open.close();
        }
        PersonasModel personas = new PersonasModel(model.workers(), model.workspaceProperty()::get, text, model.locale());
        open = new PersonasView(text, personas, this::personasChanged).open(window.stage(), name);
    }

    /** A persona saved or deleted: the card, and the open story's findings against its persona, follow. */
    private void personasChanged() {
        card.reload();
        if (model.editor().isOpen()) {
            model.preview().request(model.editor().storyId(), model.editor().sourceProperty().get());
        }
    }

    /** The open story as {@code contact} would receive it by e-mail (nothing is sent). */
    public void previewAs(Contact contact) {
        PreviewAsModel preview = new PreviewAsModel(model.workers(), model.workspaceProperty()::get,
                model.publishing()::publisher, text, model.locale());
        PreviewAsView.open(window.stage(), text, PersonaCard.who(contact), preview);
        preview.show(model.editor().isOpen() ? model.editor().storyId() : "", contact.id());
    }
}
