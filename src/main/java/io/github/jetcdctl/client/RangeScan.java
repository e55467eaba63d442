package io.github.jetcdctl.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.ExtensionRegistryLite;
import com.google.protobuf.WireFormat;

import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.ResponseHeader;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.stub.ClientCalls;

/**
 * Reads a key range page by page at one revision for a reader that looks at each key-value once and keeps none
 * (the space report), decoding each page as it is read ({@link #page} also decodes get's pages, see
 * {@link RangePager}): every key-value goes to the reader straight from the
 * wire and is garbage at once. A page decoded whole into a response instead outlives the JVM's small young
 * generation (the launcher starts the heap at 8 MB), is promoted whole, and the serial collector grows its old
 * generation rather than collect it while the heap may grow: 1M keys of 1 KiB read as 16 MB pages took 1.4 GB.
 *
 * <p>Pages are requested one after another (the reader runs while a page is decoded, so nothing is prefetched);
 * their size in keys follows the average size seen so far, for about {@code pageBytes} each.
 */
public final class RangeScan {
    private static final int FIRST_PAGE_KEYS = 1000;
    private static final int HEADER = 1;
    private static final int KVS = 2;
    private static final int MORE = 3;
    private static final int COUNT = 4;

    private RangeScan() {
    }

    /** What a page held besides its key-values: {@code bytes} is the response's size on the wire. */
    record Page(ResponseHeader header, boolean hasHeader, boolean more, long count, int keys, ByteString lastKey,
            long bytes) {
    }

    /**
     * Hands every key-value of {@code request}'s range (at its revision, or the first page's) to {@code reader}
     * in key order; returns the header of the first page (its revision is the one read).
     */
    public static ResponseHeader scan(EtcdConnection connection, RangeRequest request, long pageBytes,
            Consumer<KeyValue> reader) {
        Page first = page(connection, request.toBuilder().setLimit(FIRST_PAGE_KEYS).build(), reader);
        RangeRequest rest = request.toBuilder().setRevision(request.getRevision() > 0 ? request.getRevision()
                : first.header().getRevision()).build();
        long keys = first.keys();
        long bytes = first.bytes();
        Page last = first;
        while (last.more() && last.keys() > 0) {
            long pageKeys = Math.max(1, pageBytes / Math.max(1, bytes / Math.max(1, keys)));
            RangeRequest next = rest.toBuilder().setKey(last.lastKey().concat(ByteString.copyFrom(new byte[] {0})))
                    .setLimit(pageKeys).build();
            last = page(connection, next, reader);
            keys += last.keys();
            bytes += last.bytes();
        }
        return first.header();
    }

    /**
     * Reads one page, handing each key-value to {@code reader} as it is decoded (on this thread: a blocking call
     * decodes its response on the calling thread); the reader may throw to abandon the page.
     */
    static Page page(EtcdConnection connection, RangeRequest request, Consumer<KeyValue> reader) {
        MethodDescriptor<RangeRequest, Page> method = KVGrpc.getRangeMethod().toBuilder(
                KVGrpc.getRangeMethod().getRequestMarshaller(), new PageDecoder(reader)).build();
        KVGrpc.KVBlockingStub stub = connection.stub(KVGrpc::newBlockingStub);
        return EtcdConnection.call(() -> ClientCalls.blockingUnaryCall(stub.getChannel(), method,
                stub.getCallOptions(), request));
    }

    /**
     * Decodes a RangeResponse field by field, handing each key-value to the reader as soon as it is read.
     */
    private static final class PageDecoder implements MethodDescriptor.Marshaller<Page> {
        private final Consumer<KeyValue> reader;

        PageDecoder(Consumer<KeyValue> reader) {
            this.reader = reader;
        }

        @Override
        public InputStream stream(Page value) {
            throw new UnsupportedOperationException("responses are only read");
        }

        @Override
        public Page parse(InputStream stream) {
            try {
                CodedInputStream in = CodedInputStream.newInstance(stream);
                in.setSizeLimit(Integer.MAX_VALUE);
                ResponseHeader header = ResponseHeader.getDefaultInstance();
                boolean hasHeader = false;
                boolean more = false;
                long count = 0;
                int keys = 0;
                ByteString lastKey = ByteString.EMPTY;
                while (true) {
                    int tag = in.readTag();
                    if (tag == 0) {
                        break;
                    }
                    switch (WireFormat.getTagFieldNumber(tag)) {
                        case HEADER -> {
                            header = in.readMessage(ResponseHeader.parser(), ExtensionRegistryLite.getEmptyRegistry());
                            hasHeader = true;
                        }
                        case KVS -> {
                            KeyValue kv = in.readMessage(KeyValue.parser(), ExtensionRegistryLite.getEmptyRegistry());
                            reader.accept(kv);
                            lastKey = kv.getKey();
                            keys++;
                        }
                        case MORE -> more = in.readBool();
                        case COUNT -> count = in.readInt64();
                        default -> in.skipField(tag);
                    }
                }
                return new Page(header, hasHeader, more, count, keys, lastKey, in.getTotalBytesRead());
            } catch (IOException e) {
                throw Status.INTERNAL.withDescription("a Range response does not parse: " + e.getMessage())
                        .withCause(e).asRuntimeException();
            }
        }
    }
}
