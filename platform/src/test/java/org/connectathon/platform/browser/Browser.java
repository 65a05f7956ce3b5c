package org.connectathon.platform.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.connectathon.platform.Fixtures;
import org.connectathon.platform.security.User;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
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
import org.springframework.test.context.junit.jupiter.SpringExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium driving the running platform like a person at a laptop: the
 * JUnit extension of every browser test, registered as
 * {@code @RegisterExtension static final Browser browser = new Browser();} next to
 * {@code @PlatformIntegrationTest}. One Chromium serves all the tests of a class, started
 * at the first and quit after the last; each test starts signed out.
 * <p>
 * Without Chromium the browser tests are skipped on a developer's machine; in CI (which
 * installs it) they fail instead, so that they can never silently stop running. A test
 * fails when Chromium reported that the pages' Content-Security-Policy refused something
 * on a page it visited: a page would then miss a script or a style.
 */
final class Browser implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private @Nullable WebDriver driver;

	private String baseUrl = "";

	private @Nullable WebDriverWait wait;

	@Override
	public void beforeEach(ExtensionContext context) {
		int port = SpringExtension.getApplicationContext(context)
			.getEnvironment()
			.getRequiredProperty("local.server.port", Integer.class);
		this.baseUrl = "http://localhost:" + port;
		if (this.driver == null) {
			this.driver = start();
			this.wait = waitUpTo(Duration.ofSeconds(10));
		}
		else {
			signOut();
		}
	}

	/**
	 * Fails the test when Chromium reported that the pages' Content-Security-Policy
	 * refused something on a page the test visited.
	 */
	@Override
	public void afterEach(ExtensionContext context) {
		if (this.driver == null) {
			return;
		}
		List<String> refused = this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter((message) -> message.contains("Content Security Policy"))
			.toList();
		assertThat(refused).as("what the Content-Security-Policy refused on the pages").isEmpty();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.driver != null) {
			this.driver.quit();
			this.driver = null;
		}
	}

	/**
	 * A wait that reads again when the page changed under it: Chromium answers "Node with
	 * given id does not belong to the document" for an element that a redirect or htmx
	 * replaced while it was read, which Selenium does not report as a stale element.
	 */
	private WebDriverWait waitUpTo(Duration timeout) {
		WebDriverWait wait = new WebDriverWait(this.driver, timeout);
		wait.ignoring(StaleElementReferenceException.class).ignoring(WebDriverException.class);
		return wait;
	}

	private static WebDriver start() {
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
		return new ChromeDriver(service, options);
	}

	/**
	 * Signs in on the sign-in page, with the password {@link Fixtures} gives every user.
	 */
	Browser signInAs(User user) {
		signOut();
		visit("/login");
		type(By.id("username"), user.username());
		type(By.id("password"), Fixtures.PASSWORD);
		click(By.id("sign-in"));
		this.wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		return this;
	}

	/**
	 * Leaves the page, which closes its live streams, and forgets the session, as a new
	 * visitor.
	 */
	void signOut() {
		if (this.driver.getCurrentUrl().startsWith(this.baseUrl)) {
			this.driver.manage().deleteAllCookies();
		}
		this.driver.get("about:blank");
	}

	Browser visit(String path) {
		this.driver.get(this.baseUrl + path);
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
		// read within the wait: htmx may replace the element between finding and reading
		// it
		return this.wait.until((driver) -> {
			WebElement element = driver.findElement(target);
			return element.isDisplayed() ? element.getText() : null;
		});
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
		waitUpTo(timeout).until(ExpectedConditions.textToBePresentInElementLocated(target, text));
	}

	String pageText() {
		return this.driver.findElement(By.tagName("body")).getText();
	}

	String currentPath() {
		return this.driver.getCurrentUrl().substring(this.baseUrl.length());
	}

	// Pages at a phone's width, what a page's script drew or the browser laid out, and
	// pictures of pages for the documentation.

	/**
	 * Resizes the window: a phone is about 390 by 844 pixels, the default 1280 by 900.
	 */
	void resize(int width, int height) {
		this.driver.manage().window().setSize(new Dimension(width, height));
	}

	/** Waits until an element is on the page, such as one a page's script adds. */
	WebElement present(By target) {
		return this.wait.until(ExpectedConditions.presenceOfElementLocated(target));
	}

	/** Runs a script in the page and answers its {@code return} value. */
	@Nullable Object script(String javascript, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(javascript, arguments);
	}

	/** Saves what the window shows as a PNG image. */
	void screenshot(Path file) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.write(file, ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException exception) {
			throw new UncheckedIOException(exception);
		}
	}

}
