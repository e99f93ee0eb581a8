package io.huitong.shared.party;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentityNumbersTest {

    @Test
    void the_check_character_of_gb_11643_is_checked() {
        // the example of GB 11643-1999, its check character X
        assertThat(IdentityNumbers.isValid("11010519491231002X")).isTrue();
        assertThat(IdentityNumbers.withCheck("11010519491231002")).isEqualTo("11010519491231002X");
        assertThat(IdentityNumbers.isValid("110105194912310021")).isFalse();
        assertThat(IdentityNumbers.isValid("11010519491231002x")).as("upper-case X only").isFalse();
        assertThat(IdentityNumbers.isValid("1101051949123100")).isFalse();
        assertThat(IdentityNumbers.isValid(null)).isFalse();
    }
}
