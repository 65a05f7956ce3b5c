package org.connectathon.platform.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium driving the running platform like a person at a laptop.
 * Without Chromium the browser tests are skipped on a developer's machine; in CI (which
 * installs it) they fail instead, so that they can never silently stop running. Closing
 * the browser fails the test when Chromium reported that the pages'
 * Content-Security-Policy refused something on a page it visited: a page would then miss
 * a script or a style.
 */
final class Browser implements AutoCloseable {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private final WebDriver driver;

	private final String baseUrl;

	private final WebDriverWait wait;

	private Browser(WebDriver driver, int port) {
		this.driver = driver;
		this.baseUrl = "http://localhost:" + port;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(10));
	}

	static Browser open(int port) {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!installed && System.getenv("CI") == null) {
			Assumptions.abort("Browser tests need Debian's chromium and chromium-driver (apt-get install chromium "
					+ "chromium-driver); .ci/run installs them");
		}
		assertThat(installed).as("chromium and chromedriver are installed").isTrue();
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--window-size=1280,900");
		LoggingPreferences console = new LoggingPreferences();
		console.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", console);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.build();
		return new Browser(new ChromeDriver(service, options), port);
	}

	Browser visit(String path) {
		this.driver.get(this.baseUrl + path);
		return this;
	}

	Browser signIn(String username, String password) {
		visit("/login");
		type(By.id("username"), username);
		type(By.id("password"), password);
		click(By.id("sign-in"));
		this.wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		return this;
	}

	void type(By field, String text) {
		WebElement element = this.wait.until(ExpectedConditions.visibilityOfElementLocated(field));
		element.clear();
		element.sendKeys(text);
	}

	/**
	 * Sets an input's value directly: date pickers take typed keys in the browser's
	 * locale order.
	 */
	void setValue(By field, String value) {
		((JavascriptExecutor) this.driver).executeScript("arguments[0].value = arguments[1];",
				this.driver.findElement(field), value);
	}

	void choose(By select, String value) {
		new Select(this.driver.findElement(select)).selectByValue(value);
	}

	void click(By target) {
		this.wait.until(ExpectedConditions.elementToBeClickable(target)).click();
	}

	String text(By target) {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(target)).getText();
	}

	String attribute(By target, String name) {
		return this.driver.findElement(target).getDomAttribute(name);
	}

	/**
	 * Waits until the element shows the text, as it may arrive later (htmx, redirects).
	 */
	void waitForText(By target, String text) {
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(target, text));
	}

	/** Waits longer, for work done in the background such as a TestScript run. */
	void waitForText(By target, String text, Duration timeout) {
		new WebDriverWait(this.driver, timeout).until(ExpectedConditions.textToBePresentInElementLocated(target, text));
	}

	String pageText() {
		return this.driver.findElement(By.tagName("body")).getText();
	}

	String currentPath() {
		return this.driver.getCurrentUrl().substring(this.baseUrl.length());
	}

	@Override
	public void close() {
		List<String> refused;
		try {
			refused = this.driver.manage()
				.logs()
				.get(LogType.BROWSER)
				.getAll()
				.stream()
				.map(LogEntry::getMessage)
				.filter((message) -> message.contains("Content Security Policy"))
				.toList();
		}
		finally {
			this.driver.quit();
		}
		assertThat(refused).as("what the Content-Security-Policy refused on the pages").isEmpty();
	}

}
