package io.huitong.certification.web;

import io.huitong.certification.TrustList;
import io.huitong.certification.TrustedCa;
import io.huitong.shared.security.Operator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "证书互认 CA trust list", description = "认可的电子认证服务机构及各省认可期 / Recognised CAs and the "
        + "periods each province recognises them")
class TrustListController {

    private final TrustList trustList;

    TrustListController(TrustList trustList) {
        this.trustList = trustList;
    }

    record CaRequest(String id, String name, String certificate) {
    }

    record RecognitionRequest(String province, LocalDate effectiveFrom, LocalDate effectiveTo, String basis) {
    }

    @GetMapping("/api/trusted-cas")
    @Operation(summary = "认可的 CA 名单 The trust list", description = "Any user: every recognised CA with its "
            + "certificate and, per province (GB/T 2260, two digits), the periods of recognition (K7, K8).")
    List<TrustedCa> all() {
        return trustList.all();
    }

    @GetMapping("/api/trusted-cas/{id}")
    @Operation(summary = "一个认可的 CA A CA of the trust list")
    TrustedCa get(@PathVariable String id) {
        return trustList.get(id);
    }

    @PostMapping("/api/trusted-cas")
    @Operation(summary = "加入认可的 CA Add a CA", description = "Administrators only (it decides for every "
            + "province): one CA certificate (PEM, basic constraints cA; keyCertSign if it has a key usage) under an "
            + "id; recognised nowhere until a province recognises it. 409 for an id or a certificate on the list "
            + "already; 422 for a malformed extension.")
    ResponseEntity<TrustedCa> add(@RequestBody CaRequest request) {
        TrustedCa ca = trustList.add(request.id(), request.name(), request.certificate(), Operator.current().userId());
        return ResponseEntity.created(URI.create("/api/trusted-cas/" + ca.id())).body(ca);
    }

    @PostMapping("/api/trusted-cas/{id}/recognitions")
    @Operation(summary = "某省认可该 CA A province recognises the CA", description = "Administrators "
            + "only (it decides for every province): from effectiveFrom to effectiveTo (both days included, China "
            + "time; no end: until further notice).")
    ResponseEntity<TrustedCa.Recognition> recognise(@PathVariable String id, @RequestBody RecognitionRequest request) {
        TrustedCa.Recognition r = trustList.recognise(id, request.province(), request.effectiveFrom(),
                request.effectiveTo(), request.basis(), Operator.current().userId());
        return ResponseEntity.created(URI.create("/api/trusted-cas/" + id + "/recognitions/" + r.id())).body(r);
    }

    @PutMapping("/api/trusted-cas/{id}/recognitions/{recognitionId}")
    @Operation(summary = "变更认可期 Change a recognition's period", description = "Administrators "
            + "only (it decides for every province): new first and last days (to end a recognition, or move its "
            + "start); the province stays.")
    TrustedCa.Recognition change(@PathVariable String id, @PathVariable String recognitionId,
            @RequestBody RecognitionRequest request) {
        return trustList.change(id, recognitionId, request.effectiveFrom(), request.effectiveTo(), request.basis(),
                Operator.current().userId());
    }
}
