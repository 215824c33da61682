package io.jfaust;

import java.util.List;

/**
 * Faust's command-line tables (terminaltables' {@code AsciiTable}, as {@code faust tables} prints without a tty): the
 * title in the top border, a header row, a rule, the rows, a bottom rule.
 */
final class AsciiTable {
    private AsciiTable() {}

    static String render(String title, List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        String rule = rule(widths);
        // terminaltables writes the title over the top border, after the corner, when it fits
        sb.append(title.length() + 2 <= rule.length() ? "+" + title + rule.substring(title.length() + 1) : rule)
                .append('\n');
        line(sb, header, widths);
        sb.append(rule).append('\n');
        for (List<String> row : rows) {
            line(sb, row, widths);
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

    private static void line(StringBuilder sb, List<String> cells, int[] widths) {
        sb.append('|');
        for (int i = 0; i < widths.length; i++) {
            String c = cells.get(i);
            sb.append(' ').append(c).append(" ".repeat(widths[i] - c.length())).append(" |");
        }
        sb.append('\n');
    }
}
