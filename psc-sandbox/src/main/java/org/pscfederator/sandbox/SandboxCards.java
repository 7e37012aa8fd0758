package org.pscfederator.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

import org.pscfederator.directory.NationalColumn;
import org.pscfederator.directory.NationalFileReader;
import org.pscfederator.directory.StaffFileReader;
import org.pscfederator.testpki.CardRequest;
import org.pscfederator.testpki.TestPki;

/**
 * A test card ({@code pki/cards/<idNat>.p12}, password 1234) for every sandbox identity, national and staff, issued
 * once: a vendor can log in with any of them at once. A card already there is kept.
 */
final class SandboxCards {

    private SandboxCards() {
    }

    /** @return how many cards were issued now */
    static int issueMissing(TestPki pki) {
        Map<String, String[]> holders = holders();
        int issued = 0;
        for (Map.Entry<String, String[]> holder : holders.entrySet()) {
            CardRequest request = CardRequest.of(holder.getKey()).withNames(blankToNull(holder.getValue()[0]),
                    blankToNull(holder.getValue()[1]));
            if (!Files.exists(pki.pkiDir().resolve("cards").resolve(request.fileName() + ".p12"))) {
                pki.issueCard(request);
                issued++;
            }
        }
        return issued;
    }

    /** idNat to {given name, family name}, from the sandbox directory files the launcher carries. */
    static Map<String, String[]> holders() {
        Map<String, String[]> holders = new LinkedHashMap<>();
        try (InputStream national = resource(SandboxDirectory.NATIONAL_FILE);
                InputStream staff = resource(SandboxDirectory.STAFF_FILE)) {
            NationalFileReader.standard().read(national, line -> holders.putIfAbsent(line.idNat().value(),
                    new String[] {line.get(NationalColumn.PRENOM_EXERCICE), line.get(NationalColumn.NOM_EXERCICE)}));
            StaffFileReader.standard().read(staff, member -> holders.putIfAbsent(member.idNat().value(),
                    new String[] {member.firstName(), member.lastName()}));
        } catch (IOException e) {
            throw new SandboxException("cannot read the sandbox identities: " + e.getMessage());
        }
        return holders;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = SandboxCards.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is missing from the launcher");
        }
        return in;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

}
