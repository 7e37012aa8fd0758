package org.pscfederator.snippets.spring;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The logged-in professional, from the verified ID token and signed userinfo. */
@RestController
class ProfessionalController {

    @GetMapping("/")
    Map<String, Object> professional(@AuthenticationPrincipal OidcUser professional) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("idNat", professional.getIdToken().getClaimAsString("SubjectNameID"));
        shown.put("acr", professional.getIdToken().getClaimAsString("acr"));
        shown.put("familyName", professional.getUserInfo().getFamilyName());
        shown.put("givenName", professional.getUserInfo().getGivenName());
        shown.put("organization", professional.getUserInfo().getClaimAsString("SubjectOrganization"));
        shown.put("roles", professional.getUserInfo().getClaim("SubjectRole"));
        return shown;
    }
}
