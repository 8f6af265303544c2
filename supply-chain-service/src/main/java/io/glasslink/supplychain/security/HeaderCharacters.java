package io.glasslink.supplychain.security;

/**
 * The character rules of Spring Security's {@code StrictHttpFirewall} for header names and values
 * (and parameter names), without its regular expressions: {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}
 * and, for header values, the same plus tab. Same verdicts (a test compares them over every code
 * point); printable ASCII is accepted at once, anything else is judged code point by code point as
 * the expressions do. The firewall checks every header a request reads, the identity token among
 * them (≈ 300 characters), and the expressions' per-character predicate chain cost a third of an
 * availability request's CPU.
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    /** Header or parameter name: every code point assigned and not a control character. */
    static boolean isAssignedAndNotControl(String s) {
        return check(s, false);
    }

    /** Header value: every code point assigned and not a control character, except tab. */
    static boolean isHeaderValue(String s) {
        return check(s, true);
    }

    private static boolean check(String s, boolean tabAllowed) {
        int length = s.length();
        int i = 0;
        while (i < length) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) { // printable ASCII: assigned, and not a control character
                i++;
                continue;
            }
            int codePoint = s.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tabAllowed && codePoint == '\t'))) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
