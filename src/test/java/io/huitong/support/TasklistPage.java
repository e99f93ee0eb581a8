package io.huitong.support;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Camunda Tasklist as a person uses it, in a real browser: log in, find a task, open it, claim, fill, complete. */
public final class TasklistPage {

    static final By TASKS = By.cssSelector("ol.tasks-list li.task h4.task a");
    static final By NO_TASK = By.cssSelector(".no-task");

    private final Browser browser;
    private final String base;

    public TasklistPage(Browser browser, int port) {
        this.browser = browser;
        this.base = "http://localhost:" + port + "/camunda/app/tasklist/default/";
    }

    /** Logs in through Tasklist's own form and waits for the task list. */
    public TasklistPage logIn(String user, String password) {
        browser.open(base);
        browser.type(By.cssSelector("input[name='username'], input#username, input[ng-model*='username']"), user);
        browser.type(By.cssSelector("input[type='password']"), password);
        browser.click(By.cssSelector("button[type='submit']"));
        waitForList();
        return this;
    }

    /** The list has loaded: tasks shown, or the notice that there are none. */
    private void waitForList() {
        browser.waitFor(d -> d.findElements(By.cssSelector(".tasks-list-container .loader, .loader")).stream()
                .noneMatch(WebElement::isDisplayed)
                && (!d.findElements(TASKS).isEmpty() || d.findElements(NO_TASK).stream().anyMatch(WebElement::isDisplayed)));
    }

    /** Back to the task list, logged in. */
    public TasklistPage home() {
        browser.open(base);
        waitForList();
        return this;
    }

    /** The names of the tasks listed. */
    public List<String> taskNames() {
        waitForList();
        return browser.all(TASKS).stream().map(WebElement::getText).map(String::strip).toList();
    }

    /**
     * The text of the list's entry that shows the given text (the variables its filter names, a tender's number
     * say), once the list shows it.
     */
    public String entryShowing(String text) {
        waitForList();
        By entries = By.cssSelector("ol.tasks-list li.task");
        browser.waitFor(d -> d.findElements(entries).stream().anyMatch(e -> e.getText().contains(text)));
        return browser.all(entries).stream().map(WebElement::getText).filter(t -> t.contains(text)).findFirst()
                .orElseThrow();
    }

    /** Opens a task by its id, as a link to it would. */
    public void openById(String taskId) {
        browser.open(base + "#/?task=" + taskId);
    }

    /** Opens a task by its id and waits for its form: other tests' tasks may share the list. */
    public TasklistPage openTask(String taskId) {
        openById(taskId);
        browser.find(By.cssSelector(".fjs-container, .fjs-form"));
        return this;
    }

    public String guide() {
        return browser.find(By.cssSelector("textarea[id$='-guide']")).getAttribute("value");
    }

    public TasklistPage claim() {
        browser.click(By.cssSelector("button.claim"));
        browser.waitFor(d -> d.findElements(By.cssSelector("button.claim")).isEmpty());
        return this;
    }

    public TasklistPage tick(String key) {
        browser.click(By.cssSelector("input.fjs-input[type='checkbox'][id$='-" + key + "']"));
        return this;
    }

    public TasklistPage fill(String key, String value) {
        browser.type(By.cssSelector("[id$='-" + key + "'].fjs-input, textarea[id$='-" + key + "']"), value);
        return this;
    }

    /** Chooses an option of a select field by the text shown. */
    public TasklistPage choose(String key, String option) {
        browser.click(By.cssSelector("[id$='-" + key + "-display']"));
        browser.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and contains(normalize-space(.),'" + option
                + "')]"));
        return this;
    }

    public void complete() {
        dismissNotifications();
        browser.click(By.cssSelector("button[ng-click='complete()']"));
    }

    /** Closes the notifications shown (they cover the form's buttons). */
    public void dismissNotifications() {
        for (WebElement close : browser.all(By.cssSelector(".page-notifications button.close"))) {
            if (close.isDisplayed()) {
                close.click();
            }
        }
    }

    /** The texts of the notifications shown (successes and errors). */
    public String notifications() {
        return browser.all(By.cssSelector(".page-notifications .notification, .notifications .alert")).stream()
                .map(WebElement::getText).reduce("", (a, b) -> a + "\n" + b);
    }

    public Browser browser() {
        return browser;
    }
}
