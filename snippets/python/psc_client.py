"""A relying service of Pro Sante Connect in Python, with requests only.

Code flow with PKCE and CIBA in poll mode, both authenticating with the ORG AUTH_CLI certificate in mutual TLS
(tls_client_auth, RFC 8705), at the mutual-TLS endpoint aliases of PSC's discovery document. ID tokens and the signed
userinfo (application/jwt) are verified against the realm's JWKS: RS256 signature, issuer, audience, expiry, nonce,
and userinfo's subject against the ID token's.

    python3 psc_client.py login --issuer URL --client-id ID --cert CERT.pem --key KEY.pem --ca CA.pem \
        --redirect-uri http://localhost:3000/callback
    python3 psc_client.py ciba --issuer URL --client-id ID --cert CERT.pem --key KEY.pem --ca CA.pem \
        --id-nat 899700366240 --binding-message 47

Each prints the professional's PSC claims as one JSON line once they are verified; tokens are never printed.
"""

import argparse
import base64
import hashlib
import hmac
import http.server
import json
import secrets
import sys
import time
import urllib.parse

import requests

DISCOVERY = "/.well-known/wallet-openid-configuration"
CIBA_GRANT = "urn:openid:params:grant-type:ciba"
LEEWAY_SECONDS = 30


class PscError(Exception):
    """PSC refused a request, or an answer failed a check: nothing from it may be used."""


def session_with_certificate(cert_pem, key_pem, ca_bundle):
    """Every call to PSC presents the ORG certificate and trusts only PSC's CAs."""
    session = requests.Session()
    session.cert = (cert_pem, key_pem)
    session.verify = ca_bundle
    # Else REQUESTS_CA_BUNDLE or CURL_CA_BUNDLE from the environment would replace PSC's CAs; a proxy, if one is
    # needed, goes in session.proxies.
    session.trust_env = False
    return session


def discover(session, issuer):
    metadata = session.get(issuer + DISCOVERY, timeout=10).json()
    if metadata.get("issuer") != issuer:  # OpenID Connect Discovery 1.0 section 4.3
        raise PscError("discovery names issuer %r, not %r" % (metadata.get("issuer"), issuer))
    return metadata


def endpoint(metadata, name):
    """The mutual-TLS alias of an endpoint when discovery names one (RFC 8705 section 5), else the endpoint."""
    return metadata.get("mtls_endpoint_aliases", {}).get(name) or metadata[name]


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


# --- code flow with PKCE -------------------------------------------------------------------------------------------

def authorization_request(metadata, client_id, redirect_uri):
    """The authorization URL to send the browser to, and what the callback must be checked against."""
    verifier = b64url(secrets.token_bytes(32))
    request = {"state": secrets.token_urlsafe(16), "nonce": secrets.token_urlsafe(16), "verifier": verifier}
    query = urllib.parse.urlencode({
        "response_type": "code", "client_id": client_id, "redirect_uri": redirect_uri,
        "scope": "openid scope_all", "acr_values": "eidas1", "state": request["state"], "nonce": request["nonce"],
        "code_challenge": b64url(hashlib.sha256(verifier.encode("ascii")).digest()),
        "code_challenge_method": "S256"})
    return metadata["authorization_endpoint"] + "?" + query, request


def exchange_code(session, metadata, client_id, callback_query, request, redirect_uri):
    """The code of the callback for tokens: tls_client_auth, client_id in the form, no secret anywhere."""
    answer = urllib.parse.parse_qs(callback_query)
    if not hmac.compare_digest(answer.get("state", [""])[0], request["state"]):
        raise PscError("the callback's state is not this login's")
    if "error" in answer:
        raise PscError("PSC answered %s: %s" % (answer["error"][0], answer.get("error_description", [""])[0]))
    if "code" not in answer:
        raise PscError("the callback carries no code")
    return token_request(session, metadata, {
        "grant_type": "authorization_code", "code": answer["code"][0], "redirect_uri": redirect_uri,
        "code_verifier": request["verifier"], "client_id": client_id})


def token_request(session, metadata, form):
    response = session.post(endpoint(metadata, "token_endpoint"), data=form, timeout=30)
    body = response.json()
    if response.status_code != 200:
        raise OAuthError(body.get("error", "server_error"), body.get("error_description", ""))
    return body


