"""The snippet's JWT checks, with a test key of its own: what verifies and, above all, what must not."""

import json
import time
import unittest

import psc_client

# A 2048-bit RSA key made for this test only (e = 65537).
N = 0xdcc7040a474f248db3acc5b2440e60f5886c75ffa006bc80614ccd7998b67268d2b2a937f905160f5085e140ad9950b201d2055894aaad666cf72b2489fa83f5fa6afbe253cf2eece1c2f96d5e8e1e030498dad44c51761b84eb29371935ad97c0d7404286dff94b6e3153a7d6bd3b1f8b03c3cd02958d13ff87454b3337dc206990a3b65683d94f9eb3f639c721cb143295beba2668cd1b2da689f3b0669d37910531790e0ce04b5f338f263095b106eecfb5981a5a7c621f92b0c9d86c3573c74311aa0608cb592d1b0dea006b1a979016230da6d2002ebe164e8cf54d20362f6bd529c233572e3e3f00d58738fd44a76740631bcaed605eec0f902f220e8b
D = 0x4e357208f219e7290b6d38db5da07a58806b6ba1925ed087e9effb1a082f197868ab41a6c2603ae051f61b457e39c18c4d78c8cc085e2def0acac44dbd53314c01d9c440f8cf7c200e19b3a23accbd74f43bf1c922fff886e71f270a8db3a63b0be534ae5c791b26cd724be03901efdfccaf18bd971cc34d4247f9141aa0bf2953c8f20306c2e5b505360b1fe00cd3cb0ab89ee9eda21622a1fd45f643ecc18724ef8b72cf3eea986cd0a06ed67afac934ad81e0352bdf67c16aa40d3d5d297d45e30b6403b394bdd6f3939244b5c810b4f0abddb879c63bbcaf28fa3d5546a5cbea2e9e7edb8b414e77ee0ab656b48abdddf6ff83f1571c4b45615f6eb60801
E = 65537
ISSUER = "https://localhost:8443/auth/realms/esante-wallet"
CLIENT = "my-service"


def int_b64(value):
    return psc_client.b64url(value.to_bytes((value.bit_length() + 7) // 8, "big"))


JWKS = {"keys": [{"kty": "RSA", "kid": "k1", "use": "sig", "alg": "RS256", "n": int_b64(N), "e": int_b64(E)}]}


def signed(claims, header=None, d=D):
    header = header or {"alg": "RS256", "kid": "k1", "typ": "JWT"}
    signing_input = (psc_client.b64url(json.dumps(header).encode()) + "."
                     + psc_client.b64url(json.dumps(claims).encode()))
    size = (N.bit_length() + 7) // 8
    digest_info = psc_client.SHA256_DIGEST_INFO + psc_client.hashlib.sha256(signing_input.encode()).digest()
    encoded = b"\x00\x01" + b"\xff" * (size - len(digest_info) - 3) + b"\x00" + digest_info
    signature = pow(int.from_bytes(encoded, "big"), d, N).to_bytes(size, "big")
    return signing_input + "." + psc_client.b64url(signature)


def claims(**changes):
    values = {"iss": ISSUER, "aud": CLIENT, "sub": "f:x:899700366240", "exp": int(time.time()) + 120,
              "SubjectNameID": "899700366240"}
    values.update(changes)
    return values


class VerifiedClaimsTest(unittest.TestCase):

    def test_a_token_signed_by_the_realms_key_for_this_client_verifies(self):
        self.assertEqual(psc_client.verified_claims(signed(claims()), JWKS, ISSUER, CLIENT)["SubjectNameID"],
                         "899700366240")
        self.assertEqual(psc_client.verified_claims(signed(claims(aud=["other", CLIENT])), JWKS, ISSUER, CLIENT)
                         ["SubjectNameID"], "899700366240")

    def test_a_changed_payload_is_refused(self):
        header, _, signature = signed(claims()).split(".")
        forged = psc_client.b64url(json.dumps(claims(SubjectNameID="899700218896")).encode())
        self.assert_refused(header + "." + forged + "." + signature, "signature")

    def test_a_signature_by_another_key_is_refused(self):
        self.assert_refused(signed(claims(), d=D - 2), "signature")

    def test_alg_none_and_hs256_are_refused(self):
        _, payload, _ = signed(claims()).split(".")
        for alg in ("none", "HS256"):
            header = psc_client.b64url(json.dumps({"alg": alg, "kid": "k1"}).encode())
            self.assert_refused(header + "." + payload + ".", "algorithm")

    def test_an_unknown_key_id_is_refused(self):
        self.assert_refused(signed(claims(), header={"alg": "RS256", "kid": "k2"}), "no key")

    def test_another_issuer_another_audience_or_an_expired_token_is_refused(self):
        self.assert_refused(signed(claims(iss="https://evil.example/auth/realms/esante-wallet")), "issuer")
        self.assert_refused(signed(claims(aud="another-service")), "audience")
        self.assert_refused(signed(claims(exp=int(time.time()) - 3600)), "expired")

    def test_what_is_not_a_jwt_is_refused(self):
        self.assert_refused("not-a-jwt", "not a signed JWT")

    def assert_refused(self, jwt, reason):
        with self.assertRaises(psc_client.PscError) as refused:
            psc_client.verified_claims(jwt, JWKS, ISSUER, CLIENT)
        self.assertIn(reason, str(refused.exception))


if __name__ == "__main__":
    unittest.main()
