package io.glasslink.booking.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.glasslink.booking.BookingWebApplication;
import io.glasslink.booking.support.CuttableTcpProxy;
import io.glasslink.booking.support.RawHttp;
import io.glasslink.booking.support.TestIdentity;
import io.glasslink.testsupport.PostgresServer;
import io.glasslink.testsupport.TestClock;
import io.glasslink.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL unreachable (issue #13 D: the gateway answered 504 while it was down): the service answers within the
 * pool's connection timeout, well inside the gateway's 5 s route timeout for it, with a 503 problem+json and
 * Retry-After, and answers normally again once the database is back; a site page answers a browser with a French page
 * of the site instead (503, Retry-After), a caller asking for JSON with the problem. Its own context, whose database connections all
 * pass a proxy the test cuts (open connections reset, new ones refused, as when PostgreSQL stops).
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {BookingWebApplication.class, DatabaseUnreachableTest.BusinessTime.class}, properties = {
        "glasslink.booking.recovery-delay=PT1H",
        "glasslink.booking.gateway-url=http://127.0.0.1:9"})
class DatabaseUnreachableTest {

    static final PostgresServer PG = TestInfrastructure.postgres();
    static final CuttableTcpProxy PROXY = new CuttableTcpProxy(PG.host(), PG.port());
    static final TestClock CLOCK = TestClock.atSuiteStart();
    /** The gateway's route timeout for this service (gateway-service application.yml, BOOKING_WEB_RESPONSE_TIMEOUT_MS). */
    static final Duration GATEWAY_TIMEOUT = Duration.ofSeconds(5);

    @LocalServerPort
    int port;

    @TestConfiguration(proxyBeanMethods = false)
    static class BusinessTime {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        String url = PG.createDatabase("booking_db_unreachable");
        registry.add("spring.datasource.url", () -> url.replace(PG.host() + ":" + PG.port(), "127.0.0.1:" + PROXY.port()));
        registry.add("spring.datasource.username", PG::username);
        registry.add("spring.datasource.password", PG::password);
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("glasslink.identity.secret", TestIdentity::secret);
    }

    @AfterAll
    static void closeProxy() {
        PROXY.close();
    }

    @Test
    void withTheDatabaseUnreachableReadsAndListsAnswer503WithRetryAfterBeforeTheGatewayGivesUpThenWorkAgain() {
        RawHttp http = new RawHttp("http://localhost:" + port);
        String identity = TestIdentity.partner("P1", CLOCK);
        assertThat(http.send("GET", "/api/v1/bookings/GL-7K3M9QXA", null, "X-Glasslink-Identity", identity).status())
                .isEqualTo(404);

        PROXY.cut();
        try {
            for (String path : new String[] {"/api/v1/bookings/GL-7K3M9QXA", "/api/v1/bookings?page=0"}) {
                long t0 = System.nanoTime();
                RawHttp.Answer answer = http.send("GET", path, null, "X-Glasslink-Identity",
                        TestIdentity.partner("P1", CLOCK));
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                System.out.println("DatabaseUnreachableTest: " + path + " answered " + answer.status() + " in "
                        + took.toMillis() + " ms with the database unreachable");
                assertThat(answer.status()).as(path).isEqualTo(503);
                assertThat(answer.problem().get("type").asString()).endsWith("/unavailable");
                assertThat(answer.header("retry-after")).isNotBlank();
                assertThat(took).as(path + " answered inside the gateway's timeout").isLessThan(GATEWAY_TIMEOUT.minusSeconds(1));
            }
        } finally {
            PROXY.restore();
        }

        // a pooled connection the cut reset fails its next use (Hikari then evicts it), so right after the restore
        // a request may still get the same explicit 503; within seconds the service answers normally again
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        RawHttp.Answer after;
        do {
            after = http.send("GET", "/api/v1/bookings/GL-7K3M9QXA", null, "X-Glasslink-Identity",
                    TestIdentity.partner("P1", CLOCK));
            if (after.status() == 503) {
                assertThat(after.problem().get("type").asString()).endsWith("/unavailable");
                assertThat(after.header("retry-after")).isNotBlank();
            }
        } while (after.status() == 503 && System.nanoTime() < deadline);
        assertThat(after.status()).as("answered normally within 10 s of the restore").isEqualTo(404);
    }

    @Test
    void withTheDatabaseUnreachableASitePageAnswersABrowserWithAFrenchPageAndAJsonCallerWithTheProblem() {
        RawHttp http = new RawHttp("http://localhost:" + port);
        RawHttp.Answer form = http.send("GET", "/manage", null, "Accept", "text/html");
        assertThat(form.status()).isEqualTo(200);
        String session = form.header("set-cookie").split(";")[0];
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).as("the form carries its CSRF token").isTrue();
        byte[] find = ("reference=GL-7K3M9QXA&email=ada%40example.com&_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);

        PROXY.cut();
        try {
            RawHttp.Answer page = http.send("POST", "/manage", find, "Content-Type", "application/x-www-form-urlencoded",
                    "Cookie", session, "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
            assertThat(page.status()).isEqualTo(503);
            assertThat(page.header("content-type")).startsWith("text/html");
            assertThat(page.header("retry-after")).isEqualTo("5");
            assertThat(page.body()).as("a page of the site, in French, that needs no script")
                    .contains("lang=\"fr\"", "Service momentanément indisponible", "/css/site.css", "href=\"/manage\"")
                    .doesNotContain("<script", "Exception", "at io.glasslink", "\"type\"");

            RawHttp.Answer json = http.send("POST", "/manage", find, "Content-Type", "application/x-www-form-urlencoded",
                    "Cookie", session, "Accept", "application/json");
            assertThat(json.problem().get("type").asString()).endsWith("/unavailable");
            assertThat(json.status()).isEqualTo(503);
            assertThat(json.header("retry-after")).isEqualTo("5");

            RawHttp.Answer api = http.send("GET", "/api/v1/bookings/GL-7K3M9QXA", null, "Accept", "text/html,*/*;q=0.8",
                    "X-Glasslink-Identity", TestIdentity.partner("P1", CLOCK));
            assertThat(api.problem().get("type").asString()).as("the partner API keeps problem+json")
                    .endsWith("/unavailable");
        } finally {
            PROXY.restore();
        }
    }

}
