package datasense;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by Selenium, headless, for the dashboard's browser tests. The browser and its driver are
 * the installed ones ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}; {@code .ci/run} installs them), so
 * Selenium Manager never tries to download either. Waits are bounded ({@link #until}); the browser's console is
 * kept so a test can assert the page logged no error.
 */
final class Browser implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    final ChromeDriver driver;

    Browser() {
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,800", "--lang=en-US", "--disable-extensions", "--no-first-run");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
    }

    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT, Duration.ofMillis(50)).until(condition);
    }

    WebElement visible(String css) {
        return until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The console's errors since the last call (SEVERE entries: script errors, failed loads, console.error). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::toString).toList();
    }

    /** A screenshot under target/screenshots/ and the console so far on stderr (kept when a test fails). */
    void screenshot(String name) {
        try {
            driver.manage().logs().get(LogType.BROWSER).getAll().forEach(e -> System.err.println("browser console: " + e));
            Path target = Path.of("target", "screenshots");
            Files.createDirectories(target);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            System.err.println("no screenshot of " + name + ": " + e);
        }
    }

    /** A picture of {@code element} (the whole window when null) written to {@code file}, for the documents. */
    void picture(WebElement element, Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (element == null) {
                Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
                return;
            }
            // a window tall enough for the whole element (at most 3,000 px), then back to 1280x800
            int height = element.getSize().getHeight();
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, Math.max(800, Math.min(3000, height + 200))));
            driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", element);
            try {
                // charts sized to their container draw again after the resize: wait until each has its marks
                until(d -> chartsDrawn(element));
                Files.copy(element.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** True when every Vega chart inside {@code element} is wider than 50 px and has drawn marks (bars, lines, points, cells). */
    boolean chartsDrawn(WebElement element) {
        return Boolean.TRUE.equals(driver.executeScript(
                "return [...arguments[0].querySelectorAll('figure.chart .vega svg')].every(svg => svg.getBoundingClientRect().width > 50 "
                        + "&& svg.querySelectorAll('.role-mark path, .role-mark line, .role-mark rect, .role-mark symbol').length > 0);", element));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
