package org.pscfederator.keycloak.ecps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;

import org.infinispan.protostream.ProtobufUtil;
import org.infinispan.protostream.SerializationContext;
import org.infinispan.protostream.SerializationContextInitializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The event crosses nodes as ProtoStream bytes, the way Keycloak's cluster events do. */
@Tag("psc-ecps")
class RequestChangedSchemaTest {

    @Test
    void theEventComesOutOfItsBytesAsItWent() throws Exception {
        SerializationContext context = ProtobufUtil.newSerializationContext();
        new RequestChangedSchema().register(context);

        RequestChanged event = new RequestChanged(RequestEvents.request("0123456789abcdef0123456789abcdef"));
        byte[] bytes = ProtobufUtil.toWrappedByteArray(context, event);

        assertThat((Object) ProtobufUtil.fromWrappedByteArray(context, bytes)).isEqualTo(event);
    }

    @Test
    void keycloakFindsTheSchemaAsItFindsItsOwn() {
        assertThat(ServiceLoader.load(SerializationContextInitializer.class).stream().map(ServiceLoader.Provider::type))
                .contains(RequestChangedSchema.class);
    }
}
