package io.glasslink.observability;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression selects. A small lexer, not a parser: it skips strings, label matchers,
 * ranges, numbers and durations, and tells functions, aggregations and keywords from metric names by what
 * follows them. Expressions are assumed valid (promtool checks that).
 */
public final class PromQl {

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "bool", "offset", "inf", "nan", "atan2", "start", "end");

    /** Keywords followed by a parenthesised list of label names, not an expression. */
    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

    private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
            "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");

    private static final Pattern NAME_MATCHER = Pattern.compile("__name__\\s*=\\s*\"([^\"]+)\"");

    private PromQl() {
    }

    /** The metric names {@code expression} selects, sorted. */
    public static SortedSet<String> metricNames(String expression) {
        SortedSet<String> names = new TreeSet<>();
        String s = expression;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = afterString(s, i);
            } else if (c == '#') {
                int eol = s.indexOf('\n', i);
                i = eol < 0 ? s.length() : eol + 1;
            } else if (c == '{') {
                int end = closing(s, i, '{', '}');
                Matcher m = NAME_MATCHER.matcher(s.substring(i, end));
                if (m.find()) {
                    names.add(m.group(1));
                }
                i = end;
            } else if (c == '[') {
                i = closing(s, i, '[', ']');
            } else if (c == '$') {
                // a Grafana variable ($__rate_interval, ${var})
                i++;
                while (i < s.length() && (isNamePart(s.charAt(i)) || s.charAt(i) == '{' || s.charAt(i) == '}')) {
                    i++;
                }
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                i = afterNumber(s, i);
            } else if (isNameStart(c)) {
                int start = i;
                while (i < s.length() && isNamePart(s.charAt(i))) {
                    i++;
                }
                String word = s.substring(start, i);
                int next = skipSpace(s, i);
                char following = next < s.length() ? s.charAt(next) : 0;
                String lower = word.toLowerCase();
                if (LABEL_LISTS.contains(lower)) {
                    if (following == '(') {
                        i = closing(s, next, '(', ')');
                    }
                } else if (KEYWORDS.contains(lower)) {
                    // an operator or a literal: nothing selected
                } else if (following == '(') {
                    // a function or an aggregation's argument list
                } else if (AGGREGATIONS.contains(word) && startsWithWord(s, next, "by", "without")) {
                    // "sum by (x) (...)"
                } else {
                    names.add(word);
                }
            } else {
                i++;
            }
        }
        return names;
    }

    private static boolean startsWithWord(String s, int at, String... words) {
        for (String w : words) {
            if (s.startsWith(w, at) && (at + w.length() >= s.length() || !isNamePart(s.charAt(at + w.length())))) {
                return true;
            }
        }
        return false;
    }

    private static int afterString(String s, int at) {
        char quote = s.charAt(at);
        int i = at + 1;
        while (i < s.length() && s.charAt(i) != quote) {
            i += (s.charAt(i) == '\\' && quote != '`') ? 2 : 1;
        }
        return Math.min(i + 1, s.length());
    }

    /** The index after the bracket closing the one at {@code at}, strings inside skipped. */
    private static int closing(String s, int at, char open, char close) {
        int depth = 0;
        int i = at;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = afterString(s, i);
                continue;
            }
            if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    /** Numbers (0.95, 1e-3, 0x1f) and durations (5m, 1h30m). */
    private static int afterNumber(String s, int at) {
        int i = at;
        while (i < s.length()) {
            char c = s.charAt(i);
            boolean exponentSign = (c == '+' || c == '-') && i > at && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E')
                    && !s.startsWith("0x", at);
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static int skipSpace(String s, int at) {
        int i = at;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
