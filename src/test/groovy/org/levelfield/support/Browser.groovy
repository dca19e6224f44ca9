package org.levelfield.support

import com.deque.html.axecore.results.Results
import com.deque.html.axecore.selenium.AxeBuilder
import org.openqa.selenium.Dimension
import org.openqa.selenium.OutputType
import org.openqa.selenium.TakesScreenshot
import org.openqa.selenium.chrome.ChromeDriver
import org.openqa.selenium.chrome.ChromeDriverService
import org.openqa.selenium.chrome.ChromeOptions

import java.nio.file.Files
import java.nio.file.Path

/**
 * Debian's Chromium, headless, driven by its chromedriver (both installed by .ci/run; Selenium
 * Manager never downloads a browser), with axe-core for WCAG 2.2 A/AA checks.
 */
class Browser {

    static final List<String> WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

    final ChromeDriver driver
    final Path profile = Files.createTempDirectory("levelfield-chromium-")

    Browser(int width = 1000) {
        def options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=$profile".toString())
        def service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build()
        driver = new ChromeDriver(service, options)
        driver.manage().window().size = new Dimension(width, 900)
    }

    /** The WCAG 2.2 A/AA violations axe finds on the page as it stands, as "rule: what" lines. */
    List<String> violations() {
        Results results = new AxeBuilder().withTags(WCAG).analyze(driver)
        results.violations.collect { v -> "${v.id}: ${v.help} (${v.nodes*.target.join(', ')})".toString() }
    }

    /** The whole page as a picture, for a person to look at (the window grows to the page's height while it is taken). */
    /** A picture of every element the selector finds (a chart, a table), one file each, to read them where a whole page is too tall. */
    List<Path> screenshotsOf(String name, org.openqa.selenium.By selector) {
        def files = []
        driver.findElements(selector).eachWithIndex { element, i ->
            Path file = Path.of("target", "screenshots", "${name}-${i}.png")
            Files.createDirectories(file.parent)
            Files.write(file, element.getScreenshotAs(OutputType.BYTES))
            files << file
        }
        files
    }

    Path screenshot(String name) {
        Path file = Path.of("target", "screenshots", name + ".png")
        Files.createDirectories(file.parent)
        Dimension before = driver.manage().window().size
        long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue()
        driver.manage().window().size = new Dimension(before.width, (int) Math.min(Math.max(height + 140, before.height), 6000))
        try {
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES))
        } finally {
            driver.manage().window().size = before
        }
        file
    }

    void quit() {
        driver.quit()
        profile.toFile().deleteDir()
    }
}
