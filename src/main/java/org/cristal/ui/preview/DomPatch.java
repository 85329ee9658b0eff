package org.cristal.ui.preview;

import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Brings a page already on screen from one prepared version to the next by replacing only the nodes
 * that changed, through the W3C DOM of the WebView: typing in one paragraph then re-lays out that
 * paragraph instead of reloading the page (its styles, its images decoded again, its scroll position).
 *
 * <p>Nothing here runs script: the nodes are built one by one from the prepared copy, whose scripts
 * {@link PreviewHtml} already dropped; {@code script} elements, {@code on…} attributes and
 * {@code javascript:} URLs are skipped again, and the page's JavaScript stays off. When the page's
 * head changed, or the live document does not have the shape expected, it does nothing and says so,
 * and the caller loads the whole page as before.
 */
final class DomPatch {
    private DomPatch() {
    }

    /** True when {@code live}, showing {@code shown}, now shows {@code next}; false when it was left untouched. */
    static boolean apply(org.w3c.dom.Document live, Document shown, Document next) {
        if (live == null || !same(shown.head(), next.head())
                || !shown.body().attributes().equals(next.body().attributes())) {
            return false;
        }
        org.w3c.dom.NodeList bodies = live.getElementsByTagName("body");
        if (bodies.getLength() != 1) {
            return false;
        }
        org.w3c.dom.Node at = bodies.item(0);
        Element from = shown.body();
        Element to = next.body();
        while (true) {
            List<Node> old = from.childNodes();
            List<Node> now = to.childNodes();
            org.w3c.dom.NodeList liveChildren = at.getChildNodes();
            if (liveChildren.getLength() != old.size()) {
                return false;
            }
            int prefix = 0;
            int max = Math.min(old.size(), now.size());
            while (prefix < max && same(old.get(prefix), now.get(prefix))) {
                prefix++;
            }
            int suffix = 0;
            while (suffix < max - prefix && same(old.get(old.size() - 1 - suffix), now.get(now.size() - 1 - suffix))) {
                suffix++;
            }
            int removed = old.size() - prefix - suffix;
            int added = now.size() - prefix - suffix;
            if (removed == 0 && added == 0) {
                return true;
            }
            if (removed == 1 && added == 1 && old.get(prefix) instanceof Element o && now.get(prefix) instanceof Element n
                    && o.tagName().equals(n.tagName()) && o.attributes().equals(n.attributes())
                    && liveChildren.item(prefix) instanceof org.w3c.dom.Element l
                    && l.getTagName().equalsIgnoreCase(o.tagName())) {
                // Only this element's content changed: go down into it.
                from = o;
                to = n;
                at = l;
                continue;
            }
            org.w3c.dom.Node before = prefix + removed < liveChildren.getLength() ? liveChildren.item(prefix + removed) : null;
            org.w3c.dom.Document doc = at.getOwnerDocument();
            // Build first, then swap: a node that cannot be built leaves the page as it was.
            List<org.w3c.dom.Node> built = new java.util.ArrayList<>();
            for (Node n : now.subList(prefix, prefix + added)) {
                org.w3c.dom.Node b = build(doc, n);
                if (b != null) {
                    built.add(b);
                }
            }
            for (int i = 0; i < removed; i++) {
                at.removeChild(liveChildren.item(prefix));
            }
            for (org.w3c.dom.Node b : built) {
                at.insertBefore(b, before);
            }
            return true;
        }
    }

    /**
     * Whether two nodes of the prepared copies are the same, compared node by node and stopping at the
     * first difference. Serialising both (outerHtml) did the same job but escaped every sibling's whole
     * text at every level walked down, on the FX thread: tens of milliseconds a keystroke for an e-mail,
     * whose body sits several tables deep.
     */
    static boolean same(Node a, Node b) {
        if (a.getClass() != b.getClass()) {
            return false;
        }
        if (a instanceof TextNode t) {
            return t.getWholeText().equals(((TextNode) b).getWholeText());
        }
        if (a instanceof DataNode d) {
            return d.getWholeData().equals(((DataNode) b).getWholeData());
        }
        if (a instanceof Element e) {
            Element f = (Element) b;
            if (!e.tagName().equals(f.tagName()) || e.childNodeSize() != f.childNodeSize()
                    || !e.attributes().equals(f.attributes())) {
                return false;
            }
            for (int i = 0; i < e.childNodeSize(); i++) {
                if (!same(e.childNode(i), f.childNode(i))) {
                    return false;
                }
            }
            return true;
        }
        // Comments, doctypes: rare and small.
        return a.outerHtml().equals(b.outerHtml());
    }

    private static org.w3c.dom.Node build(org.w3c.dom.Document doc, Node n) {
        if (n instanceof TextNode t) {
            return doc.createTextNode(t.getWholeText());
        }
        if (n instanceof DataNode d) {
            return doc.createTextNode(d.getWholeData());
        }
        if (!(n instanceof Element e) || e.normalName().equals("script")) {
            return null;
        }
        org.w3c.dom.Element out = doc.createElement(e.tagName());
        for (Attribute a : e.attributes()) {
            String key = a.getKey().toLowerCase(Locale.ROOT);
            if (key.startsWith("on") || a.getValue().strip().toLowerCase(Locale.ROOT).startsWith("javascript:")) {
                continue;
            }
            out.setAttribute(a.getKey(), a.getValue());
        }
        for (Node child : e.childNodes()) {
            org.w3c.dom.Node c = build(doc, child);
            if (c != null) {
                out.appendChild(c);
            }
        }
        return out;
    }
}
