package org.pscfederator.it.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through its chromedriver: a professional's browser with a throw-away profile
 * asking for pages in one language. Tests call {@link #assumeInstalled()} first: skipped, saying why, when Chromium
 * is not installed, a failure when PSC_REQUIRE_CHROMIUM=true (CI installs it).
 */
public final class Chromium implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CERTUTIL = Path.of("/usr/bin/certutil");
    private static final Path PK12UTIL = Path.of("/usr/bin/pk12util");
    /** A phone's width (CSS pixels) and a desktop's, for the screenshots. */
    public static final int PHONE = 390;
    public static final int DESKTOP = 1280;

    private final WebDriver driver;

    private Chromium(WebDriver driver) {
        this.driver = driver;
    }

    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
        if (!installed && "true".equals(System.getenv("PSC_REQUIRE_CHROMIUM"))) {
            throw new AssertionError("Chromium is required (PSC_REQUIRE_CHROMIUM=true) but " + BINARY + " or "
                    + DRIVER + " is missing: apt-get install -y chromium chromium-driver");
        }
        Assumptions.assumeTrue(installed, "Chromium not installed here (" + BINARY + ", " + DRIVER
                + "): apt-get install -y chromium chromium-driver to run the real-browser tests");
    }

    /** A browser whose requests ask for this language first ({@code fr} or {@code en}), at a desktop's width. */
    public static Chromium start(String language) throws IOException {
        return start(language, Map.of(), Map.of());
    }

    /**
     * A browser with a CPS card in its reader: the card's PKCS#12 (password 1234, as the sandbox's) imported into the
     * NSS certificate store of a home folder of its own (Chromium on Linux reads {@code ~/.pki/nssdb}), and the
     * profile told to present it to this origin without asking ({@code auto_select_certificate}, what the
     * AutoSelectCertificateForUrls policy sets). Skipped without NSS's tools, a failure when
     * PSC_REQUIRE_CHROMIUM=true.
     */
    public static Chromium startWithCard(String language, Path p12, String origin) throws IOException,
            InterruptedException {
        boolean tools = Files.isExecutable(CERTUTIL) && Files.isExecutable(PK12UTIL);
        if (!tools && "true".equals(System.getenv("PSC_REQUIRE_CHROMIUM"))) {
            throw new AssertionError("NSS's tools are required (PSC_REQUIRE_CHROMIUM=true) but " + PK12UTIL
                    + " is missing: apt-get install -y libnss3-tools");
        }
        Assumptions.assumeTrue(tools, "NSS's tools not installed (" + PK12UTIL + "): apt-get install -y "
                + "libnss3-tools to put a card in Chromium");
        Path home = Files.createTempDirectory("psc-chromium-home");
        Path nssdb = Files.createDirectories(home.resolve(".pki/nssdb"));
        run(CERTUTIL.toString(), "-N", "-d", "sql:" + nssdb, "--empty-password");
        run(PK12UTIL.toString(), "-i", p12.toString(), "-d", "sql:" + nssdb, "-W", "1234", "-K", "");
        Map<String, Object> select = Map.of(origin + ",*", Map.of("setting", Map.of("filters", List.of(Map.of()))));
        return start(language, Map.of("HOME", home.toString()),
                Map.of("profile.content_settings.exceptions.auto_select_certificate", select));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static Chromium start(String language, Map<String, String> environment, Map<String, Object> morePrefs)
            throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        // The sandbox's server certificate comes from its own test PKI, which this throw-away profile does not know.
        options.setAcceptInsecureCerts(true);
        String region = "fr".equals(language) ? "fr-FR" : "en-GB";
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=" + region,
                "--window-size=" + DESKTOP + ",900", "--hide-scrollbars",
                "--user-data-dir=" + Files.createTempDirectory("psc-chromium"));
        Map<String, Object> prefs = new LinkedHashMap<>();
        prefs.put("intl.accept_languages", region + "," + language);
        prefs.putAll(morePrefs);
        options.setExperimentalOption("prefs", prefs);
        // The console, to see that no script or style of a page was blocked by its Content-Security-Policy.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .withEnvironment(environment).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return new Chromium(driver);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Waits until an element of this id is on the page (20 s), the page's source in the message otherwise. */
    public WebElement waitFor(String id) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage(() -> "no #" + id + " on " + driver
                .getCurrentUrl() + ":\n" + driver.getPageSource())
                .until(d -> !d.findElements(By.id(id)).isEmpty());
        return driver.findElement(By.id(id));
    }

    /** The id of the focused element ("" when it has none, "body" when nothing is focused). */
    public String focused() {
        Object id = script("var e = document.activeElement; return e === document.body ? 'body' : (e.id || '');");
        return String.valueOf(id);
    }

    /** Presses these keys on whatever has the focus, as a keyboard does. */
    public void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /**
     * On PSC's login page, by keyboard alone: Tab to the e-CPS tab, the right arrow to the card's, Tab to its button,
     * Enter; fails if the focus does not go where a keyboard user expects it.
     */
    public void loginWithCardByKeyboard() {
        tabTo("psc-tab-ecps", 10);
        press(Keys.ARROW_RIGHT);
        expectFocus("psc-tab-card");
        press(Keys.TAB);
        expectFocus("psc-login-card");
        press(Keys.ENTER);
    }

    private void expectFocus(String id) {
        if (!id.equals(focused())) {
            throw new AssertionError("the focus is on #" + focused() + ", not #" + id + ", on "
                    + driver.getCurrentUrl());
        }
    }

    /**
     * Presses Tab until the element of this id has the focus, and returns the ids focused on the way (the focus
     * order); fails if it takes more than {@code most} presses.
     */
    public List<String> tabTo(String id, int most) {
        java.util.ArrayList<String> order = new java.util.ArrayList<>();
        for (int i = 0; i < most; i++) {
            press(Keys.TAB);
            order.add(focused());
            if (id.equals(focused())) {
                return order;
            }
        }
        throw new AssertionError("#" + id + " not reached with " + most + " Tab presses; focus went " + order
                + " on " + driver.getCurrentUrl());
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Sets the viewport (not the window) to this width in CSS pixels. */
    public void width(int width) {
        driver.manage().window().setSize(new Dimension(width, 900));
        long inner = ((Number) script("return window.innerWidth;")).longValue();
        if (inner != width) {
            driver.manage().window().setSize(new Dimension((int) (2L * width - inner), 900));
        }
    }

    /**
     * A full-page screenshot at this width, saved as {@code <psc.screenshots>/<name>-<width>.png}; the window goes
     * back to a desktop's width afterwards.
     */
    public Path screenshot(String name, int width) throws IOException {
        width(width);
        long height = ((Number) script("return Math.max(document.documentElement.scrollHeight, "
                + "document.body.scrollHeight);")).longValue();
        Dimension size = driver.manage().window().getSize();
        long chrome = size.getHeight() - ((Number) script("return window.innerHeight;")).longValue();
        driver.manage().window().setSize(new Dimension(size.getWidth(), (int) (height + chrome)));
        Path folder = Path.of(System.getProperty("psc.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        Path file = folder.resolve(name + "-" + width + ".png");
        Path shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.move(shot, file, StandardCopyOption.REPLACE_EXISTING);
        width(DESKTOP);
        return file;
    }

    /**
     * What the console logged since the last call that a page's author must fix: errors, CSP refusals. One is left
     * out: Keycloak itself writes a {@code history.replaceState} script into every page that answers a form post
     * (its BrowserHistoryHelper, on {@code login-actions/} URLs); the policy blocks it, and the page works without
     * it (docs/login-pages.md).
     */
    public List<String> consoleProblems() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()
                        || entry.getMessage().contains("Content Security Policy"))
                .map(LogEntry::getMessage)
                .filter(message -> !(message.contains("/login-actions/") && message.contains("Executing inline script")))
                .toList();
    }

    /** True when the page is wider than the viewport (WCAG 1.4.10: it should reflow instead). */
    public boolean scrollsSideways() {
        return (Boolean) script("return document.documentElement.scrollWidth > window.innerWidth;");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
