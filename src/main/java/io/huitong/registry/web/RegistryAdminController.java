package io.huitong.registry.web;

import io.huitong.registry.AuthorityChecks;
import io.huitong.registry.CheckKind;
import io.huitong.registry.ImportKind;
import io.huitong.registry.ImportResult;
import io.huitong.registry.RegistryCheck;
import io.huitong.registry.RegistryImport;
import io.huitong.registry.Source;
import io.huitong.shared.party.BidderAccounts;
import io.huitong.shared.security.Groups;
import io.huitong.shared.security.Operator;
import io.huitong.shared.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/registry")
@Tag(name = "交易主体库 Trading-entity registry")
class RegistryAdminController {

    private final AuthorityChecks checks;
    private final RegistryImport imports;
    private final BidderAccounts accounts;

    RegistryAdminController(AuthorityChecks checks, RegistryImport imports, BidderAccounts accounts) {
        this.checks = checks;
        this.imports = imports;
        this.accounts = accounts;
    }

    record CheckRequest(@NotEmpty @Size(max = 3) List<@NotNull CheckKind> kinds) {
    }

    @PostMapping("/entities/{creditCode}/checks")
    @Operation(summary = "核验主体 Check an entity against the authorities", description = "Centre clerks, admins: "
            + "BUSINESS_REGISTRATION (SAMR), QUALIFICATIONS, PERSONNEL (MOHURD); each check keeps the request, the "
            + "answer as received, its SHA-256 and signature; what the authority says replaces its earlier records and "
            + "the entity's own declarations of the same numbers. A check that failed is kept with its error.")
    ResponseEntity<List<RegistryCheck>> check(@PathVariable String creditCode, @Valid @RequestBody CheckRequest r) {
        List<RegistryCheck> done = checks.check(creditCode, r.kinds(), Operator.current().userId());
        return ResponseEntity.created(URI.create("/api/registry/entities/" + creditCode + "/checks")).body(done);
    }

    @GetMapping("/entities/{creditCode}/checks")
    @Operation(summary = "核验记录 The checks of an entity", description = "Centre and registration clerks, "
            + "supervisors, admins, and the entity's own accounts; newest first.")
    List<RegistryCheck> checks(@PathVariable String creditCode) {
        Operator operator = Operator.current();
        if (!operator.inAnyGroup(Groups.ADMIN, Groups.CENTRE_CLERK, Groups.REGISTRATION_CLERK, Groups.SUPERVISOR)
                && !accounts.actsFor(operator.userId(), creditCode)) {
            throw new AccessDeniedException("只有交易中心、监管部门和主体本身可查看核验记录 / Only the centre, supervisors "
                    + "and the entity itself see its checks");
        }
        return checks.checksOf(creditCode);
    }

    @PostMapping(path = "/imports/{kind}", consumes = {"text/csv"})
    @Operation(summary = "批量导入 Bulk import", description = "Administrators. The body is a CSV file (UTF-8, header "
            + "row; docs/registry.md) of entities, qualifications, personnel, performance or assignments; every row of "
            + "the given source (default SELF). A file with a bad row is refused whole (422, each row, field and reason), "
            + "nothing imported.")
    ResponseEntity<ImportResult> importFile(@PathVariable String kind,
            @RequestParam(defaultValue = "SELF") Source source, HttpServletRequest request) throws IOException {
        ImportKind what;
        try {
            what = ImportKind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("没有这种导入 / No import of " + kind + "; the kinds are entities, "
                    + "qualifications, personnel, performance, assignments");
        }
        Path file = Files.createTempFile("huitong-registry-import", ".csv");
        try {
            try (InputStream in = request.getInputStream()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            ImportResult result = imports.load(what, source, file, Operator.current().userId());
            return ResponseEntity.created(URI.create("/api/registry/imports/" + result.importId())).body(result);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
