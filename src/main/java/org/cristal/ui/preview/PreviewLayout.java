package org.cristal.ui.preview;

/** How the preview grid uses its area: all four channels at once, or one channel on the whole area. */
public enum PreviewLayout {
    GRID, WEB, EMAIL, SOCIAL, BROCHURE
}
