package io.github.jetcdctl.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;

import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Admissionregistration;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Networking;
import io.kubernetes.client.proto.V1Resource;

/** What a stored value is taken for, and the object decoded from Kubernetes' protobuf envelope. */
class KubernetesDecoderTest {
    private final KubernetesDecoder decoder = new KubernetesDecoder();

    private StoredValue decode(byte[] value) {
        return decoder.decode(ByteString.copyFrom(value));
    }

    private Map<String, Object> object(byte[] value) {
        return assertInstanceOf(StoredValue.KubernetesObject.class, decode(value)).object();
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object tree, Object... path) {
        Object node = tree;
        for (Object step : path) {
            node = step instanceof Integer i ? ((List<Object>) node).get(i) : ((Map<String, Object>) node).get(step);
        }
        return (T) node;
    }

    @Test
    void aPodReadsAsTheApiShowsIt() {
        Map<String, Object> pod = object(StoredObjects.envelope("v1", "Pod", StoredObjects.pod("default", "web-0")));
        assertEquals(List.of("apiVersion", "kind", "metadata", "spec", "status"), List.copyOf(pod.keySet()));
        assertEquals("v1", pod.get("apiVersion"));
        assertEquals("Pod", pod.get("kind"));
        assertEquals("web-0", at(pod, "metadata", "name"));
        assertEquals("2024-03-01T12:00:00Z", at(pod, "metadata", "creationTimestamp"));
        assertFalse(at(pod, "metadata") instanceof Map<?, ?> m && m.containsKey("resourceVersion"),
                "an empty string is left out");
        assertEquals(Map.of("app", "web", "tier", ""), at(pod, "metadata", "labels"), "empty map values stay");
        assertEquals(1L, (Long) at(pod, "metadata", "generation"));
        assertEquals(Map.of("f:status", Map.of("f:phase", Map.of())),
                at(pod, "metadata", "managedFields", 0, "fieldsV1"));
        assertEquals("2024-03-01T12:01:00Z", at(pod, "metadata", "managedFields", 0, "time"));
        assertEquals("500m", at(pod, "spec", "containers", 0, "resources", "limits", "cpu"));
        assertEquals("128Mi", at(pod, "spec", "containers", 0, "resources", "limits", "memory"));
        assertEquals("100m", at(pod, "spec", "containers", 0, "resources", "requests", "cpu"));
        assertEquals(8080L, (Long) at(pod, "spec", "containers", 0, "ports", 0, "containerPort"));
        assertEquals("http", at(pod, "spec", "containers", 0, "livenessProbe", "httpGet", "port"),
                "IntOrString as its string, the embedded ProbeHandler inline");
        assertEquals(8080L, (Long) at(pod, "spec", "containers", 0, "readinessProbe", "tcpSocket", "port"));
        assertEquals(Map.of(), at(pod, "spec", "volumes", 0, "emptyDir"), "the embedded VolumeSource inline");
        assertEquals(List.of("name", "emptyDir"), List.copyOf(this.<Map<String, Object>>cast(
                at(pod, "spec", "volumes", 0)).keySet()));
        assertEquals(false, at(pod, "spec", "hostNetwork"), "false as stored");
        assertEquals(false, at(pod, "status", "containerStatuses", 0, "ready"));
        assertEquals(0L, (Long) at(pod, "status", "containerStatuses", 0, "restartCount"));
        assertEquals("2024-03-01T12:00:05Z", at(pod, "status", "startTime"));
    }

    @SuppressWarnings("unchecked")
    private <T> T cast(Object o) {
        return (T) o;
    }

    @Test
    void otherGroupsAndTheirSpecialTypes() {
        Map<String, Object> deployment = object(StoredObjects.envelope("apps/v1", "Deployment",
                StoredObjects.deployment("prod", "api")));
        assertEquals(3L, (Long) at(deployment, "spec", "replicas"));
        assertEquals("25%", at(deployment, "spec", "strategy", "rollingUpdate", "maxSurge"));
        assertEquals(1L, (Long) at(deployment, "spec", "strategy", "rollingUpdate", "maxUnavailable"));
        assertEquals(Map.of("labels", Map.of("app", "api")), at(deployment, "spec", "template", "metadata"),
                "a zero time is left out");

        Map<String, Object> lease = object(StoredObjects.envelope("coordination.k8s.io/v1", "Lease",
                StoredObjects.lease("kube-node-lease", "node-1")));
        assertEquals("2024-03-01T12:00:30.123456Z", at(lease, "spec", "renewTime"));
        assertEquals("2024-03-01T12:00:00.000000Z", at(lease, "spec", "acquireTime"));
        assertEquals(40L, (Long) at(lease, "spec", "leaseDurationSeconds"));

        Map<String, Object> secret = object(StoredObjects.envelope("v1", "Secret",
                StoredObjects.secret("default", "db")));
        assertEquals("czNjcjN0IQ==", at(secret, "data", "password"), "bytes as base64");
        Map<String, Object> configMap = object(StoredObjects.envelope("v1", "ConfigMap",
                StoredObjects.configMap("default", "settings")));
        assertEquals("AAEC/w==", at(configMap, "binaryData", "blob"));
        assertEquals("8080", at(configMap, "data", "port"));
    }

