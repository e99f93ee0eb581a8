package io.huitong.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.huitong.support.ApiTest;
import io.huitong.support.Browser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/**
 * The API description in real headless Chromium: swagger-ui opens, a person logs in with HTTP Basic (the
 * browser's prompt, answered here by the credentials in the address as a user would type them into it), sees
 * the operations, and authorizes with Basic through the ui's own dialog; the description itself stays behind
 * the login.
 */
class SwaggerUiBrowserTest extends ApiTest {

    static final By OPERATIONS = By.cssSelector(".opblock .opblock-summary");

    @LocalServerPort
    int port;

    @Test
    void swagger_ui_opens_behind_a_basic_login_and_lists_the_operations() {
        assertThat(get(null, "/v3/api-docs").getStatusCode()).as("the description needs a login")
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        try (Browser browser = Browser.start()) {
            try {
                browser.open("http://clerk:clerk@localhost:" + port + "/swagger-ui.html");
                browser.waitFor(d -> !d.findElements(OPERATIONS).isEmpty()
                        || d.getPageSource().contains("Failed to load"));
                assertThat(browser.text()).doesNotContain("Failed to load");
                List<String> operations = browser.all(OPERATIONS).stream().map(WebElement::getText)
                        .map(t -> t.replaceAll("\\s+", " ").strip()).toList();
                assertThat(operations).anyMatch(o -> o.startsWith("POST /api/tenders"))
                        .anyMatch(o -> o.startsWith("GET /api/tenders"));
                assertThat(browser.text()).contains("汇通 Huitong API");

                // the ui's own Basic authorization, as a person uses it to try operations
                browser.click(By.cssSelector(".auth-wrapper button.authorize"));
                browser.type(By.cssSelector(".auth-container input[type='text']"), "clerk");
                browser.type(By.cssSelector(".auth-container input[type='password']"), "clerk");
                browser.click(By.cssSelector(".auth-container button.authorize[type='submit']"));
                browser.find(By.xpath("//div[@class='auth-container']//button[normalize-space(.)='Logout']"));
                assertThat(browser.find(By.cssSelector(".auth-container")).getText()).contains("Authorized")
                        .contains("clerk");
            } catch (RuntimeException | AssertionError e) {
                browser.dump("swagger-ui");
                throw e;
            }
        }
    }
}
