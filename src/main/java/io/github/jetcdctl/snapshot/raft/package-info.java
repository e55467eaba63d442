/**
 * The raft side of {@code snapshot restore}, byte-identical to etcdutl 3.5 (checked against Debian's
 * etcdutl 3.5.16): flag validation and IDs ({@link io.github.jetcdctl.snapshot.raft.RestoreConfig}
 * &rarr; {@link io.github.jetcdctl.snapshot.raft.ClusterPlan}), the {@code .snap} file
 * ({@link io.github.jetcdctl.snapshot.raft.SnapFile}), the WAL
 * ({@link io.github.jetcdctl.snapshot.raft.RestoreWal}) and the directory layout
 * ({@link io.github.jetcdctl.snapshot.raft.RaftDirWriter}).
 *
 * <p>Typical use by the restore command:
 * <pre>
 * ClusterPlan plan = new RestoreConfig(name, initialCluster, token, advertisePeerUrls)
 *         .plan(UrlResolver.system(), (url, host, addr) -&gt; log("resolved URL Host", ...));
 * RaftDirWriter.checkTargets(dataDirArg, walDirArg);
 * RaftDirWriter.createSnapDir(dataDir);          // then write member/snap/db (0600) with
 *                                                // plan.members(), plan.snapshotIndex(), plan.term()
 * RaftDirWriter.write(dataDir, walDirOrNull, plan);
 * </pre>
 * Errors are {@link io.github.jetcdctl.snapshot.raft.RestoreConfigException}s whose message is the
 * text etcdutl prints after {@code Error: } (exit code 1).
 */
package io.github.jetcdctl.snapshot.raft;