    @Test
    void embeddedObjectsAreDecodedWherePossible() {
        V1Apps.ControllerRevision json = V1Apps.ControllerRevision.newBuilder()
                .setMetadata(StoredObjects.metadata("prod", "api-7d9f")).setRevision(2)
                .setData(Runtime.RawExtension.newBuilder().setRaw(ByteString.copyFromUtf8(
                        "{\"spec\":{\"template\":{\"$patch\":\"replace\"}}}")))
                .build();
        Map<String, Object> revision = object(StoredObjects.envelope("apps/v1", "ControllerRevision", json));
        assertEquals(Map.of("spec", Map.of("template", Map.of("$patch", "replace"))), revision.get("data"));
        assertEquals(2L, (Long) revision.get("revision"));

        V1Apps.ControllerRevision enveloped = json.toBuilder().setData(Runtime.RawExtension.newBuilder().setRaw(
                ByteString.copyFrom(StoredObjects.envelope("v1", "ConfigMap",
                        StoredObjects.configMap("prod", "inner"))))).build();
        Map<String, Object> inner = at(object(StoredObjects.envelope("apps/v1", "ControllerRevision", enveloped)),
                "data");
        assertEquals("ConfigMap", inner.get("kind"));
        assertEquals("inner", at(inner, "metadata", "name"));

        V1Apps.ControllerRevision binary = json.toBuilder().setData(Runtime.RawExtension.newBuilder().setRaw(
                ByteString.copyFrom(new byte[] {1, 2, 3}))).build();
        assertEquals("AQID", object(StoredObjects.envelope("apps/v1", "ControllerRevision", binary)).get("data"),
                "bytes that are neither JSON nor an envelope stay base64");
    }

    @Test
    void anUnknownKindShowsItsTypeAndMetadata() {
        byte[] value = StoredObjects.envelope("widgets.k8s.io/v1", "Widget",
                StoredObjects.configMap("default", "w1"));
        StoredValue.PartialObject partial = assertInstanceOf(StoredValue.PartialObject.class, decode(value));
        assertEquals("widgets.k8s.io/v1", partial.object().get("apiVersion"));
        assertEquals("Widget", partial.object().get("kind"));
        assertEquals("w1", at(partial.object(), "metadata", "name"));
        assertTrue(partial.note().contains("no protobuf type for widgets.k8s.io/v1 Widget"), partial.note());
        int raw = StoredObjects.configMap("default", "w1").getSerializedSize();
        assertTrue(partial.note().contains(raw + " bytes not decoded"), partial.note());

        StoredValue.PartialObject noMetadata = assertInstanceOf(StoredValue.PartialObject.class,
                decode(StoredObjects.envelope("widgets.k8s.io/v1", "Widget", ByteString.copyFrom(new byte[] {8, 1}))));
        assertEquals(List.of("apiVersion", "kind"), List.copyOf(noMetadata.object().keySet()));
        assertTrue(noMetadata.note().contains("2 bytes not decoded"), noMetadata.note());
    }

    @Test
    void aKnownKindWhoseBytesDoNotParseIsNotedNotFatal() {
        StoredValue value = decode(StoredObjects.envelope("v1", "Pod", ByteString.copyFrom(new byte[] {10, 50, 1})));
        StoredValue.PartialObject partial = assertInstanceOf(StoredValue.PartialObject.class, value);
        assertEquals("Pod", partial.object().get("kind"));
        assertTrue(partial.note().contains("3 bytes do not parse as k8s.io.api.core.v1.Pod"), partial.note());

        StoredValue broken = decode(new byte[] {'k', '8', 's', 0, (byte) 0xff, (byte) 0xff});
        assertTrue(assertInstanceOf(StoredValue.PartialObject.class, broken).note()
                .contains("does not parse as one (6 bytes)"));
    }

    @Test
    void jsonObjectsKeepTheirOrderAndNumbers() {
        Map<String, Object> cr = object(("{\"apiVersion\":\"stable.example.com/v1\",\"kind\":\"CronTab\","
                + "\"spec\":{\"replicas\":3,\"ratio\":1.50,\"big\":123456789012345678901234567890,"
                + "\"tags\":[\"a\",null,true]}}").getBytes());
        assertEquals(List.of("apiVersion", "kind", "spec"), List.copyOf(cr.keySet()));
        assertEquals(3L, (Long) at(cr, "spec", "replicas"));
        assertEquals(new BigDecimal("1.50"), at(cr, "spec", "ratio"));
        assertEquals(new BigDecimal("123456789012345678901234567890"), at(cr, "spec", "big"));
        assertEquals(java.util.Arrays.asList("a", null, true), at(cr, "spec", "tags"));
    }

