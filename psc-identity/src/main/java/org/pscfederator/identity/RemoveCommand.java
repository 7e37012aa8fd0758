package org.pscfederator.identity;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pscfederator.core.identifiers.IdNat;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code psc-identity remove IDNAT}: the server removes the professional only if it was added one at a time (this
 * tool); then its devices are revoked and its card and device files deleted. An imported one is refused untouched.
 */
@Command(name = "remove")
final class RemoveCommand extends SandboxCommand {

    @Parameters(paramLabel = "IDNAT", arity = "0..1")
    String idNatText;

    @Override
    public Integer call() throws Exception {
        if (idNatText == null) {
            throw new TypeConversionException("which identity? usage: psc-identity remove IDNAT");
        }
        String idNat = IdNat.typed(idNatText).orElseThrow(() -> new TypeConversionException("IDNAT: not an idNat: '"
                + idNatText + "'"));
        IdentityOptions options = IdentityOptions.from(given);
        IdentityFiles files = new IdentityFiles(options.dataDir());
        SandboxApi api = sandbox(options);
        SandboxApi.Answer removed = api.remove(idNat);
        switch (removed.status()) {
            case 200 -> { }
            case 409 -> throw new IdentityException(removed.reason().equals("imported")
                    ? idNat + " came with the sandbox's directory, not from psc-identity: it is not removed; nothing"
                            + " was changed"
                    : removed.error() + "; nothing was changed");
            case 404 -> throw new IdentityException(removed.reason().equals("unknown")
                    ? idNat + " is not a test professional created with psc-identity (not in the directory); nothing"
                            + " was changed"
                    : "no directory endpoint in this realm: wrong --realm, or the server lacks the psc providers");
            default -> throw new IdentityException("the server answered HTTP " + removed.status() + ": "
                    + removed.error() + "; nothing was changed");
        }
        List<String> revoked = files.revokeDevices(idNat, api.devices(), api.token());
        List<Path> deleted = files.deleteFiles(idNat);
        if (options.json()) {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("idNat", idNat);
            shown.put("removed", true);
            shown.put("devicesRevoked", revoked);
            shown.put("filesDeleted", deleted.stream().map(Path::toString).toList());
            printJson(shown);
            return 0;
        }
        out().println("psc-identity: removed " + idNat + " from the directory; " + revoked.size()
                + " e-CPS device(s) revoked; deleted " + (deleted.isEmpty() ? "no file"
                        : String.join(", ", deleted.stream().map(Path::toString).toList())));
        return 0;
    }
}
