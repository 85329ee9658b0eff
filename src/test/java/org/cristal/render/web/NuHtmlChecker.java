package org.cristal.render.web;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The W3C Nu HTML Checker (the engine behind validator.w3.org/nu) run in-process over one document. It
 * applies the same HTML5 schema, assertions and CSS checks as the online checker, with its schemas read
 * from the jar (no network). Not thread-safe: one per test class.
 */
public final class NuHtmlChecker {
    /** The schema the online checker uses for text/html documents. */
    private static final String HTML5_SCHEMA = "http://s.validator.nu/html5-rdfalite.rnc";

    private final SimpleDocumentValidator validator;
    private final Collector collector = new Collector();

    public NuHtmlChecker() {
        try {
            // No log4j set-up (it would print to the console), no remote URL logging, no language guessing
            // (it needs a corpus of text; the page's lang attribute is checked by the schema anyway).
            org.apache.log4j.BasicConfigurator.configure(new org.apache.log4j.varia.NullAppender());
            validator = new SimpleDocumentValidator(false, false, false);
            validator.setUpMainSchema(HTML5_SCHEMA, collector);
            validator.setUpValidatorAndParsers(collector, true, false);
        } catch (Exception e) {
            throw new IllegalStateException("the Nu HTML Checker could not start", e);
        }
    }

    /** Error messages ({@code line:column message}) the checker reports for {@code html}; empty when valid. */
    public List<String> errors(String html) {
        collector.errors.clear();
        try {
            InputSource in = new InputSource(new StringReader(html));
            in.setSystemId("page.html");
            in.setEncoding("UTF-8");
            validator.checkHtmlInputSource(in);
        } catch (Exception e) {
            collector.errors.add("checker failed: " + e);
        }
        return List.copyOf(collector.errors);
    }

    private static final class Collector implements ErrorHandler {
        final List<String> errors = new ArrayList<>();

        @Override
        public void warning(SAXParseException e) {
            // Warnings are advice (e.g. "consider adding a lang attribute"); the bar is zero errors.
        }

        @Override
        public void error(SAXParseException e) {
            errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) {
            error(e);
        }
    }
}
