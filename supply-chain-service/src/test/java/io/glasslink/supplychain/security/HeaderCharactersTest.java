package io.glasslink.supplychain.security;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The firewall's character rules give the verdicts of Spring Security's own expressions. */
class HeaderCharactersTest {

    // StrictHttpFirewall's expressions (spring-security-web 7.0)
    static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointIsJudgedAsByTheFirewallExpressions() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String s = "a" + new String(Character.toChars(cp)) + "b";
            assertThat(HeaderCharacters.isAssignedAndNotControl(s)).as("name U+%04X", cp).isEqualTo(NAME.matcher(s).matches());
            assertThat(HeaderCharacters.isHeaderValue(s)).as("value U+%04X", cp).isEqualTo(VALUE.matcher(s).matches());
        }
    }

    @Test
    void tokensTabsControlsLoneSurrogatesAndEmptyValues() {
        String[] samples = {"", "eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJnbGFzc2xpbmstZ2F0ZXdheSJ9.c2lnbmF0dXJl",
            "a\tb", "a\nb", "a\rb", "\u0000", "\u007f", "\u0085", "caf\u00e9", "\ud83d\ude00", "x\ud83d", "\ude00x",
            "\u0378", "\ufffe", "|"};
        for (String s : samples) {
            assertThat(HeaderCharacters.isAssignedAndNotControl(s)).as("name %s", s).isEqualTo(NAME.matcher(s).matches());
            assertThat(HeaderCharacters.isHeaderValue(s)).as("value %s", s).isEqualTo(VALUE.matcher(s).matches());
        }
        assertThat(HeaderCharacters.isHeaderValue("a\tb")).isTrue();
        assertThat(HeaderCharacters.isAssignedAndNotControl("a\tb")).isFalse();
        assertThat(HeaderCharacters.isHeaderValue("a\nb")).isFalse();
    }
}
