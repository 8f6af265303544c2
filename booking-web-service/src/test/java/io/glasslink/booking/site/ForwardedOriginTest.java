package io.glasslink.booking.site;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.glasslink.booking.support.IntegrationTest;
import io.glasslink.booking.support.RawHttp;
import io.glasslink.booking.support.RawHttp.Answer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind the gateway the customer stays on the gateway's origin: "Confirmer le rendez-vous" redirects to a path the
 * browser resolves against the origin it used, whatever Host the gateway forwards, and no page links to this
 * service's own host and port — with the X-Forwarded-* headers and with the standard Forwarded header.
 */
class ForwardedOriginTest extends IntegrationTest {

    static final String ORIGIN = "https://shop.example.test";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void theConfirmationRedirectKeepsTheCustomersOriginWithXForwardedHeaders() {
        bookBehindTheGateway("xf@example.com", "X-Forwarded-Host", "shop.example.test", "X-Forwarded-Proto", "https",
                "X-Forwarded-Port", "443");
    }

    @Test
    void theConfirmationRedirectKeepsTheCustomersOriginWithTheForwardedHeader() {
        bookBehindTheGateway("fwd@example.com", "Forwarded", "for=203.0.113.7;proto=https;host=shop.example.test");
    }

    @Test
    void withoutForwardedHeadersTheRedirectStillNamesNoHostOfThisService() {
        // the request's Host names this service, as when the gateway forwards no X-Forwarded-*
        Answer start = new RawHttp(baseUrl()).send("GET", "/book", null);
        assertThat(start.status()).isEqualTo(302);
        assertThat(start.header("location")).isEqualTo("/book/vehicle");
    }

    private void bookBehindTheGateway(String email, String... forwarded) {
        RawHttp http = new RawHttp(baseUrl());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("make", "Renault");
        form.put("model", "Clio");
        form.put("year", "2021");
        form.put("damageType", "CRACK");
        form.put("damageSize", "SMALLER_THAN_2_EURO_COIN");
        form.put("inDriverView", "false");
        form.put("impacts", "1");
        form.put("postcode", "75011");
        form.put("mode", "CENTRE");
        form.put("slot", "C326|" + GATEWAY.slotStart(1, 14));
        Answer contact = http.send("GET", "/book/contact?" + encode(form), null, forwarded);
        assertThat(contact.status()).isEqualTo(200);
        assertNoOwnOrigin(contact.body());
        Matcher csrf = CSRF.matcher(contact.body());
        assertThat(csrf.find()).as("the contact step carries a CSRF token").isTrue();
        String cookie = contact.header("set-cookie").split(";")[0];

        form.put("name", "Ada Lovelace");
        form.put("email", email);
        form.put("phone", "0601020304");
        form.put("consent", "true");
        form.put("_csrf", csrf.group(1));
        String[] headers = with(forwarded, "Content-Type", "application/x-www-form-urlencoded", "Cookie", cookie);
        Answer confirm = http.send("POST", "/book", encode(form).getBytes(StandardCharsets.UTF_8), headers);
        assertThat(confirm.status()).isIn(302, 303);
        String location = confirm.header("location");
        assertThat(location).matches("/book/confirmation/GL-[0-9A-Z]{8}");
        URI landing = URI.create(ORIGIN).resolve(location);
        assertThat(landing.toString()).startsWith(ORIGIN + "/book/confirmation/GL-");

        Answer confirmation = http.send("GET", landing.getRawPath(), null, with(forwarded, "Cookie", cookie));
        assertThat(confirmation.status()).isEqualTo(200);
        assertThat(confirmation.body()).contains(location.substring(location.lastIndexOf('/') + 1));
        assertNoOwnOrigin(confirmation.body());
    }

    private void assertNoOwnOrigin(String html) {
        assertThat(html).doesNotContain("localhost:" + port).doesNotContain("127.0.0.1:" + port)
                .doesNotContain("http://localhost");
    }

    private static String[] with(String[] forwarded, String... more) {
        String[] all = new String[forwarded.length + more.length];
        System.arraycopy(forwarded, 0, all, 0, forwarded.length);
        System.arraycopy(more, 0, all, forwarded.length, more.length);
        return all;
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
