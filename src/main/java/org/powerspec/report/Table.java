package org.powerspec.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A rectangular table of strings with a header, rendered as aligned text, CSV (RFC 4180 quoting), a Markdown pipe
 * table, or a JSON array of objects whose fields are the header's names and whose values are strings.
 *
 * @param header column names
 * @param rows   cells, one list per row, each as long as the header
 */
public record Table(List<String> header, List<List<String>> rows) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Table {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException("row " + r + " has " + r.size() + " cells, header " + header.size());
            }
        }
    }

    /** Columns right-aligned to their widest cell, separated by two spaces. */
    public String text() {
        int[] w = new int[header.size()];
        for (int c = 0; c < w.length; c++) {
            w[c] = header.get(c).length();
            for (List<String> r : rows) {
                w[c] = Math.max(w[c], r.get(c).length());
            }
        }
        StringBuilder s = new StringBuilder();
        appendAligned(s, header, w);
        for (List<String> r : rows) {
            appendAligned(s, r, w);
        }
        return s.toString();
    }

    private static void appendAligned(StringBuilder s, List<String> cells, int[] w) {
        for (int c = 0; c < w.length; c++) {
            if (c > 0) {
                s.append("  ");
            }
            s.append(" ".repeat(w[c] - cells.get(c).length())).append(cells.get(c));
        }
        s.append('\n');
    }

    public String csv() {
        StringBuilder s = new StringBuilder();
        s.append(csvLine(header));
        for (List<String> r : rows) {
            s.append(csvLine(r));
        }
        return s.toString();
    }

    private static String csvLine(List<String> cells) {
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                s.append(',');
            }
            String v = cells.get(c);
            if (v.contains(",") || v.contains("\"") || v.contains("\n")) {
                s.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                s.append(v);
            }
        }
        return s.append('\n').toString();
    }

    public String markdown() {
        StringBuilder s = new StringBuilder();
        s.append("| ").append(String.join(" | ", header)).append(" |\n");
        s.append("|").append("---|".repeat(header.size())).append('\n');
        for (List<String> r : rows) {
            s.append("| ").append(String.join(" | ", r.stream().map(v -> v.replace("|", "\\|")).toList())).append(" |\n");
        }
        return s.toString();
    }

    public String json() {
        ArrayNode array = JSON.createArrayNode();
        for (List<String> r : rows) {
            ObjectNode o = array.addObject();
            for (int c = 0; c < header.size(); c++) {
                o.put(header.get(c), r.get(c));
            }
        }
        try {
            return JSON.writeValueAsString(array) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
