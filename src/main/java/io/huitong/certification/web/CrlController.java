package io.huitong.certification.web;

import io.huitong.certification.DemoCertificateAuthority;
import io.huitong.shared.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "证书互认 CA trust list")
class CrlController {

    private final ObjectProvider<DemoCertificateAuthority> demoCa;

    CrlController(ObjectProvider<DemoCertificateAuthority> demoCa) {
        this.demoCa = demoCa;
    }

    @GetMapping("/public/ca/{id}/crl")
    @Operation(summary = "演示 CA 的证书吊销列表 The demo CA's CRL", description = "Anyone: the CRL (DER) of the demo "
            + "profile's CA, signed now and valid for a day; 404 for any other id and outside the demo profile.")
    ResponseEntity<byte[]> crl(@PathVariable String id) {
        DemoCertificateAuthority ca = demoCa.getIfAvailable();
        if (ca == null || !DemoCertificateAuthority.ID.equals(id)) {
            throw new NotFoundException("没有该 CA 的吊销列表 / No CRL of CA " + id + " here");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/pkix-crl")).body(ca.crl());
    }
}
