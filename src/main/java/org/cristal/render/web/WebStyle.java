package org.cristal.render.web;

import org.cristal.render.common.BrandTheme;

/** The page's one style sheet: fixed rules over CSS custom properties that carry the brand. */
final class WebStyle {
    private WebStyle() {
    }

    // Colours that sit on top of brand colours are translucent greys, so they work on light and dark brands.
    // Text is never made translucent: a faded date on a light background fails WCAG contrast. Nor does
    // hovering a link change its colour: the accent is not checked against the background, so it marks
    // focus outlines only.
    private static final String RULES = """
            *,*::before,*::after{box-sizing:border-box}
            html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
            body{margin:0;background:var(--background);color:var(--text);font-family:var(--font-body);\
            font-size:1.125rem;line-height:1.65;overflow-wrap:break-word}
            .wrap{max-width:45rem;margin:0 auto;padding:0 1.25rem}
            .site-header{border-bottom:4px solid var(--primary)}
            .site-header .wrap{display:flex;align-items:center;min-height:4.5rem;padding-top:.75rem;\
            padding-bottom:.75rem}
            .brand{display:inline-flex;align-items:center;gap:.75rem;color:var(--link);text-decoration:none;\
            font-family:var(--font-heading);font-weight:700;font-size:1.25rem;line-height:1.2}
            .brand img{height:3rem;width:auto}
            main{padding-top:2rem;padding-bottom:3rem}
            h1,h2,h3,h4,h5,h6{font-family:var(--font-heading);color:var(--link);line-height:1.2;\
            margin:2.25rem 0 .75rem}
            h1{font-size:clamp(1.875rem,1.4rem + 2.2vw,2.75rem);color:var(--text);margin-top:0}
            h2{font-size:1.625rem}
            h3{font-size:1.3rem}
            h4,h5,h6{font-size:1.1rem}
            p,ul,ol,dl,blockquote,table,pre,figure{margin:0 0 1.25rem}
            .meta{font-size:.95rem}
            .lede{font-size:1.25rem;line-height:1.5}
            img{max-width:100%;height:auto}
            .hero{margin:1.5rem 0 2rem}
            .hero img{display:block;width:100%;border-radius:6px}
            a{color:var(--link);text-underline-offset:.15em}
            a:hover{text-decoration-thickness:.125em}
            :focus-visible{outline:3px solid var(--accent);outline-offset:2px}
            ul,ol{padding-left:1.5rem}
            li{margin:.35rem 0}
            li.task-list-item{list-style:none}
            blockquote{margin-left:0;margin-right:0;padding:.25rem 0 .25rem 1.25rem;\
            border-left:4px solid var(--accent);font-style:italic}
            blockquote p:last-child{margin-bottom:0}
            table{border-collapse:collapse;display:block;max-width:100%;overflow-x:auto;font-size:1rem}
            th,td{border:1px solid rgba(127,127,127,.35);padding:.5rem .75rem;text-align:left;vertical-align:top}
            th{background:rgba(127,127,127,.12)}
            code,pre{font-family:var(--font-mono);font-size:.9em}
            code{background:rgba(127,127,127,.15);padding:.1em .3em;border-radius:3px}
            pre{overflow-x:auto;padding:1rem;background:rgba(127,127,127,.12);border-radius:6px}
            pre code{background:none;padding:0}
            hr{border:0;border-top:1px solid rgba(127,127,127,.4);margin:2rem 0}
            .footnotes{font-size:.9rem}
            .img-missing{display:inline-block;padding:.75rem 1rem;border:2px dashed var(--accent);\
            border-radius:6px;font-style:italic;font-size:.95rem}
            .cta{margin:2.5rem 0}
            .button{display:inline-block;background:var(--button-background);color:var(--button-text);padding:.85rem 1.5rem;\
            border-radius:6px;font-weight:700;line-height:1.3;text-decoration:none}
            .button:hover,.button:focus{color:var(--button-text);text-decoration:underline}
            .site-footer{border-top:1px solid rgba(127,127,127,.35);padding:2rem 0 3rem;font-size:.95rem}
            .site-footer p{margin:0 0 .5rem}
            .site-footer address{font-style:normal}
            .footer-name{font-weight:700;font-family:var(--font-heading)}
            @media (max-width:30rem){body{font-size:1.0625rem}.lede{font-size:1.125rem}\
            .site-header .wrap{min-height:3.5rem}.brand img{height:2.25rem}.brand{font-size:1.1rem}}
            """;

    /**
     * The style sheet for a brand: its custom properties, then the fixed rules. Links, headings and the
     * button take their colours from {@code palette}, which has already passed the contrast checks.
     */
    static String css(BrandTheme t, WebChecks.Palette palette) {
        StringBuilder out = new StringBuilder(RULES.length() + 400);
        out.append(":root{--primary:").append(t.primary())
                .append(";--secondary:").append(t.secondary())
                .append(";--accent:").append(t.accent())
                .append(";--text:").append(t.text())
                .append(";--background:").append(t.background())
                .append(";--on-primary:").append(t.onPrimary())
                .append(";--link:").append(palette.link())
                .append(";--button-text:").append(palette.buttonText())
                .append(";--button-background:").append(palette.buttonBackground())
                .append(";--font-heading:").append(t.headingFont())
                .append(";--font-body:").append(t.bodyFont())
                .append(";--font-mono:").append(BrandTheme.MONO)
                .append("}\n").append(RULES);
        return out.toString();
    }
}
