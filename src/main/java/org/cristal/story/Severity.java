package org.cristal.story;

/** How much a finding matters: an error blocks publishing, a warning asks for a look, info is advice. */
public enum Severity {
    INFO, WARNING, ERROR
}