    @Test
    void anythingElseIsTextOrBytes() {
        assertEquals(new StoredValue.Text("hello"), decode("hello".getBytes()));
        assertEquals(new StoredValue.Text("{not json"), decode("{not json".getBytes()));
        assertEquals(new StoredValue.Text("{\"a\":1} trailing"), decode("{\"a\":1} trailing".getBytes()));
        assertEquals(new StoredValue.Text("[1,2]"), decode("[1,2]".getBytes()), "only objects are objects");
        assertEquals(new StoredValue.Text(""), decode(new byte[0]));
        byte[] binary = {0, 1, (byte) 0xfe};
        assertTrue(java.util.Arrays.equals(binary,
                assertInstanceOf(StoredValue.Binary.class, decode(binary)).bytes()));
        assertInstanceOf(StoredValue.Encrypted.class, decode("k8s:enc:aescbc:v1:key1:\u0001".getBytes()));
    }

    @Test
    void apiVersionsMapToTheirProtoPackages() {
        ApiTypes types = new ApiTypes();
        assertEquals("k8s.io.api.core.v1.Pod", fullName(types, "v1", "Pod"));
        assertEquals("k8s.io.api.apps.v1.Deployment", fullName(types, "apps/v1", "Deployment"));
        assertEquals("k8s.io.api.coordination.v1.Lease", fullName(types, "coordination.k8s.io/v1", "Lease"));
        assertEquals("k8s.io.api.rbac.v1.ClusterRole",
                fullName(types, "rbac.authorization.k8s.io/v1", "ClusterRole"));
        assertEquals("k8s.io.api.flowcontrol.v1.FlowSchema",
                fullName(types, "flowcontrol.apiserver.k8s.io/v1", "FlowSchema"));
        assertEquals("k8s.io.api.apiserverinternal.v1alpha1.StorageVersion",
                fullName(types, "internal.apiserver.k8s.io/v1alpha1", "StorageVersion"));
        assertEquals("k8s.io.apiextensions_apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition",
                fullName(types, "apiextensions.k8s.io/v1", "CustomResourceDefinition"));
        assertEquals("k8s.io.api.events.v1.Event", fullName(types, "events.k8s.io/v1", "Event"));
        assertEquals("k8s.io.api.core.v1.Event", fullName(types, "v1", "Event"));
        assertEquals("k8s.io.api.discovery.v1.EndpointSlice",
                fullName(types, "discovery.k8s.io/v1", "EndpointSlice"));
        assertEquals("", fullName(types, "v1", "Deployment"), "a kind of another group");
        assertEquals("", fullName(types, "apps/v1", "Pod"));
        assertEquals("", fullName(types, "apps.example.com/v1", "Deployment"), "another domain's group");
        assertEquals("", fullName(types, "v9", "Pod"));
        assertEquals("", fullName(types, "", "Pod"));
        assertEquals(List.of("rbac", "authorizationrbac"), ApiTypes.segments("rbac.authorization.k8s.io"));
        assertEquals(List.of("core"), ApiTypes.segments(""));
        assertEquals(List.of("batch"), ApiTypes.segments("batch"));
        assertEquals(List.of(), ApiTypes.segments("stable.example.com"));
    }

    private static String fullName(ApiTypes types, String apiVersion, String kind) {
        return types.find(apiVersion, kind).map(Descriptor::getFullName).orElse("");
    }

    @Test
    void decodingLogsNothing() {
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        try {
            KubernetesDecoder fresh = new KubernetesDecoder();
            for (byte[] value : List.of(StoredObjects.envelope("v1", "Pod", StoredObjects.pod("a", "b")),
                    StoredObjects.envelope("coordination.k8s.io/v1", "Lease", StoredObjects.lease("a", "b")),
                    StoredObjects.envelope("widgets.k8s.io/v1", "Widget", StoredObjects.secret("a", "b")))) {
                fresh.decode(ByteString.copyFrom(value));
            }
        } finally {
            root.removeHandler(handler);
        }
        assertEquals(List.of(), records.stream().map(LogRecord::getMessage).toList(),
                "the protobuf runtime warns about old generated code only when that code parses");
    }

    @Test
    void embeddedStructsAreTheListedFieldsOnly() {
        List<Descriptor> parents = List.of(V1.Volume.getDescriptor(), V1.PersistentVolumeSpec.getDescriptor(),
                V1.SecretKeySelector.getDescriptor(), V1.Probe.getDescriptor(), V1.EphemeralContainer.getDescriptor(),
                V1Networking.IngressRule.getDescriptor(), V1Resource.DeviceClaimConfiguration.getDescriptor(),
                V1Admissionregistration.NamedRuleWithOperations.getDescriptor(),
                V1Admissionregistration.RuleWithOperations.getDescriptor());
        long embedded = parents.stream().flatMap(d -> d.getFields().stream()).filter(ObjectTree::isEmbedded)
                .map(f -> f.getName()).distinct().count();
        assertEquals(ObjectTree.EMBEDDED.size(), embedded, "every listed field exists with its type");
        assertFalse(ObjectTree.isEmbedded(V1.TopologySpreadConstraint.getDescriptor().findFieldByName(
                "labelSelector")));
        assertFalse(ObjectTree.isEmbedded(V1.Container.getDescriptor().findFieldByName("securityContext")));
    }
}
