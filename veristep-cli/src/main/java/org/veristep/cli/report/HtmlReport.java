package org.veristep.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A self-contained HTML report: one file with inline CSS and inline SVG charts, no script and no
 * external resource, so it opens offline and can be attached to a paper's supplementary material.
 */
public final class HtmlReport {
    private final String title;
    private final StringBuilder body = new StringBuilder();

    public HtmlReport(String title) {
        this.title = title;
    }

    /** Adds a section heading. */
    public HtmlReport heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    /** Adds a paragraph of plain text. */
    public HtmlReport paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /**
     * Adds a table.
     *
     * @param header column titles
     * @param rows rows of cells, each as long as {@code header}
     */
    public HtmlReport table(List<String> header, List<List<String>> rows) {
        body.append("<table><thead><tr>");
        header.forEach(h -> body.append("<th>").append(escape(h)).append("</th>"));
        body.append("</tr></thead><tbody>\n");
        for (List<String> row : rows) {
            body.append("<tr>");
            row.forEach(c -> body.append("<td>").append(escape(c)).append("</td>"));
            body.append("</tr>\n");
        }
        body.append("</tbody></table>\n");
        return this;
    }

    /** Adds a chart given as an SVG element (see {@link Charts}). */
    public HtmlReport chart(String svg, String caption) {
        body.append("<figure class=\"chart\">").append(svg);
        if (caption != null) body.append("<figcaption>").append(escape(caption)).append("</figcaption>");
        body.append("</figure>\n");
        return this;
    }

    /**
     * Adds a heatmap of counts as a coloured table (darker = more).
     *
     * @param rowLabels labels of the rows (e.g. true first-error position), indexed like {@code counts}
     * @param colLabels labels of the columns (e.g. predicted position), indexed like {@code counts[r]}
     */
    public HtmlReport heatmap(
            String caption,
            String rowAxis,
            String colAxis,
            List<String> rowLabels,
            List<String> colLabels,
            int[][] counts) {
        int max = 1;
        for (int[] row : counts) for (int c : row) max = Math.max(max, c);
        body.append("<figure class=\"heatmap\"><table><thead><tr><th>")
                .append(escape(rowAxis))
                .append(" \\ ")
                .append(escape(colAxis))
                .append("</th>");
        colLabels.forEach(c -> body.append("<th>").append(escape(c)).append("</th>"));
        body.append("</tr></thead><tbody>\n");
        for (int r = 0; r < counts.length; r++) {
            body.append("<tr><th>").append(escape(rowLabels.get(r))).append("</th>");
            for (int c = 0; c < counts[r].length; c++) {
                double f = Math.sqrt((double) counts[r][c] / max);
                int shade = (int) Math.round(255 - 200 * f);
                String fg = f > 0.6 ? "#fff" : "#000";
                String bg = r == c
                        ? "rgb(" + shade + "," + (int) Math.round(255 - 120 * f) + "," + shade + ")"
                        : "rgb(" + (int) Math.round(255 - 60 * f) + "," + shade + "," + shade + ")";
                body.append("<td style=\"background:")
                        .append(bg)
                        .append(";color:")
                        .append(fg)
                        .append("\">")
                        .append(counts[r][c])
                        .append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody></table><figcaption>").append(escape(caption)).append("</figcaption></figure>\n");
        return this;
    }

    /** Adds the provenance object as a definition list. */
    public HtmlReport provenance(JsonNode provenance) {
        body.append("<h2>Provenance</h2><dl class=\"provenance\">");
        for (Iterator<Map.Entry<String, JsonNode>> it = provenance.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            body.append("<dt>").append(escape(e.getKey())).append("</dt><dd>");
            body.append(escape(
                    e.getValue().isValueNode()
                            ? e.getValue().asText()
                            : e.getValue().toString()));
            body.append("</dd>");
        }
        body.append("</dl>\n");
        return this;
    }

    /** {@return the whole HTML document} */
    public String render() {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title>\n<style>" + CSS + "</style></head>\n<body><h1>" + escape(title) + "</h1>\n" + body
                + "</body></html>\n";
    }

    /** Writes the document atomically (temporary file, then move). */
    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, render(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** {@return text with the five HTML special characters escaped} */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}
            h1{font-size:1.6em;border-bottom:2px solid #1f77b4;padding-bottom:.3em}
            h2{font-size:1.2em;margin-top:1.6em}
            table{border-collapse:collapse;margin:.6em 0;font-size:.92em}
            th,td{border:1px solid #ccc;padding:.3em .6em;text-align:right}
            th{background:#f3f6fa}
            td:first-child,th:first-child{text-align:left}
            figure{margin:1em 0;display:inline-block;vertical-align:top}
            figure.chart svg{border:1px solid #e4e4e4}
            figcaption{font-size:.85em;color:#555;max-width:640px}
            dl.provenance{display:grid;grid-template-columns:max-content auto;gap:.2em 1em;font-size:.9em}
            dt{font-weight:600}dd{margin:0;font-family:ui-monospace,monospace;word-break:break-all}
            """;
}
