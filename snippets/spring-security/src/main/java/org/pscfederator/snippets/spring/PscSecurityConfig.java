package org.pscfederator.snippets.spring;

import java.nio.charset.StandardCharsets;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.endpoint.DefaultOAuth2TokenRequestParametersConverter;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Spring Security's OAuth2 login against PSC: code flow with PKCE and {@code acr_values=eidas1}, the code exchanged
 * over mutual TLS with the ORG certificate ({@code tls_client_auth}), the ID token and the signed userinfo verified
 * with the realm's JWKS. Every call to PSC goes through one HTTP client built on the SSL bundle named by
 * {@code psc.ssl-bundle}, which presents the certificate and trusts only the bundle's CAs.
 */
@Configuration
class PscSecurityConfig {

    /** The TLS of every call to PSC: the ORG certificate in the handshake, PSC's CAs trusted. */
    @Bean
    ClientHttpRequestFactory pscTls(PscProperties psc, SslBundles bundles) {
        return ClientHttpRequestFactoryBuilder.jdk()
                .build(ClientHttpRequestFactorySettings.ofSslBundle(bundles.getBundle(psc.sslBundle())));
    }

    @Bean
    RestClient pscRestClient(ClientHttpRequestFactory pscTls) {
        return RestClient.builder()
                .requestFactory(pscTls)
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                    converters.add(new StringHttpMessageConverter(StandardCharsets.UTF_8));
                    converters.add(new MappingJackson2HttpMessageConverter());
                })
                .build();
    }

    @Bean
    ClientRegistrationRepository clientRegistrations(PscProperties psc, RestClient pscRestClient) {
        return new InMemoryClientRegistrationRepository(PscClientRegistration.discover(psc, pscRestClient));
    }

    /** ID tokens: RS256, keys from the realm's JWKS fetched over the same TLS, Spring's OIDC checks. */
    @Bean
    JwtDecoderFactory<ClientRegistration> idTokenDecoderFactory(ClientHttpRequestFactory pscTls) {
        return registration -> {
            NimbusJwtDecoder decoder = jwksDecoder(registration, pscTls);
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
                    new OidcIdTokenValidator(registration)));
            decoder.setClaimSetConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverter());
            return decoder;
        };
    }

    @Bean
    SecurityFilterChain pscLogin(HttpSecurity http, ClientRegistrationRepository registrations,
            RestClient pscRestClient, ClientHttpRequestFactory pscTls) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver authorizationRequests = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        // PSC's one level of assurance; PKCE S256 and the nonce come from the registration and the openid scope.
        authorizationRequests.setAuthorizationRequestCustomizer(request -> request
                .additionalParameters(parameters -> parameters.put("acr_values", "eidas1")));

        RestClientAuthorizationCodeTokenResponseClient tokens = new RestClientAuthorizationCodeTokenResponseClient();
        tokens.setRestClient(pscRestClient.mutate().defaultStatusHandler(new OAuth2ErrorResponseErrorHandler()).build());
        // tls_client_auth: client_id in the form, the certificate in the handshake, no secret.
        tokens.setParametersConverter(new DefaultOAuth2TokenRequestParametersConverter<>());

        SignedUserInfoService userInfo = new SignedUserInfoService(pscRestClient,
                registration -> jwksDecoder(registration, pscTls));

        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2Login(login -> login
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests))
                        .tokenEndpoint(endpoint -> endpoint.accessTokenResponseClient(tokens))
                        .userInfoEndpoint(endpoint -> endpoint.oidcUserService(userInfo))
                        .failureHandler((request, response, failure) -> {
                            response.setStatus(401);
                            response.setContentType("text/plain;charset=UTF-8");
                            response.getWriter().println("PSC login refused: " + failure.getMessage());
                        }));
        return http.build();
    }

    /** Signatures by the realm's keys (RS256), its JWKS fetched over PSC's TLS. */
    private static NimbusJwtDecoder jwksDecoder(ClientRegistration registration, ClientHttpRequestFactory pscTls) {
        return NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .restOperations(new RestTemplate(pscTls))
                .build();
    }
}
