package org.powerspec.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A table renders as aligned text, RFC 4180 CSV, a Markdown pipe table and a JSON array of string fields. */
class TableTest {
    private static final Table SMALL = new Table(List.of("p", "k", "coefficient"),
            List.of(List.of("2", "0", "1"), List.of("12", "10", "108056025")));

    @Test
    void textRightAlignsEachColumnToItsWidestCellWithTwoSpaces() {
        assertEquals("""
                 p   k  coefficient
                 2   0            1
                12  10    108056025
                """, SMALL.text());
        // every line is as long as the sum of the widths plus two spaces per gap
        for (String line : SMALL.text().lines().toList()) {
            assertEquals(2 + 2 + 11 + 2 * 2, line.length(), line);
        }
        assertEquals("a  bb\n", new Table(List.of("a", "bb"), List.of()).text(), "a header alone");
    }

    @Test
    void markdownIsAPipeTableWithPipesInCellsEscaped() {
        assertEquals("""
                | p | k | coefficient |
                |---|---|---|
                | 2 | 0 | 1 |
                | 12 | 10 | 108056025 |
                """, SMALL.markdown());
        String md = new Table(List.of("x"), List.of(List.of("|a|b|"))).markdown();
        assertEquals("| \\|a\\|b\\| |", md.lines().toList().get(2));
    }

    @Test
    void csvQuotesExactlyTheCellsThatNeedIt() {
        Table t = new Table(List.of("name", "value"), List.of(List.of("plain", "1.5"), List.of("a, b", "say \"hi\""),
                List.of("two\nlines", "")));
        assertEquals("name,value\nplain,1.5\n\"a, b\",\"say \"\"hi\"\"\"\n\"two\nlines\",\n", t.csv());
        assertEquals("p,k,coefficient\n2,0,1\n12,10,108056025\n", SMALL.csv(), "nothing to quote: nothing quoted");
    }

    @Test
    void csvReadsBackAsTheSameCells() {
        // an independent reader (RFC 4180: quoted fields, "" for a quote, separators and line breaks inside quotes)
        Random rnd = new Random(3);
        String alphabet = "ab ,\"\n;|x1";
        for (int trial = 0; trial < 200; trial++) {
            int cols = 1 + rnd.nextInt(4);
            List<String> header = new ArrayList<>();
            for (int c = 0; c < cols; c++) {
                header.add("h" + c);
            }
            List<List<String>> rows = new ArrayList<>();
            for (int r = rnd.nextInt(4); r > 0; r--) {
                List<String> row = new ArrayList<>();
                for (int c = 0; c < cols; c++) {
                    StringBuilder s = new StringBuilder();
                    for (int k = rnd.nextInt(6); k > 0; k--) {
                        s.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
                    }
                    row.add(s.toString());
                }
                rows.add(row);
            }
            Table t = new Table(header, rows);
            List<List<String>> all = new ArrayList<>();
            all.add(header);
            all.addAll(rows);
            assertEquals(all, readCsv(t.csv()), t.csv());
        }
    }

    /** RFC 4180 records, each ended by a line break. */
    private static List<List<String>> readCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                assertEquals(0, field.length(), "a quote opens a field only at its start");
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        assertTrue(!quoted && field.length() == 0 && record.isEmpty(), "ends with a complete record");
        return records;
    }

    @Test
    void jsonIsAnArrayOfObjectsWithStringFieldsInHeaderOrder() throws Exception {
        Table t = new Table(List.of("z", "a"), List.of(List.of("1", "say \"hi\""), List.of("", "λ")));
        JsonNode a = new ObjectMapper().readTree(t.json());
        assertTrue(a.isArray());
        assertEquals(2, a.size());
        Iterator<String> names = a.get(0).fieldNames();
        assertEquals("z", names.next());
        assertEquals("a", names.next());
        assertTrue(a.get(0).get("z").isTextual(), "a number stays a string");
        assertEquals("say \"hi\"", a.get(0).get("a").textValue());
        assertEquals("λ", a.get(1).get("a").textValue());
        assertEquals("", a.get(1).get("z").textValue());
        assertTrue(t.json().endsWith("]\n"));
        assertEquals("[ ]\n", new Table(List.of("x"), List.of()).json());
    }

    @Test
    void aRowOfTheWrongLengthIsRefusedAndTheTableIsACopy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Table(List.of("a", "b"), List.of(List.of("1", "2"), List.of("3"))));
        assertTrue(e.getMessage().contains("has 1 cells, header 2"), e.getMessage());
        List<String> header = new ArrayList<>(List.of("a"));
        List<List<String>> rows = new ArrayList<>(List.of(new ArrayList<>(List.of("1"))));
        Table t = new Table(header, rows);
        header.set(0, "changed");
        rows.get(0).set(0, "changed");
        assertEquals("a\n1\n", t.text());
    }
}
