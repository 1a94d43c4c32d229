package fr.assurancemaladie.rgpd.endtoend.portal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Playwright driving the system's Chromium ({@link SystemChromium}; Playwright's own browser download is switched
 * off), one browser context per person, axe-core on each page, and the screenshots the README shows.
 */
final class BrowserSession implements AutoCloseable {

    /** The rules of RGPD 4.1's reference, WCAG 2.1 levels A and AA. */
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private final Playwright playwright;
    private final Browser browser;
    private final Path screenshots;
    private final List<String> checkedPages = new ArrayList<>();

    BrowserSession(Path screenshots) throws IOException {
        Path chromium = SystemChromium.find();
        this.screenshots = Files.createDirectories(screenshots);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
                .setHeadless(true).setArgs(SystemChromium.FLAGS));
    }

    /** A new person at the keyboard: own cookies, French, a laptop's window. */
    Page newPerson() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR")
                .setTimezoneId("Europe/Paris").setViewportSize(1024, 768));
        context.setDefaultTimeout(20_000);
        return context.newPage();
    }

    /**
     * axe-core on the page as it is now: fails on any violation of impact serious or critical, naming the rule and
     * the elements.
     */
    void assertAccessible(Page page, String what) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG_21_AA).analyze();
        List<Rule> serious = results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact())).toList();
        checkedPages.add(what);
        assertTrue(serious.isEmpty(), () -> what + " (" + page.url() + "): axe-core finds " + serious.stream()
                .map(r -> r.getId() + " [" + r.getImpact() + "] on " + r.getNodes().stream().limit(3)
                        .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; ")));
    }

    /** The visible part of the page, as a small PNG for the README. */
    void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(name + ".png")));
    }

    List<String> checkedPages() {
        return checkedPages;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
