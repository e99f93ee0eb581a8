package io.huitong.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium, driven by the chromedriver Debian installs beside it (Selenium's own driver download
 * cannot reach the internet here). Without them the browser tests are skipped with a message saying so, unless
 * {@code HUITONG_REQUIRE_BROWSER=true} (as in CI) makes them mandatory.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("HUITONG_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("HUITONG_CHROMEDRIVER",
            "/usr/bin/chromedriver"));

    private final WebDriver driver;
    private final WebDriverWait wait;

    private Browser(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // Tasklist re-renders its lists: an element read while it is replaced is read again
        this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    /** Starts Chromium, or skips the test (fails it where a browser is required). */
    public static Browser start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "browser tests skipped: no Chromium at " + CHROMIUM + " or chromedriver at " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver; CI installs them)";
            if ("true".equalsIgnoreCase(System.getenv("HUITONG_REQUIRE_BROWSER"))) {
                throw new AssertionError(why.replace("skipped", "required"));
            }
            Assumptions.abort(why);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options));
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public void click(By by) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'})", element);
        element.click();
    }

    public void type(By by, String text) {
        WebElement element = find(by);
        element.clear();
        element.sendKeys(text);
    }

    public void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        wait.until(condition);
    }

    public String source() {
        return driver.getPageSource();
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public WebDriver driver() {
        return driver;
    }

    /** Keeps what the page showed, for a failing test's report. */
    public void dump(String name) {
        try {
            Path dir = Path.of("target", "browser");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".html"), driver.getPageSource());
            Files.write(dir.resolve(name + ".png"),
                    ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (Exception e) {
            // a dump is a courtesy; the test's own assertion says what failed
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
