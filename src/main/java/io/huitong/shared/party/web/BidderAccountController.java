package io.huitong.shared.party.web;

import io.huitong.shared.party.BidderAccount;
import io.huitong.shared.party.BidderAccounts;
import io.huitong.shared.party.CreditCode;
import io.huitong.shared.security.Groups;
import io.huitong.shared.security.Operator;
import io.huitong.shared.web.BeanViolations;
import io.huitong.shared.web.NotFoundException;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "投标人账户 Bidder accounts", description = "投标人账户所属的市场主体 / The trading entity each bidder account acts for")
class BidderAccountController {

    private final BidderAccounts accounts;
    private final IdentityService identity;
    private final Validator validator;

    BidderAccountController(BidderAccounts accounts, IdentityService identity, Validator validator) {
        this.accounts = accounts;
        this.identity = identity;
        this.validator = validator;
    }

    record Binding(@NotBlank @CreditCode String creditCode, @NotBlank @Size(max = 300) String name) {
    }

    @GetMapping("/api/bidder-accounts")
    @Operation(summary = "投标人账户 Bidder accounts", description = "Administrators: every account and its entity.")
    List<BidderAccount> all() {
        return accounts.all();
    }

    @PutMapping("/api/bidder-accounts/{userId}")
    @Operation(summary = "绑定市场主体 Bind an account to its entity",
            description = "Administrators: the bidder account (a user of the bidder group) acts for this entity only: "
                    + "its bids, withdrawals, decryptions, e-guarantees and objections. 404 for no such user; 422 for "
                    + "a user outside the bidder group or an invalid credit code.")
    BidderAccount bind(@PathVariable String userId, @RequestBody Binding binding) {
        var invalid = new java.util.ArrayList<>(BeanViolations.of(validator.validate(binding)));
        if (identity.createUserQuery().userId(userId).count() == 0) {
            throw new NotFoundException("用户不存在 / No user " + userId);
        }
        if (identity.createUserQuery().userId(userId).memberOfGroup(Groups.BIDDER).count() == 0) {
            invalid.add(Violation.of("userId", "validation.bidder-account", null, Groups.BIDDER, userId,
                    "只有投标人组的用户可以绑定市场主体", "Only a user of the bidder group is bound to a trading entity"));
        }
        if (!invalid.isEmpty()) {
            throw new ValidationException(invalid);
        }
        return accounts.bind(userId, binding.creditCode(), binding.name().strip(), Operator.current().userId());
    }

    @GetMapping("/api/my/bidder-account")
    @Operation(summary = "本账户的市场主体 The caller's entity", description = "404 when the account is bound to none.")
    BidderAccount mine() {
        String user = Operator.current().userId();
        return accounts.of(user).orElseThrow(() -> new NotFoundException(
                "该账户未绑定市场主体 / The account is bound to no trading entity"));
    }
}
