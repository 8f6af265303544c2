package io.glasslink.booking.site;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import io.glasslink.booking.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The customer site in a real headless Chromium (Debian's), with JavaScript switched off to prove
 * the core path needs none: a full booking from the first page to the confirmation and its .ics,
 * then a cancellation. Screenshots go to target/screenshots.
 */
class BookingSiteBrowserTest extends IntegrationTest {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SCREENSHOTS = Paths.get("target/screenshots");

    static final String AXE = axeSource();

    static Playwright playwright;
    static Browser browser;
    BrowserContext context;
    Page page;
    int shot;

    @BeforeAll
    static void launch() {
        assumeTrue(Files.isExecutable(CHROMIUM), "browser test skipped: /usr/bin/chromium is not installed "
                + "(apt-get install -y chromium chromium-driver)");
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void newPage() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        context = browser.newContext(new Browser.NewContextOptions()
                .setJavaScriptEnabled(false)
                .setAcceptDownloads(true)
                .setLocale("fr-FR")
                .setViewportSize(390, 844));
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void customerBooksAReplacementFromTheFirstPageToTheConfirmationWithoutJavaScript() throws Exception {
        String reference = book("browser-booking@example.com");
        Download ics = page.waitForDownload(() -> page.locator("#download-ics").click());
        String calendar = Files.readString(ics.path());
        assertThat(calendar).contains("BEGIN:VCALENDAR", "BEGIN:VEVENT", reference);
        assertThat(ics.suggestedFilename()).isEqualTo(reference + ".ics");
    }

    @Test
    void customerFindsTheBookingAndCancelsIt() throws Exception {
        String reference = book("browser-cancel@example.com");
        page.navigate(baseUrl() + "/manage");
        page.getByLabel("Référence").fill(reference);
        page.getByLabel("Adresse e-mail").fill("browser-cancel@example.com");
        page.locator("#find").click();
        assertThat(page.locator("#status")).hasText("Confirmé");
        screenshot("manage-found");
        page.locator("#cancel").click();
        assertThat(page.locator("#confirm-cancel-title")).hasText("Annuler ce rendez-vous ?");
        assertThat(GATEWAY.state("A-" + reference)).as("nothing is cancelled before the customer confirms")
                .isEqualTo("CONFIRMED");
        screenshot("manage-confirm-cancel");
        page.locator("#confirm-cancel").click();
        assertThat(page.locator("#message")).containsText("annulé");
        assertThat(page.locator("#status")).hasText("Annulé");
        screenshot("manage-cancelled");
        assertThat(GATEWAY.state("A-" + reference)).isEqualTo("CANCELLED");
    }

    @Test
    void wrongReferenceOrEmailIsToldPlainly() {
        page.navigate(baseUrl() + "/manage?lang=en");
        page.getByLabel("Reference").fill("GL-00000000");
        page.getByLabel("E-mail address").fill("nobody@example.com");
        page.locator("#find").click();
        assertThat(page.locator("#not-found")).containsText("No booking matches");
        screenshot("manage-not-found-en");
    }

    private String book(String email) throws Exception {
        page.navigate(baseUrl() + "/");
        screenshot("home");
        page.locator("#start-booking").click();

        page.getByLabel("Marque").fill("Renault");
        page.getByLabel("Modèle").fill("Clio");
        page.getByLabel("Année").fill("20x1");
        page.locator("#next").click();
        assertThat(page.locator("#year-error")).isVisible();
        screenshot("vehicle-error");
        page.getByLabel("Année").fill("2021");
        page.getByLabel("Immatriculation (facultatif)").fill("AB-123-CD");
        screenshot("vehicle");
        page.locator("#next").click();

        page.getByLabel("Une fissure").check();
        page.getByLabel("Plus petit qu'une pièce de 2 euros").check();
        page.getByLabel("Non").check();
        page.getByLabel("Nombre d'impacts").fill("1");
        screenshot("damage");
        page.locator("#next").click();

        assertThat(page.locator("#diagnosis")).containsText("Remplacement du pare-brise");
        assertThat(page.locator("#diagnosis")).containsText("recalibrée");
        screenshot("diagnosis");
        page.locator("#next").click();

        page.getByLabel("Dans un centre").check();
        page.getByLabel("Code postal").fill("75011");
        screenshot("where");
        page.locator("#next").click();

        page.locator(".slot input[type=radio]").first().check();
        screenshot("slots");
        page.locator("#next").click();

        page.getByLabel("Nom").fill("Ada Lovelace");
        page.getByLabel("Adresse e-mail").fill("not-an-email");
        page.getByLabel("Téléphone").fill("06 01 02 03 04");
        page.getByLabel("J'accepte d'être contacté(e) au sujet de ce rendez-vous").check();
        page.locator("#next").click();
        assertThat(page.locator("#email-error")).containsText("adresse e-mail valide");
        screenshot("contact-error");
        page.getByLabel("Adresse e-mail").fill(email);
        page.getByLabel("J'accepte d'être contacté(e) au sujet de ce rendez-vous").check();
        page.locator("#next").click();

        assertThat(page.locator("#status")).hasText("Confirmé");
        String reference = page.locator("#reference").textContent().trim();
        assertThat(reference).matches("GL-[0-9A-Z]{8}");
        screenshot("confirmation");
        return reference;
    }

    /** Keeps a screenshot of the page and checks it with axe-core: every page of the journey passes through here. */
    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", getClass().getSimpleName(), ++shot, name))));
        assertThat(axeViolations()).as("axe-core violations on " + name + " (" + page.url() + ")").isEqualTo("[]");
    }

    /**
     * The axe-core violations of the page as the customer got it. Pages run no script of their own and the journey
     * runs with JavaScript off, so the same HTML is served again at the same URL to a page with JavaScript on, where
     * axe-core (the script bundled in {@code com.deque.html.axe-core:selenium}) runs with the site's stylesheet
     * applied (colour contrast included).
     */
    private String axeViolations() {
        String html = page.content();
        String url = page.url();
        try (BrowserContext scripted = browser.newContext(new Browser.NewContextOptions()
                .setJavaScriptEnabled(true).setLocale("fr-FR").setViewportSize(390, 844))) {
            Page copy = scripted.newPage();
            copy.route(url::equals, route -> route.fulfill(new Route.FulfillOptions().setStatus(200)
                    .setContentType("text/html; charset=utf-8").setBody(html)));
            copy.navigate(url);
            copy.addScriptTag(new Page.AddScriptTagOptions().setContent(AXE));
            copy.evaluate("async () => { window.axeResults = await axe.run(document); }");
            Number passed = (Number) copy.evaluate("() => window.axeResults.passes.length");
            assertThat(passed.intValue()).as("axe-core ran its rules on " + url).isGreaterThan(10);
            return (String) copy.evaluate("() => JSON.stringify(window.axeResults.violations.map(v => ({id: v.id, "
                    + "impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))})))");
        }
    }

    private static String axeSource() {
        try (var in = BookingSiteBrowserTest.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            return new String(java.util.Objects.requireNonNull(in, "axe.min.js (com.deque.html.axe-core:selenium)")
                    .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