class OAuthError(PscError):
    def __init__(self, error, description):
        super().__init__("%s: %s" % (error, description))
        self.error = error


# --- CIBA in poll mode ---------------------------------------------------------------------------------------------

def ciba(session, metadata, client_id, id_nat, binding_message, on_started=None):
    """Asks the professional's e-CPS app (login_hint = idNat) and polls the token endpoint until an answer."""
    response = session.post(endpoint(metadata, "backchannel_authentication_endpoint"), data={
        "client_id": client_id, "login_hint": id_nat, "binding_message": binding_message,
        "acr_values": "eidas1", "scope": "openid scope_all"}, timeout=30)
    started = response.json()
    if response.status_code != 200:
        raise OAuthError(started.get("error", "server_error"), started.get("error_description", ""))
    if on_started:
        on_started(started)
    interval = started.get("interval", 5)
    deadline = time.monotonic() + started["expires_in"]
    while time.monotonic() < deadline:
        time.sleep(interval)
        try:
            return token_request(session, metadata, {
                "grant_type": CIBA_GRANT, "auth_req_id": started["auth_req_id"], "client_id": client_id})
        except OAuthError as e:
            if e.error == "slow_down":  # CIBA Core 1.0 section 11: wait 5 s more from now on
                interval += 5
            elif e.error != "authorization_pending":
                raise
    raise PscError("the professional did not answer before the request expired")


# --- signed JWTs: ID token, userinfo -------------------------------------------------------------------------------

# DER prefix of a SHA-256 DigestInfo (RFC 8017 section 9.2, note 1).
SHA256_DIGEST_INFO = bytes.fromhex("3031300d060960864801650304020105000420")


def rs256_verifies(key, signing_input, signature):
    """RSASSA-PKCS1-v1_5 with SHA-256 (RFC 7518 section 3.3, RFC 8017 section 8.2.2), with the JWK's n and e."""
    n = int.from_bytes(b64url_decode(key["n"]), "big")
    e = int.from_bytes(b64url_decode(key["e"]), "big")
    size = (n.bit_length() + 7) // 8
    if size < 256 or len(signature) != size:  # 2048-bit keys at least
        return False
    s = int.from_bytes(signature, "big")
    if s >= n:
        return False
    encoded = pow(s, e, n).to_bytes(size, "big")
    digest_info = SHA256_DIGEST_INFO + hashlib.sha256(signing_input).digest()
    expected = b"\x00\x01" + b"\xff" * (size - len(digest_info) - 3) + b"\x00" + digest_info
    return hmac.compare_digest(encoded, expected)


def verified_claims(jwt, jwks, issuer, client_id, now=None):
    """The claims of a JWT signed with RS256 by a key of the JWKS, for this client, from this issuer, not expired."""
    parts = jwt.split(".")
    if len(parts) != 3:
        raise PscError("not a signed JWT")
    header = json.loads(b64url_decode(parts[0]))
    if header.get("alg") != "RS256":  # never "none", never a MAC keyed with a public key
        raise PscError("JWT algorithm %r refused (RS256 only)" % header.get("alg"))
    keys = [k for k in jwks["keys"] if k.get("kid") == header.get("kid") and k.get("kty") == "RSA"
            and k.get("use", "sig") == "sig"]
    if not keys:
        raise PscError("no key %r in PSC's JWKS" % header.get("kid"))
    if not rs256_verifies(keys[0], (parts[0] + "." + parts[1]).encode("ascii"), b64url_decode(parts[2])):
        raise PscError("JWT signature does not verify with PSC's key")
    claims = json.loads(b64url_decode(parts[1]))
    if claims.get("iss") != issuer:
        raise PscError("JWT from issuer %r, not %r" % (claims.get("iss"), issuer))
    audience = claims.get("aud")
    if client_id not in (audience if isinstance(audience, list) else [audience]):
        raise PscError("JWT for audience %r, not %r" % (audience, client_id))
    now = time.time() if now is None else now
    if "exp" in claims and claims["exp"] + LEEWAY_SECONDS < now:
        raise PscError("JWT expired")
    return claims


