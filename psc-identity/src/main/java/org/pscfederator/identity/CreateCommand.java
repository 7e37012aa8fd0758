package org.pscfederator.identity;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pscfederator.core.identifiers.IdNat;
import org.pscfederator.core.identifiers.TestIdentityRange;
import org.pscfederator.directory.NationalColumn;
import org.pscfederator.directory.Nomenclatures;
import org.pscfederator.ecps.simulator.SimulatedDevice;
import org.pscfederator.testpki.IssuedCertificate;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code psc-identity create}: a fresh idNat of the test range, its line added beside the directory, then its card
 * and its device. If the card or the device cannot be made, the line is removed again: nothing is left half made.
 */
@Command(name = "create")
final class CreateCommand extends SandboxCommand {

    /** Draws before giving up: the range has a million numbers, so a second draw is already rare. */
    private static final int DRAWS = 5;

    @Option(names = "--profession")
    String profession;
    @Option(names = "--category")
    String category;
    @Option(names = "--mode")
    String mode;
    @Option(names = "--sector")
    String sector;
    @Option(names = "--structure")
    String structureId;
    @Option(names = "--structure-name")
    String structureName;
    @Option(names = "--first-name")
    String firstName;
    @Option(names = "--last-name")
    String lastName;

    @Override
    public Integer call() throws Exception {
        Nomenclatures nomenclatures = Nomenclatures.standard();
        TestProfessional professional = TestProfessional.from(new TestProfessional.Given(profession, category, mode,
                sector, structureId, structureName, firstName, lastName), nomenclatures);
        IdentityOptions options = IdentityOptions.from(given);
        IdentityFiles files = new IdentityFiles(options.dataDir());
        files.requireSandboxFolder();
        SandboxApi api = sandbox(options);

        SecureRandom random = new SecureRandom();
        IdNat idNat = null;
        List<String> line = null;
        for (int draw = 0; draw < DRAWS && idNat == null; draw++) {
            IdNat candidate = TestIdentityRange.draw(random);
            SandboxApi.Answer added = api.add(ProfessionalLine.nationalFile(professional, candidate, nomenclatures));
            if (added.status() == 201) {
                idNat = candidate;
                line = ProfessionalLine.fields(professional, candidate, nomenclatures);
            } else if (added.status() != 409 || !"already_in_directory".equals(added.reason())) {
                throw new IdentityException(refusal(added));
            }
        }
        if (idNat == null) {
            throw new IdentityException("no free idNat of the test range after " + DRAWS + " draws; nothing was changed");
        }
        String id = idNat.value();
        IssuedCertificate card;
        SimulatedDevice device;
        try {
            card = files.issueCard(id, line.get(NationalColumn.PRENOM_EXERCICE.ordinal()),
                    line.get(NationalColumn.NOM_EXERCICE.ordinal()));
            device = files.enrolDevice(id, api.devices(), api.token());
        } catch (IdentityException e) {
            undo(api, files, id);
            throw new IdentityException(e.getMessage() + "; " + id + " was removed again, nothing was changed");
        }
        print(options, id, line, card, device);
        return 0;
    }

    /** The server's refusal, in the tool's words. */
    private static String refusal(SandboxApi.Answer added) {
        return switch (added.status()) {
            case 400 -> "the server refused the professional's line: " + added.error() + "; nothing was changed";
            case 403 -> added.reason().equals("not_sandbox") ? added.error() + "; nothing was changed"
                    : "the administrator may not add professionals (HTTP 403)";
            case 404 -> "no directory endpoint in this realm: wrong --realm, or the server lacks the psc providers";
            case 409 -> added.error() + "; nothing was changed";
            default -> "the server answered HTTP " + added.status() + ": " + added.error() + "; nothing was changed";
        };
    }

    private static void undo(SandboxApi api, IdentityFiles files, String idNat) {
        try {
            files.revokeDevices(idNat, api.devices(), api.token());
            api.remove(idNat);
            files.deleteFiles(idNat);
        } catch (IdentityException e) {
            // the failure that made us undo is the one to report
        }
    }

