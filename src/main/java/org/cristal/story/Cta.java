package org.cristal.story;

import java.util.Objects;

/** A call to action: the button label and where it leads. */
public record Cta(String label, String url) {
    public Cta {
        label = Objects.requireNonNullElse(label, "");
        url = Objects.requireNonNullElse(url, "");
    }
}