def professional(session, metadata, client_id, tokens, nonce=None):
    """The ID token and the signed userinfo, verified; the PSC claims of the professional."""
    jwks = session.get(metadata["jwks_uri"], timeout=10).json()
    id_token = verified_claims(tokens["id_token"], jwks, metadata["issuer"], client_id)
    if "exp" not in id_token:
        raise PscError("ID token without exp")
    if nonce is not None and not hmac.compare_digest(id_token.get("nonce", ""), nonce):
        raise PscError("ID token nonce is not this login's")
    response = session.get(endpoint(metadata, "userinfo_endpoint"), timeout=10,
                           headers={"Authorization": "Bearer " + tokens["access_token"],
                                    "Accept": "application/jwt"})
    if response.status_code != 200:
        raise PscError("userinfo answered HTTP %d" % response.status_code)
    if not response.headers.get("Content-Type", "").startswith("application/jwt"):
        raise PscError("userinfo is not signed (%s)" % response.headers.get("Content-Type"))
    userinfo = verified_claims(response.text.strip(), jwks, metadata["issuer"], client_id)
    if userinfo.get("sub") != id_token["sub"]:  # OpenID Connect Core 1.0 section 5.3.2
        raise PscError("userinfo is about another subject than the ID token")
    return {"idNat": userinfo.get("SubjectNameID"), "acr": id_token.get("acr"), "amr": id_token.get("amr"),
            "familyName": userinfo.get("family_name"), "givenName": userinfo.get("given_name"),
            "organization": userinfo.get("SubjectOrganization"), "roles": userinfo.get("SubjectRole")}


# --- command line --------------------------------------------------------------------------------------------------

def login(args, session, metadata):
    """Prints the URL to open, then serves the loopback redirect URI (RFC 8252 section 7.3) for one callback."""
    url, request = authorization_request(metadata, args.client_id, args.redirect_uri)
    redirect = urllib.parse.urlsplit(args.redirect_uri)
    outcome = {}

    class Callback(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            target = urllib.parse.urlsplit(self.path)
            if target.path != redirect.path:
                self.send_error(404)
                return
            try:
                tokens = exchange_code(session, metadata, args.client_id, target.query, request, args.redirect_uri)
                outcome["claims"] = professional(session, metadata, args.client_id, tokens, request["nonce"])
                self.answer(200, "Connexion reussie.")
            except PscError as e:
                outcome["error"] = str(e)
                self.answer(400, "Connexion refusee.")

        def answer(self, status, text):
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.end_headers()
            self.wfile.write(text.encode("utf-8"))

        def log_message(self, *ignored):  # the query holds the code: keep it out of the output
            pass

    with http.server.HTTPServer((redirect.hostname, redirect.port), Callback) as server:
        print("open: " + url, flush=True)
        while not outcome:
            server.handle_request()
    if "error" in outcome:
        raise PscError(outcome["error"])
    return outcome["claims"]


def main(argv=None):
    parser = argparse.ArgumentParser(description="A Pro Sante Connect relying service with requests.")
    parser.add_argument("command", choices=["login", "ciba"])
    parser.add_argument("--issuer", required=True, help="PSC's realm URL, the issuer of its tokens")
    parser.add_argument("--client-id", required=True)
    parser.add_argument("--cert", required=True, help="the ORG AUTH_CLI certificate, PEM")
    parser.add_argument("--key", required=True, help="its private key, PEM")
    parser.add_argument("--ca", required=True, help="the CAs to trust for PSC's server certificate, PEM")
    parser.add_argument("--redirect-uri", help="login: a loopback http redirect URI registered for the client")
    parser.add_argument("--id-nat", help="ciba: the professional's national identifier")
    parser.add_argument("--binding-message", help="ciba: the two digits shown on the professional's phone")
    args = parser.parse_args(argv)
    session = session_with_certificate(args.cert, args.key, args.ca)
    try:
        metadata = discover(session, args.issuer)
        if args.command == "login":
            claims = login(args, session, metadata)
        else:
            claims = ciba_claims(args, session, metadata)
    except (PscError, requests.RequestException) as e:
        print("psc_client: error: %s" % e, file=sys.stderr)
        return 1
    print(json.dumps(claims, ensure_ascii=False), flush=True)
    return 0


def ciba_claims(args, session, metadata):
    tokens = ciba(session, metadata, args.client_id, args.id_nat, args.binding_message,
                  on_started=lambda started: print("waiting: code %s on the phone of %s, %d s"
                                                   % (args.binding_message, args.id_nat, started["expires_in"]),
                                                   flush=True))
    return professional(session, metadata, args.client_id, tokens)


if __name__ == "__main__":
    sys.exit(main())
