package io.github.jetcdctl.k8s;

import java.nio.charset.StandardCharsets;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;

import io.kubernetes.client.proto.IntStr.IntOrString;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Resource.Quantity;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Coordination;

/**
 * Kubernetes objects built with the published API classes and encoded as the API server stores them in etcd: the
 * bytes {@code k8s\0}, then a runtime.Unknown with the object's apiVersion and kind and its bytes as raw (no
 * content type).
 */
public final class StoredObjects {
    /** 2024-03-01T12:00:00Z */
    public static final long CREATED = 1_709_294_400L;

    private StoredObjects() {
    }

    public static byte[] envelope(String apiVersion, String kind, Message object) {
        return envelope(apiVersion, kind, object.toByteString());
    }

    public static byte[] envelope(String apiVersion, String kind, ByteString raw) {
        Runtime.Unknown unknown = Runtime.Unknown.newBuilder()
                .setTypeMeta(Runtime.TypeMeta.newBuilder().setApiVersion(apiVersion).setKind(kind))
                .setRaw(raw)
                .build();
        return ByteString.copyFrom(new byte[] {'k', '8', 's', 0}).concat(unknown.toByteString()).toByteArray();
    }

    public static Meta.ObjectMeta.Builder metadata(String namespace, String name) {
        return Meta.ObjectMeta.newBuilder().setName(name).setNamespace(namespace).setUid("uid-" + name)
                .setResourceVersion("").setGeneration(1)
                .setCreationTimestamp(Meta.Time.newBuilder().setSeconds(CREATED));
    }

    public static Quantity quantity(String value) {
        return Quantity.newBuilder().setString(value).build();
    }

    public static V1.Pod pod(String namespace, String name) {
        V1.Container container = V1.Container.newBuilder()
                .setName("web").setImage("nginx:1.27")
                .addPorts(V1.ContainerPort.newBuilder().setName("http").setContainerPort(8080).setProtocol("TCP"))
                .setResources(V1.ResourceRequirements.newBuilder()
                        .putLimits("cpu", quantity("500m")).putLimits("memory", quantity("128Mi"))
                        .putRequests("cpu", quantity("100m")))
                .setLivenessProbe(V1.Probe.newBuilder().setInitialDelaySeconds(5)
                        .setHandler(V1.ProbeHandler.newBuilder().setHttpGet(V1.HTTPGetAction.newBuilder()
                                .setPath("/healthz").setPort(IntOrString.newBuilder().setType(1).setStrVal("http")))))
                .setReadinessProbe(V1.Probe.newBuilder()
                        .setHandler(V1.ProbeHandler.newBuilder().setTcpSocket(V1.TCPSocketAction.newBuilder()
                                .setPort(IntOrString.newBuilder().setType(0).setIntVal(8080)))))
                .build();
        return V1.Pod.newBuilder()
                .setMetadata(metadata(namespace, name).putLabels("app", "web").putLabels("tier", "")
                        .putAnnotations("note", "line one\nline two")
                        .addManagedFields(Meta.ManagedFieldsEntry.newBuilder().setManager("kubelet")
                                .setOperation("Update").setApiVersion("v1")
                                .setTime(Meta.Time.newBuilder().setSeconds(CREATED + 60))
                                .setFieldsType("FieldsV1")
                                .setFieldsV1(Meta.FieldsV1.newBuilder().setRaw(ByteString.copyFromUtf8(
                                        "{\"f:status\":{\"f:phase\":{}}}")))))
                .setSpec(V1.PodSpec.newBuilder().addContainers(container).setNodeName("node-1")
                        .setHostNetwork(false)
                        .addVolumes(V1.Volume.newBuilder().setName("cache")
                                .setVolumeSource(V1.VolumeSource.newBuilder()
                                        .setEmptyDir(V1.EmptyDirVolumeSource.newBuilder()))))
                .setStatus(V1.PodStatus.newBuilder().setPhase("Running").setPodIP("10.1.2.3")
                        .setStartTime(Meta.Time.newBuilder().setSeconds(CREATED + 5))
                        .addContainerStatuses(V1.ContainerStatus.newBuilder().setName("web").setReady(false)
                                .setRestartCount(0).setImage("nginx:1.27")))
                .build();
    }

    public static V1Apps.Deployment deployment(String namespace, String name) {
        return V1Apps.Deployment.newBuilder()
                .setMetadata(metadata(namespace, name))
                .setSpec(V1Apps.DeploymentSpec.newBuilder().setReplicas(3)
                        .setSelector(Meta.LabelSelector.newBuilder().putMatchLabels("app", name))
                        .setStrategy(V1Apps.DeploymentStrategy.newBuilder().setType("RollingUpdate")
                                .setRollingUpdate(V1Apps.RollingUpdateDeployment.newBuilder()
                                        .setMaxSurge(IntOrString.newBuilder().setType(1).setStrVal("25%"))
                                        .setMaxUnavailable(IntOrString.newBuilder().setType(0).setIntVal(1))))
                        .setTemplate(V1.PodTemplateSpec.newBuilder()
                                .setMetadata(Meta.ObjectMeta.newBuilder().putLabels("app", name)
                                        .setCreationTimestamp(Meta.Time.newBuilder()))
                                .setSpec(V1.PodSpec.newBuilder().addContainers(V1.Container.newBuilder()
                                        .setName(name).setImage("registry.k8s.io/" + name + ":v1")))))
                .setStatus(V1Apps.DeploymentStatus.newBuilder().setReplicas(3).setReadyReplicas(2))
                .build();
    }

    public static V1.ConfigMap configMap(String namespace, String name) {
        return V1.ConfigMap.newBuilder().setMetadata(metadata(namespace, name))
                .putData("app.properties", "color=blue\nsize=3\n")
                .putData("port", "8080")
                .putBinaryData("blob", ByteString.copyFrom(new byte[] {0, 1, 2, (byte) 0xff}))
                .build();
    }

    public static V1.Secret secret(String namespace, String name) {
        return V1.Secret.newBuilder().setMetadata(metadata(namespace, name)).setType("Opaque")
                .putData("password", ByteString.copyFrom("s3cr3t!", StandardCharsets.UTF_8))
                .build();
    }

    /** Renewed at 2024-03-01T12:00:30.123456Z (the nanoseconds below the microsecond are not shown). */
    public static V1Coordination.Lease lease(String namespace, String name) {
        return V1Coordination.Lease.newBuilder().setMetadata(metadata(namespace, name))
                .setSpec(V1Coordination.LeaseSpec.newBuilder().setHolderIdentity(name).setLeaseDurationSeconds(40)
                        .setAcquireTime(Meta.MicroTime.newBuilder().setSeconds(CREATED))
                        .setRenewTime(Meta.MicroTime.newBuilder().setSeconds(CREATED + 30).setNanos(123_456_789))
                        .setLeaseTransitions(0))
                .build();
    }
}
