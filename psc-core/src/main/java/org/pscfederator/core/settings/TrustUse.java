package org.pscfederator.core.settings;

/** What a realm's certificate trust serves: card login (persons' CAs) or relying services (organisations' CAs). */
public enum TrustUse {
    CARD(RealmSetting.CARD_TRUST_ANCHORS, RealmSetting.CARD_POLICY_OID, RealmSetting.CARD_CRLS),
    CLIENT(RealmSetting.CLIENT_TRUST_ANCHORS, RealmSetting.CLIENT_POLICY_OID, RealmSetting.CLIENT_CRLS);

    private final RealmSetting anchors;
    private final RealmSetting policy;
    private final RealmSetting crls;

    TrustUse(RealmSetting anchors, RealmSetting policy, RealmSetting crls) {
        this.anchors = anchors;
        this.policy = policy;
        this.crls = crls;
    }

    public RealmSetting anchors() {
        return anchors;
    }

    public RealmSetting policy() {
        return policy;
    }

    public RealmSetting crls() {
        return crls;
    }
}
