package org.pscfederator.testpki;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.util.IPAddress;

/** The DNS names and IP addresses a TLS server certificate is for (its subjectAltName); defaults to the loopback. */
record ServerNames(List<String> dnsNames, List<String> ipAddresses) {

    private static final Pattern DNS_NAME = Pattern.compile(
            "(\\*\\.)?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    ServerNames {
        List<String> dns = dnsNames == null ? List.of() : dnsNames;
        List<String> ips = ipAddresses == null ? List.of() : ipAddresses;
        if (dns.isEmpty() && ips.isEmpty()) {
            dns = SandboxProfile.DEFAULT_SERVER_DNS;
            ips = SandboxProfile.DEFAULT_SERVER_IPS;
        }
        Set<String> checkedDns = new LinkedHashSet<>();
        for (String name : dns) {
            String lower = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
            if (lower.length() > 253 || !DNS_NAME.matcher(lower).matches()) {
                throw PkiException.badInput("invalid DNS name " + PkiException.quote(name));
            }
            checkedDns.add(lower);
        }
        Set<String> checkedIps = new LinkedHashSet<>();
        for (String address : ips) {
            String text = address == null ? "" : address.strip();
            if (!IPAddress.isValid(text)) {
                throw PkiException.badInput("invalid IP address " + PkiException.quote(address));
            }
            checkedIps.add(text);
        }
        dnsNames = List.copyOf(checkedDns);
        ipAddresses = List.copyOf(checkedIps);
    }

    /** The subject CN: the first name (TLS clients match the SANs, the CN is for people reading the certificate). */
    String commonName() {
        return dnsNames.isEmpty() ? ipAddresses.get(0) : dnsNames.get(0);
    }

    List<GeneralName> subjectAltNames() {
        List<GeneralName> names = new ArrayList<>();
        dnsNames.forEach(name -> names.add(new GeneralName(GeneralName.dNSName, name)));
        ipAddresses.forEach(address -> names.add(new GeneralName(GeneralName.iPAddress, address)));
        return names;
    }
}