    private void print(IdentityOptions options, String idNat, List<String> line, IssuedCertificate card,
            SimulatedDevice device) throws Exception {
        String name = line.get(NationalColumn.PRENOM_EXERCICE.ordinal()) + " "
                + line.get(NationalColumn.NOM_EXERCICE.ordinal());
        String dataDirOption = options.dataDir().equals(IdentityOptions.DEFAULT_DATA_DIR) ? ""
                : " --data-dir " + options.dataDir();
        String serverOption = options.server().toString().equals(IdentityOptions.DEFAULT_SERVER) ? ""
                : " --server " + options.server();
        if (options.json()) {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("idNat", idNat);
            shown.put("firstName", line.get(NationalColumn.PRENOM_EXERCICE.ordinal()));
            shown.put("lastName", line.get(NationalColumn.NOM_EXERCICE.ordinal()));
            shown.put("profession", line.get(NationalColumn.CODE_PROFESSION.ordinal()));
            shown.put("category", line.get(NationalColumn.CODE_CATEGORIE_PROFESSIONNELLE.ordinal()));
            shown.put("mode", line.get(NationalColumn.CODE_MODE_EXERCICE.ordinal()));
            shown.put("sector", line.get(NationalColumn.CODE_SECTEUR_ACTIVITE.ordinal()));
            shown.put("structure", line.get(NationalColumn.IDENTIFIANT_TECHNIQUE_STRUCTURE.ordinal()));
            shown.put("structureName", line.get(NationalColumn.RAISON_SOCIALE_SITE.ordinal()));
            shown.put("card", card.keystore().toString());
            shown.put("cardCertificate", card.certificatePem().toString());
            shown.put("cardPassword", IdentityFiles.cardPassword());
            shown.put("device", device.file().toString());
            shown.put("deviceId", device.deviceId());
            shown.put("pin", IdentityFiles.PIN);
            printJson(shown);
            return;
        }
        Path p12 = card.keystore();
        out().println("psc-identity: created " + idNat + ": " + name + ", "
                + labelled(line, NationalColumn.LIBELLE_PROFESSION, NationalColumn.CODE_PROFESSION) + ", "
                + labelled(line, NationalColumn.LIBELLE_CATEGORIE_PROFESSIONNELLE,
                        NationalColumn.CODE_CATEGORIE_PROFESSIONNELLE) + ", "
                + labelled(line, NationalColumn.LIBELLE_MODE_EXERCICE, NationalColumn.CODE_MODE_EXERCICE) + ", "
                + labelled(line, NationalColumn.LIBELLE_SECTEUR_ACTIVITE, NationalColumn.CODE_SECTEUR_ACTIVITE)
                + ", at " + line.get(NationalColumn.RAISON_SOCIALE_SITE.ordinal()) + " ("
                + line.get(NationalColumn.IDENTIFIANT_TECHNIQUE_STRUCTURE.ordinal()) + ")");
        out().println("  card:   " + p12 + " (PKCS#12, password " + IdentityFiles.cardPassword() + "), certificate "
                + card.certificatePem());
        out().println("  e-CPS:  " + device.file() + " (simulated device " + device.deviceId() + ", PIN "
                + IdentityFiles.PIN + ")");
        out().println("next:");
        out().println("  card login:  import " + p12 + " into the browser (docs/card-login.md), open your service's"
                + " login and choose \"Carte CPS\"; or with curl: --cert-type P12 --cert " + p12 + ":"
                + IdentityFiles.cardPassword());
        out().println("  e-CPS login: choose \"Application e-CPS\", type " + idNat + ", then approve the code the"
                + " page shows with the simulated phone:");
        out().println("      bin/psc-ecps-sim wait --idnat " + idNat + dataDirOption + serverOption);
        out().println("      bin/psc-ecps-sim approve --idnat " + idNat + " --code NN --pin " + IdentityFiles.PIN
                + dataDirOption + serverOption);
        out().println("  remove it:   bin/psc-identity remove " + idNat + dataDirOption + serverOption);
    }

    private static String labelled(List<String> line, NationalColumn label, NationalColumn code) {
        return line.get(label.ordinal()) + " (" + line.get(code.ordinal()) + ")";
    }
}
