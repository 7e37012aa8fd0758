package org.pscfederator.keycloak.ecps;

import java.io.IOException;

import org.infinispan.protostream.FileDescriptorSource;
import org.infinispan.protostream.GeneratedSchema;
import org.infinispan.protostream.ProtobufTagMarshaller;
import org.infinispan.protostream.SerializationContext;

/**
 * How {@link RequestChanged} crosses the cluster: Keycloak 26 marshals cluster events with ProtoStream and finds
 * this schema as it finds its own (a {@code SerializationContextInitializer} service). Written by hand, as the
 * one message is one string: no annotation processor in the build for it.
 */
public final class RequestChangedSchema implements GeneratedSchema {

    static final String FILE = "psc-ecps-events.proto";
    static final String TYPE = "psc_ecps.RequestChanged";
    private static final String PROTO = """
            syntax = "proto3";
            package psc_ecps;
            message RequestChanged {
                string topic = 1;
            }
            """;

    @Override
    public String getProtoFileName() {
        return FILE;
    }

    @Override
    public String getProtoFile() {
        return PROTO;
    }

    @Override
    public void registerSchema(SerializationContext context) {
        context.registerProtoFiles(FileDescriptorSource.fromString(FILE, PROTO));
    }

    @Override
    public void registerMarshallers(SerializationContext context) {
        context.registerMarshaller(new Marshaller());
    }

    static final class Marshaller implements ProtobufTagMarshaller<RequestChanged> {

        @Override
        public Class<? extends RequestChanged> getJavaClass() {
            return RequestChanged.class;
        }

        @Override
        public String getTypeName() {
            return TYPE;
        }

        @Override
        public RequestChanged read(ReadContext context) throws IOException {
            String topic = "";
            var reader = context.getReader();
            int tag;
            while ((tag = reader.readTag()) != 0) {
                if (tag >>> 3 == 1) {
                    topic = reader.readString();
                } else if (!reader.skipField(tag)) {
                    break;
                }
            }
            return new RequestChanged(topic);
        }

        @Override
        public void write(WriteContext context, RequestChanged event) throws IOException {
            context.getWriter().writeString(1, event.topic());
        }
    }
}
