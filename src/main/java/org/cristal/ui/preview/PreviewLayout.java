package org.cristal.ui.preview;

/** All four previews at once, or one channel given the whole area (Ctrl+1…5). */
public enum PreviewLayout { GRID, WEB, EMAIL, SOCIAL, BROCHURE }
