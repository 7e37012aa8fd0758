package org.pscfederator.keycloak.ecps;

import java.time.Instant;
import java.util.Optional;

import com.nimbusds.jwt.JWTClaimsSet;

/**
 * A device's answer to a request: a JWS of type {@value #TYPE} signed by its key over the request id, the code
 * the professional chose, the decision, a nonce and a timestamp. The first valid answer decides the request.
 */
public final class Approvals {

    public static final String TYPE = "psc-ecps-approval";

    private final SignedByDevice signatures;
    private final PendingRequests requests;
    private final DeviceStore devices;

    public Approvals(SignedByDevice signatures, PendingRequests requests, DeviceStore devices) {
        this.signatures = signatures;
        this.requests = requests;
        this.devices = devices;
    }

    public record Answer(Device device, EcpsRequest request, Outcome outcome) {
    }

    /** Checks the answer and records its outcome; throws what refuses it. */
    public Answer answer(String compact, DeviceRefusal refusal) throws DeviceApiException {
        SignedByDevice.Verified verified = signatures.verify(compact, TYPE);
        refusal.device(verified.device());
        JWTClaimsSet claims = verified.claims();
        String requestId = SignedByDevice.claimString(claims, "request_id");
        String decision = SignedByDevice.claimString(claims, "decision");
        String code = SignedByDevice.claimString(claims, "code");
        if (requestId == null || !("approve".equals(decision) || "deny".equals(decision))) {
            throw new DeviceApiException(400, "malformed_jws", "request_id or decision missing");
        }
        Optional<EcpsRequest> found = requests.find(requestId);
        // An unknown, expired, or another professional's request: the same answer, so ids cannot be probed.
        if (found.isEmpty() || !found.get().idNat().equals(verified.device().idNat())) {
            throw new DeviceApiException(404, "unknown_or_expired_request", "request " + requestId
                    + " is not pending for this device's professional");
        }
        EcpsRequest request = found.get();
        refusal.request(request);
        if (!requests.isCurrent(request)) {
            throw new DeviceApiException(404, "unknown_or_expired_request", "request replaced by a newer one");
        }
        Outcome outcome;
        if ("deny".equals(decision)) {
            outcome = Outcome.DENIED;
        } else if (code == null || !code.equals(request.shownCode())) {
            outcome = Outcome.WRONG_CODE;
        } else {
            outcome = Outcome.APPROVED;
        }
        if (!requests.decide(request, outcome, verified.device().id())) {
            throw new DeviceApiException(409, "already_decided", "request " + requestId + " already answered");
        }
        devices.touch(verified.device().id(), Instant.now());
        return new Answer(verified.device(), request, outcome);
    }

    /** What the refusal event may name: filled as the checks get far enough to trust it. */
    public static final class DeviceRefusal {
        private Device device;
        private EcpsRequest request;

        void device(Device value) {
            device = value;
        }

        void request(EcpsRequest value) {
            request = value;
        }

        public Device device() {
            return device;
        }

        public EcpsRequest request() {
            return request;
        }
    }
}
