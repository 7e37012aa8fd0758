package org.pscfederator.admin;

import org.pscfederator.core.identifiers.IdNat;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --idnat}: the professional's national identifier, shaped as the login takes it ({@link IdNat#typed}). */
final class IdNatOption implements ITypeConverter<String> {

    @Override
    public String convert(String text) {
        return IdNat.typed(text).orElseThrow(() -> new TypeConversionException(
                "not a national identifier (idNat, such as 899700366240 or 3500000001815646/CPAT00045): " + text));
    }
}
