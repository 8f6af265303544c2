package io.glasslink.booking.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.glasslink.booking.bookings.Booking;
import io.glasslink.booking.bookings.BookingSagaTestSupport;
import io.glasslink.booking.bookings.BookingService;
import io.glasslink.booking.bookings.BookingStatus;
import io.glasslink.booking.support.FakeGateway;
import io.glasslink.booking.support.IntegrationTest;
import io.glasslink.booking.support.RawHttp;
import io.glasslink.booking.support.RawHttp.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web journey's findings of issue #14, over plain HTTP without JavaScript: the part named in French, distances
 * written the French way, a favicon, an error summary that reads as a sentence, the slot step grouped by day and by
 * centre in fieldsets, and a confirmation before a cancellation.
 */
class SitePagesTest extends IntegrationTest {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    BookingService bookings;

    @Test
    void theDiagnosisNamesThePartInFrenchFromTheCataloguesEnglishDescriptionAndInEnglishOnTheEnglishSite() {
        Answer fr = get("/book/diagnosis", journey(), "fr-FR");
        assertThat(fr.status()).isEqualTo(200);
        assertThat(fr.body()).contains("Pare-brise Renault Clio (2019-2026), teinte verte, bandeau supérieur gris, "
                + "capteur de pluie").doesNotContain("Windscreen");
        Answer en = get("/book/diagnosis?lang=en", journey(), "en");
        assertThat(en.body()).contains("Windscreen Renault Clio (2019-2026), green tint, grey top band, rain sensor");
    }

    @Test
    void theSlotStepGroupsTheSlotsByDayThenByCentreInFieldsetsWithFrenchDistances() {
        Answer slots = get("/book/slot", journey(), "fr-FR");
        assertThat(slots.status()).isEqualTo(200);
        String html = slots.body();
        Matcher days = Pattern.compile("<fieldset class=\"slot-day\">\\s*<legend>([^<]+)</legend>").matcher(html);
        int dayCount = 0;
        while (days.find()) {
            dayCount++;
            assertThat(days.group(1)).as("a day legend names the weekday").matches("(Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi) \\d{1,2} \\p{L}+");
        }
        assertThat(dayCount).isEqualTo(FakeGateway.SLOT_DAYS);
        assertThat(html).contains("<fieldset class=\"slot-centre\">");
        assertThat(html).containsPattern("\\([^()<]+, \\d+,\\d km\\)").doesNotContainPattern("\\d+\\.\\d km");
        // each time is one radio of the same form field, labelled by its time only: the day and centre are its groups
        assertThat(html).contains("name=\"slot\"").containsPattern("<label for=\"slot\\d+\">\\d\\d:\\d\\d</label>");
    }

    @Test
    void anErrorSummaryNamesTheFieldWithoutItsQuestion() {
        Map<String, String> form = journey();
        form.remove("inDriverView");
        Answer damage = get("/book/diagnosis", form, "fr-FR");
        assertThat(damage.body()).contains("Champ de vision du conducteur\u00a0: Choisissez une réponse.")
                .doesNotContain("conducteur ? :");
    }

    @Test
    void everyPageHasAFaviconAndItIsServed() {
        Answer icon = new RawHttp(baseUrl()).send("GET", "/favicon.ico", null);
        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.header("content-type")).containsAnyOf("image/x-icon", "image/vnd.microsoft.icon");
        for (String page : new String[] {"/", "/book/vehicle", "/manage"}) {
            assertThat(new RawHttp(baseUrl()).send("GET", page, null).body()).as(page)
                    .contains("<link rel=\"icon\" href=\"/favicon.ico\"");
        }
    }

    @Test
    void cancellingAsksForConfirmationFirstAndCancelsOnlyOnceConfirmed() {
        Booking booking = bookings.book(BookingSagaTestSupport.replacementAt(GATEWAY.slotStart(1, 14)));
        assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
        RawHttp http = new RawHttp(baseUrl());
        Answer manage = http.send("GET", "/manage", null, "Accept-Language", "fr-FR");
        Matcher csrf = CSRF.matcher(manage.body());
        assertThat(csrf.find()).isTrue();
        String cookie = manage.header("set-cookie").split(";")[0];
        Map<String, String> form = new LinkedHashMap<>();
        form.put("reference", booking.reference());
        form.put("email", "ada@example.com");
        form.put("_csrf", csrf.group(1));

        Answer asked = post(http, "/manage/cancel", form, cookie);
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.body()).contains("id=\"confirm-cancel\"", "name=\"confirmed\" value=\"true\"", "id=\"keep\"");
        assertThat(bookings.find(booking.reference()).orElseThrow().status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(GATEWAY.state(booking.appointmentId())).isEqualTo("CONFIRMED");

        form.put("confirmed", "true");
        Answer cancelled = post(http, "/manage/cancel", form, cookie);
        assertThat(cancelled.body()).contains("Votre rendez-vous est annulé.");
        assertThat(bookings.find(booking.reference()).orElseThrow().status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(GATEWAY.state(booking.appointmentId())).isEqualTo("CANCELLED");
    }

    private Answer get(String path, Map<String, String> form, String language) {
        String query = encode(form);
        return new RawHttp(baseUrl()).send("GET", path + (path.contains("?") ? "&" : "?") + query, null,
                "Accept-Language", language);
    }

    private static Answer post(RawHttp http, String path, Map<String, String> form, String cookie) {
        return http.send("POST", path, encode(form).getBytes(StandardCharsets.UTF_8), "Content-Type",
                "application/x-www-form-urlencoded", "Cookie", cookie, "Accept-Language", "fr-FR");
    }

    private static Map<String, String> journey() {
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
        return form;
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
