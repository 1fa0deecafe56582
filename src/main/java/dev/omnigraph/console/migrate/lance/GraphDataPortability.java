package dev.omnigraph.console.migrate.lance;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.storage.ObjectInfo;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.storage.UncheckedStorageException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Can the graph data of a root be copied to new keys and still be the same data there? A graph
 * root is opaque engine data, but one case is known to break a copy: a Lance dataset whose
 * manifest records an external base path (a shallow clone — how a branch of {@code __manifest/}
 * is made — records its source dataset's absolute URI), so reads through the copy would still go
 * to the old root, or fail once it is gone. Lance branch layouts ({@code _refs/branches/},
 * {@code tree/<branch>/}) are refused too. Every manifest of every dataset of every graph is
 * decoded ({@link ManifestReader}); the listing is streamed, so memory grows with the number of
 * datasets, not of objects.
 */
public final class GraphDataPortability {
    public static final int MAX_PROBLEMS = 200;
    /** Manifests read at once (each is one or two GETs). */
    static final int CONCURRENCY = 8;
    private static final String VERSIONS = "_versions/";
    private static final String BRANCH_REFS = "_refs/branches/";
    private static final String TREE = "tree/";

    private final ObjectStore store;
    private final Set<String> graphs = new HashSet<>();
    private final Map<String, Set<String>> datasets = new HashMap<>();
    private final Set<PortabilityReport.Problem> problems = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
    private final java.util.concurrent.atomic.AtomicInteger manifests = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(CONCURRENCY);
    private final List<java.util.concurrent.Future<?>> reads = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicReference<StorageException> failure = new java.util.concurrent.atomic.AtomicReference<>();
    private java.util.concurrent.ExecutorService pool;

    private GraphDataPortability(ObjectStore store) {
        this.store = store;
    }

    /** Inspects every graph root under {@code graphs/}. */
    public static PortabilityReport check(ObjectStore store) throws StorageException {
        GraphDataPortability check = new GraphDataPortability(store);
        try (java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            check.pool = pool;
            try (Stream<ObjectInfo> objects = store.list(ClusterLayout.GRAPHS)) {
                for (ObjectInfo info : (Iterable<ObjectInfo>) objects::iterator) {
                    check.visit(info);
                }
            } catch (UncheckedStorageException e) {
                throw e.getCause();
            } finally {
                check.awaitReads();
            }
        }
        if (check.failure.get() != null) {
            throw check.failure.get();
        }
        return check.report();
    }

    private void awaitReads() throws StorageException {
        for (java.util.concurrent.Future<?> read : reads) {
            try {
                read.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageException(StorageException.Kind.IO, ClusterLayout.GRAPHS, "Interrupted while Lance manifests were read", e);
            } catch (java.util.concurrent.ExecutionException e) {
                failure.compareAndSet(null, new StorageException(StorageException.Kind.IO, ClusterLayout.GRAPHS,
                        "Could not read a Lance manifest: " + e.getCause(), e.getCause()));
            }
        }
    }

    private PortabilityReport report() {
        List<PortabilityReport.Problem> all;
        synchronized (problems) {
            all = new ArrayList<>(problems);
        }
        all.sort(java.util.Comparator.comparing(PortabilityReport.Problem::graph).thenComparing(PortabilityReport.Problem::dataset));
        List<PortabilityReport.Problem> listed = all.subList(0, Math.min(all.size(), MAX_PROBLEMS));
        int count = datasets.values().stream().mapToInt(Set::size).sum();
        return new PortabilityReport(graphs.size(), count, manifests.get(), listed, all.size() - listed.size());
    }

    private void visit(ObjectInfo info) throws StorageException {
        String graph = ClusterLayout.graphIdOf(info.key()).orElse(null);
        if (graph == null) {
            return;
        }
        graphs.add(graph);
        String rest = info.key().substring(ClusterLayout.graphPrefix(graph).length());
        int refs = segment(rest, BRANCH_REFS);
        if (refs >= 0) {
            problem(graph, trimSlash(rest.substring(0, refs)), "it has Lance branch refs (" + BRANCH_REFS
                    + "): a branch reads through its parent's absolute location, so it is not portable");
        }
        int versions = segment(rest, VERSIONS);
        if (versions < 0 || !rest.endsWith(".manifest")) {
            return;
        }
        String dataset = trimSlash(rest.substring(0, versions));
        Set<String> known = datasets.computeIfAbsent(graph, g -> new HashSet<>());
        String parent = branchParent(dataset, known);
        if (parent != null) {
            problem(graph, parent, "it has a Lance branch under " + TREE + " (" + dataset.substring(parent.isEmpty() ? 0 : parent.length() + 1)
                    + "): a branch reads through its parent's absolute location, so it is not portable");
        } else {
            known.add(dataset);
        }
        submit(graph, dataset, info);
    }

    /** Reads the manifest on the pool, at most {@link #CONCURRENCY} at once; the listing waits for a free slot. */
    private void submit(String graph, String dataset, ObjectInfo info) throws StorageException {
        if (failure.get() != null) {
            throw failure.get();
        }
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(StorageException.Kind.IO, info.key(), "Interrupted while Lance manifests were read", e);
        }
        if (reads.size() >= 1_024) {
            reads.removeIf(f -> f.state() == java.util.concurrent.Future.State.SUCCESS); // memory stays bounded
        }
        reads.add(pool.submit(() -> {
            try {
                inspect(graph, dataset, info);
            } catch (StorageException e) {
                failure.compareAndSet(null, e);
            } finally {
                slots.release();
            }
        }));
    }

    private void inspect(String graph, String dataset, ObjectInfo info) throws StorageException {
        String file = info.key().substring(info.key().lastIndexOf('/') + 1);
        LanceManifest manifest;
        try {
            manifest = ManifestReader.read(() -> open(info.key()), info.size());
        } catch (ManifestFormatException e) {
            problem(graph, dataset, "its manifest " + file + " cannot be decoded (" + e.getMessage()
                    + "), so the console cannot show that the dataset is portable");
            return;
        } catch (IOException e) {
            throw new StorageException(StorageException.Kind.IO, info.key(), "Could not read the Lance manifest " + info.key()
                    + ": " + e.getMessage(), e);
        }
        manifests.incrementAndGet();
        String location = location(ClusterLayout.graphPrefix(graph) + dataset);
        for (LanceManifest.BasePath base : manifest.basePaths()) {
            problem(graph, dataset, describe(base, location));
        }
        manifest.branch().ifPresent(b -> problem(graph, dataset, "its manifests belong to the Lance branch '" + b
                + "': a branch reads through its parent's absolute location, so it is not portable"));
    }

    private InputStream open(String key) throws IOException {
        try {
            return store.openStream(key).orElseThrow(() -> new IOException("the object disappeared while it was inspected "
                    + "(is every writer stopped?)"));
        } catch (StorageException e) {
            throw new IOException(e.describe(), e);
        }
    }

    private static String describe(LanceManifest.BasePath base, String datasetLocation) {
        String path = normalise(base.path());
        boolean inside = path.equals(datasetLocation) || path.startsWith(datasetLocation + "/");
        if (inside) {
            return "its manifest records its own absolute location " + base.path() + " as base path " + base.id()
                    + ": after a copy, reads would still go to the source";
        }
        return "its manifest records base path " + base.id() + " outside the dataset, at " + base.path()
                + " (a Lance shallow clone or imported files): reads through a copy would still come from there, or fail once it is gone";
    }

    /** The absolute location of a key of this store, spelled as Lance records base paths. */
    private String location(String key) {
        return switch (store.uri()) {
            case StoreUri.Local local -> normalise(local.root().resolve(key).toAbsolutePath().normalize().toString());
            case StoreUri.S3 s3 -> normalise(s3.child(key).display());
        };
    }

    private static String normalise(String path) {
        String p = path.startsWith("file://") ? path.substring("file://".length()) : path;
        return trimSlash(p);
    }

    /** The known dataset this one is a {@code tree/<branch>} of, or null. */
    private static String branchParent(String dataset, Set<String> known) {
        if (dataset.startsWith(TREE) && known.contains("")) {
            return "";
        }
        for (int at = dataset.indexOf("/" + TREE); at >= 0; at = dataset.indexOf("/" + TREE, at + 1)) {
            String parent = dataset.substring(0, at);
            if (known.contains(parent)) {
                return parent;
            }
        }
        return null;
    }

    /** Where a folder segment ({@code name/}) starts in a relative key, or -1. */
    private static int segment(String rest, String name) {
        if (rest.startsWith(name)) {
            return 0;
        }
        int at = rest.indexOf("/" + name);
        return at < 0 ? -1 : at + 1;
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private void problem(String graph, String dataset, String reason) {
        problems.add(new PortabilityReport.Problem(graph, dataset, reason));
    }
}
