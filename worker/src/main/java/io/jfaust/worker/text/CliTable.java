package io.jfaust.worker.text;

import io.jfaust.serdes.FaustJson;
import io.jfaust.serdes.JsonFlavor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Faust's command-line tables: {@code terminaltables.AsciiTable} as Faust draws it when the output is not a
 * terminal (the title set into the top border, a rule under the headers), or with {@code --json} Faust's
 * {@code json.dumps([dict(zip(headers, row)) ...])}.
 */
public final class CliTable {
    private CliTable() {}

    /** The table of {@code rows} under {@code headers}, titled, or its JSON when {@code json}. */
    public static String render(String title, List<String> headers, List<List<String>> rows, boolean json) {
        if (json) {
            List<Map<String, String>> out = new ArrayList<>();
            for (List<String> row : rows) {
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < headers.size(); i++) {
                    m.put(headers.get(i), row.get(i));
                }
                out.add(m);
            }
            return dumps(out);
        }
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        all.addAll(rows);
        return ascii(title, all, true);
    }

    /** Python's {@code json.dumps(obj)}: {@code ", "} and {@code ": "} separators, non-ASCII escaped. */
    public static String dumps(Object value) {
        return FaustJson.of(JsonFlavor.ROBINHOOD).dumpsString(value);
    }

    /** terminaltables' {@code AsciiTable(data, title).table}; {@code heading}: a rule under the first row. */
    public static String ascii(String title, List<List<String>> data, boolean heading) {
        int columns = data.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> row : data) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        String rule = rule(widths);
        StringBuilder sb = new StringBuilder();
        sb.append(withTitle(rule, title)).append('\n');
        for (int r = 0; r < data.size(); r++) {
            sb.append('|');
            for (int i = 0; i < columns; i++) {
                String cell = i < data.get(r).size() ? data.get(r).get(i) : "";
                sb.append(' ').append(cell).append(" ".repeat(widths[i] - cell.length())).append(" |");
            }
            sb.append('\n');
            if (r == 0 && heading && data.size() > 1) {
                sb.append(rule).append('\n');
            }
        }
        return sb.append(rule).toString();
    }

    private static String rule(int[] widths) {
        StringBuilder sb = new StringBuilder("+");
        for (int w : widths) {
            sb.append("-".repeat(w + 2)).append('+');
        }
        return sb.toString();
    }

    /** The title overlaid on the top border after its corner, when it fits (terminaltables drops it otherwise). */
    private static String withTitle(String rule, String title) {
        if (title == null || title.isEmpty() || title.length() > rule.length() - 2) {
            return rule;
        }
        return "+" + title + rule.substring(1 + title.length());
    }
}
