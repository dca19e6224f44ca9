package org.levelfield.support

import org.openqa.selenium.By
import org.openqa.selenium.JavascriptExecutor
import org.openqa.selenium.Keys
import org.openqa.selenium.WebElement
import org.openqa.selenium.interactions.Actions

/**
 * A person going through pages in Chromium, with the mouse or with the keyboard alone. With the
 * keyboard, every action first moves the focus there with Tab (as a person would), then types,
 * presses Space (radios, checkboxes) or Enter (links, buttons); it fails if Tab never reaches it.
 * After every page it runs axe and records any WCAG 2.2 A/AA violation against the page.
 */
class Journey {

    final Browser browser
    final String base
    final boolean keyboard
    final Map<String, List<String>> violations = [:]
    final List<String> pages = []

    Journey(Browser browser, String base, boolean keyboard) {
        this.browser = browser
        this.base = base
        this.keyboard = keyboard
    }

    void open(String path) {
        browser.driver.get(base + path)
    }

    /** Runs axe on the page as it stands and keeps a screenshot. */
    void check(String name) {
        pages << name
        def found = browser.violations()
        if (!found.isEmpty()) violations[name] = found
        browser.screenshot("journey-${keyboard ? 'keys' : 'mouse'}-$name")
    }

    String text() {
        browser.driver.findElement(By.tagName("body")).text
    }

    String path() {
        new URI(browser.driver.currentUrl).path
    }

    void follow(String linkText) {
        navigate(browser.driver.findElement(By.xpath("//main//a[normalize-space(.)=${quote(linkText)}] | //nav//a[normalize-space(.)=${quote(linkText)}]")), Keys.ENTER)
    }

    void followPartial(String linkText) {
        navigate(browser.driver.findElement(By.partialLinkText(linkText)), Keys.ENTER)
    }

    void type(String id, String value) {
        WebElement field = browser.driver.findElement(By.id(id))
        if (keyboard) {
            focus(field)
            new Actions(browser.driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(Keys.DELETE).perform()
            keys(value)
        } else {
            field.clear()
            field.sendKeys(value)
        }
    }

    void pick(String id) {
        WebElement choice = browser.driver.findElement(By.id(id))
        if (keyboard && choice.getAttribute("type") == "radio") {
            // Tab stops once in a radio group; the arrow keys move to, and select, the others.
            focusGroup(choice.getAttribute("name"))
            for (int i = 0; i < 20 && browser.driver.switchTo().activeElement() != choice; i++) {
                keys(Keys.ARROW_DOWN)
            }
            assert browser.driver.switchTo().activeElement() == choice: "arrow keys never reached radio $id"
            if (!choice.selected) keys(Keys.SPACE)
        } else {
            act(choice, Keys.SPACE)
        }
    }

    /** Acts on a link or button that opens another page, and waits for it. */
    private void navigate(WebElement target, CharSequence key) {
        WebElement page = browser.driver.findElement(By.tagName("html"))
        act(target, key)
        // The old page is gone once its root element is stale (Chromium may also say the node left the document).
        long until = System.currentTimeMillis() + 15_000
        while (System.currentTimeMillis() < until) {
            try {
                page.tagName
                page.enabled
            } catch (org.openqa.selenium.WebDriverException gone) {
                return
            }
            Thread.sleep(50)
        }
        throw new AssertionError("the page did not change after the action, on ${browser.driver.currentUrl}")
    }

    private void focusGroup(String name) {
        ((JavascriptExecutor) browser.driver).executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
        for (int i = 0; i < 400; i++) {
            keys(Keys.TAB)
            def active = browser.driver.switchTo().activeElement()
            if (active.getAttribute("type") == "radio" && active.getAttribute("name") == name) return
        }
        throw new AssertionError("Tab never reached the radios '$name' on ${browser.driver.currentUrl}")
    }

    /** Signs in through the sign-in page, as a person would. */
    void signIn(String username, String password) {
        open("/sign-in")
        type("email", username)
        type("password", password)
        press("Sign in")
    }

    void press(String buttonText) {
        navigate(browser.driver.findElement(By.xpath("//main//button[normalize-space(.)=${quote(buttonText)}] | //body//button[normalize-space(.)=${quote(buttonText)}]")), Keys.ENTER)
    }

    void attach(String id, File file) {
        // A file chooser is the browser's own dialog; Selenium types the path into the focused file input.
        WebElement input = browser.driver.findElement(By.id(id))
        focus(input)
        input.sendKeys(file.absolutePath)
    }

    private void act(WebElement target, CharSequence key) {
        if (keyboard) {
            focus(target)
            keys(key)
        } else {
            ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", target)
            target.click()
        }
    }

    /** With the keyboard: Tab from the top of the page until the target has the focus. */
    private void focus(WebElement target) {
        if (!keyboard) return
        ((JavascriptExecutor) browser.driver).executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
        for (int i = 0; i < 400; i++) {
            keys(Keys.TAB)
            if (browser.driver.switchTo().activeElement() == target) return
        }
        throw new AssertionError("Tab never reached ${target.tagName} '${target.text ?: target.getAttribute('id')}' on ${browser.driver.currentUrl}")
    }

    private void keys(CharSequence... keys) {
        new Actions(browser.driver).sendKeys(keys).perform()
    }

    private static String quote(String s) {
        s.contains("'") ? "concat('" + s.replace("'", "', \"'\", '") + "')" : "'" + s + "'"
    }

    /** Whether the page's text can be read without scrolling sideways. */
    boolean fitsWidth() {
        ((JavascriptExecutor) browser.driver).executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1") as boolean
    }
}
