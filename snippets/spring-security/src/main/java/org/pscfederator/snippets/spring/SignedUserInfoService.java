package org.pscfederator.snippets.spring;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * PSC's userinfo is a signed JWT ({@code application/jwt}), which Spring's {@code OidcUserService} cannot read (it
 * expects JSON). This service fetches it with the ORG certificate (the access token is bound to it, RFC 8705
 * section 3), verifies it with the realm's JWKS and checks its issuer, audience and subject (OpenID Connect Core 1.0
 * section 5.3.2) before any claim is used.
 */
final class SignedUserInfoService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final MediaType JWT = MediaType.parseMediaType("application/jwt");

    private final RestClient tls;
    private final JwtDecoderFactory<ClientRegistration> userInfoDecoders;

    SignedUserInfoService(RestClient tls, JwtDecoderFactory<ClientRegistration> userInfoDecoders) {
        this.tls = tls;
        this.userInfoDecoders = userInfoDecoders;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        ClientRegistration registration = request.getClientRegistration();
        ResponseEntity<String> response;
        try {
            response = tls.get().uri(registration.getProviderDetails().getUserInfoEndpoint().getUri())
                    .headers(headers -> headers.setBearerAuth(request.getAccessToken().getTokenValue()))
                    .accept(JWT).retrieve().toEntity(String.class);
        } catch (RestClientException e) {
            throw refused("userinfo request failed: " + e.getMessage());
        }
        MediaType type = response.getHeaders().getContentType();
        if (type == null || !JWT.isCompatibleWith(type) || response.getBody() == null) {
            throw refused("userinfo is not a signed JWT (" + response.getHeaders().get(HttpHeaders.CONTENT_TYPE) + ")");
        }
        return user(request, response.getBody().strip());
    }

    /** The user of this signed userinfo, once verified; refused otherwise. */
    OidcUser user(OidcUserRequest request, String signedUserInfo) {
        ClientRegistration registration = request.getClientRegistration();
        Map<String, Object> claims;
        try {
            claims = userInfoDecoders.createDecoder(registration).decode(signedUserInfo).getClaims();
        } catch (JwtException e) {
            throw refused("userinfo signature or claims refused: " + e.getMessage());
        }
        if (!registration.getProviderDetails().getIssuerUri().equals(String.valueOf(claims.get("iss")))) {
            throw refused("userinfo from another issuer");
        }
        Object audience = claims.get("aud");
        if (!(audience instanceof List<?> list ? list.contains(registration.getClientId())
                : registration.getClientId().equals(audience))) {
            throw refused("userinfo for another audience");
        }
        if (!request.getIdToken().getSubject().equals(claims.get("sub"))) {
            throw refused("userinfo about another subject than the ID token");
        }
        OidcUserInfo userInfo = new OidcUserInfo(claims);
        return new DefaultOidcUser(Set.of(new OidcUserAuthority(request.getIdToken(), userInfo),
                new SimpleGrantedAuthority("ROLE_PROFESSIONAL")), request.getIdToken(), userInfo,
                registration.getProviderDetails().getUserInfoEndpoint().getUserNameAttributeName());
    }

    private static OAuth2AuthenticationException refused(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error("invalid_user_info_response", description, null));
    }
}
