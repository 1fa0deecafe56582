package dev.omnigraph.console.storage;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds out what a storage root can do before the console relies on it: list, read, create-only
 * put, If-Match put, conditional delete, and bucket versioning. It lists, reads and writes only
 * where its caller says ({@link Targets}: the cluster layer knows where a ledger lives); it writes
 * one scratch object with a random name (one OmniGraph never reads) and removes it again, and only
 * where a cluster is ({@link Purpose#EXISTING_CLUSTER}, the default) or where the admin is creating
 * one ({@link Purpose#NEW_CLUSTER}: a migration's destination): testing a folder that holds no
 * cluster writes nothing there.
 *
 * <p>Each check proves the behaviour rather than trusting the absence of an error: the second
 * create-only put must be refused, a stale If-Match must be refused, and a conditional delete
 * with a wrong token must leave the object in place (some servers ignore the header and delete).
 */
public final class CapabilityProbe {

    /** A check's verdict. */
    public enum Status { PASS, WARN, FAIL, SKIPPED }

    /** One line of the checklist. */
    public record Check(String name, Status status, String detail) {}

    /** The checklist; {@link #supportsConditionalDelete()} tells force-unlock which path to take. */
    public record Report(String root, List<Check> checks, boolean conditionalDelete, Optional<Boolean> versioning) {
        public boolean canBrowse() {
            return passed(LIST) && passed(READ);
        }

        /** Create-only and If-Match both proven: safe for locks, ledgers and migration targets. */
        public boolean canWriteConditionally() {
            return passed(CREATE_ONLY) && passed(IF_MATCH);
        }

        public boolean supportsConditionalDelete() {
            return conditionalDelete;
        }

        public boolean passed(String name) {
            return checks.stream().anyMatch(c -> c.name().equals(name) && c.status() == Status.PASS);
        }

        public Optional<Check> check(String name) {
            return checks.stream().filter(c -> c.name().equals(name)).findFirst();
        }
    }

    /**
     * Where to probe: the prefix to list, the object to read (and what it is, for the checklist:
     * "ledger"), and the prefix of the scratch object.
     */
    public record Targets(String listPrefix, String readKey, String readWhat, String scratchPrefix) {}

    public static final String LIST = "list";
    public static final String READ = "read";
    public static final String CREATE_ONLY = "create-only put";
    public static final String IF_MATCH = "If-Match put";
    public static final String CONDITIONAL_DELETE = "conditional delete";
    public static final String VERSIONING = "bucket versioning";

    private CapabilityProbe() {}

    /** Why the root is probed, which decides whether the write checks may touch it. */
    public enum Purpose {
        /** Opening or testing a cluster: writes only where the ledger ({@link Targets#readKey()}) exists. */
        EXISTING_CLUSTER,
        /** The admin is creating a cluster here (a migration's destination): writes even where nothing is yet. */
        NEW_CLUSTER
    }

    /** Runs every check at a cluster root; where there is no cluster, the write checks are skipped (nothing is written). */
    public static Report run(ObjectStore store, Targets targets) {
        return run(store, targets, Purpose.EXISTING_CLUSTER);
    }

    /** Runs every check; never throws for a failed capability, only records it. */
    public static Report run(ObjectStore store, Targets targets, Purpose purpose) {
        List<Check> checks = new ArrayList<>();
        boolean listed = checkList(store, targets, checks);
        boolean clusterHere = checkRead(store, targets, listed, checks);
        if (purpose == Purpose.EXISTING_CLUSTER && !clusterHere) {
            String why = "not tested: no cluster at this root, and testing writes only where a cluster is (nothing was written)";
            for (String write : List.of(CREATE_ONLY, IF_MATCH, CONDITIONAL_DELETE)) {
                checks.add(new Check(write, Status.SKIPPED, why));
            }
            return finish(store, checks, false, null, null);
        }
        Scratch scratch = new Scratch(store,
                targets.scratchPrefix() + "console-probe-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8)) + ".tmp");
        if (scratch.checkCreateOnly(checks)) {
            scratch.checkIfMatch(checks);
            scratch.checkConditionalDelete(checks);
        }
        return finish(store, checks, scratch.conditionalDelete, scratch.key, scratch.token);
    }

    /** Lists the target prefix; true when listing works. */
    private static boolean checkList(ObjectStore store, Targets targets, List<Check> checks) {
        try (Stream<ObjectInfo> s = store.list(targets.listPrefix())) {
            long n = s.limit(5).count();
            checks.add(new Check(LIST, Status.PASS, n == 0 ? "listing works (no objects under " + targets.listPrefix() + ")" : "listing works"));
            return true;
        } catch (StorageException e) {
            checks.add(new Check(LIST, Status.FAIL, e.describe()));
        } catch (UncheckedStorageException e) {
            checks.add(new Check(LIST, Status.FAIL, e.getCause().describe()));
        }
        return false;
    }

    /** Reads the target object; true when it exists (a cluster is here). */
    private static boolean checkRead(ObjectStore store, Targets targets, boolean listed, List<Check> checks) {
        try {
            Optional<ObjectInfo> state = store.stat(targets.readKey());
            if (state.isPresent()) {
                store.read(targets.readKey(), 64L * 1024 * 1024);
                checks.add(new Check(READ, Status.PASS, "read " + targets.readKey() + " (" + state.get().size() + " bytes)"));
            } else {
                checks.add(new Check(READ, listed ? Status.PASS : Status.WARN, "no " + targets.readWhat() + " at this root yet ("
                        + targets.readKey() + " absent)"));
            }
            return state.isPresent();
        } catch (StorageException e) {
            checks.add(new Check(READ, Status.FAIL, e.describe()));
            return false;
        }
    }

    /**
     * The write checks on one scratch object: {@link #key} is the object left to remove (null when
     * there is none to remove) and {@link #token} its current version.
     */
    private static final class Scratch {
        private final ObjectStore store;
        private String key;
        private String token;
        private boolean conditionalDelete;

        Scratch(ObjectStore store, String key) {
            this.store = store;
            this.key = key;
        }

        /** Creates the scratch object and proves a second create-only put is refused; false when the other checks cannot run. */
        boolean checkCreateOnly(List<Check> checks) {
            try {
                PutResult first = store.put(key, "probe v1".getBytes(UTF_8), WriteCondition.IF_ABSENT);
                if (!(first instanceof PutResult.Written w)) {
                    checks.add(new Check(CREATE_ONLY, Status.FAIL, "a create-only put of a fresh scratch key was refused"));
                    return false;
                }
                token = w.token();
                PutResult second = store.put(key, "probe v2".getBytes(UTF_8), WriteCondition.IF_ABSENT);
                if (second instanceof PutResult.PreconditionFailed) {
                    checks.add(new Check(CREATE_ONLY, Status.PASS, "If-None-Match: * refused an existing key"));
                } else {
                    token = ((PutResult.Written) second).token();
                    checks.add(new Check(CREATE_ONLY, Status.FAIL,
                            "the server overwrote an existing object despite If-None-Match: * (locks would not be exclusive)"));
                }
                return true;
            } catch (StorageException e) {
                checks.add(new Check(CREATE_ONLY, Status.FAIL, e.describe()));
                checks.add(new Check(IF_MATCH, Status.SKIPPED, "needs a writable root"));
                checks.add(new Check(CONDITIONAL_DELETE, Status.SKIPPED, "needs a writable root"));
                key = null;
                token = null;
                return false;
            }
        }

        /** A stale If-Match must be refused and the current one accepted. */
        void checkIfMatch(List<Check> checks) {
            try {
                PutResult stale = store.put(key, "probe v3".getBytes(UTF_8), WriteCondition.ifMatch(staleToken(token)));
                PutResult fresh = stale instanceof PutResult.PreconditionFailed
                        ? store.put(key, "probe v4".getBytes(UTF_8), WriteCondition.ifMatch(token)) : stale;
                if (stale instanceof PutResult.PreconditionFailed && fresh instanceof PutResult.Written w) {
                    token = w.token();
                    checks.add(new Check(IF_MATCH, Status.PASS, "a stale If-Match was refused and a fresh one accepted"));
                } else if (!(stale instanceof PutResult.PreconditionFailed)) {
                    token = ((PutResult.Written) stale).token();
                    checks.add(new Check(IF_MATCH, Status.FAIL, "the server accepted a write with a stale If-Match (ledger CAS would not hold)"));
                } else {
                    checks.add(new Check(IF_MATCH, Status.FAIL, "the server refused a write with the current ETag"));
                }
            } catch (StorageException e) {
                checks.add(new Check(IF_MATCH, Status.FAIL, e.describe()));
            }
        }

        /** A delete with a wrong token must leave the object in place; one with the current token removes it. */
        void checkConditionalDelete(List<Check> checks) {
            try {
                checks.add(afterWrongTokenDelete(store.deleteIfMatch(key, staleToken(token))));
            } catch (StorageException e) {
                checks.add(new Check(CONDITIONAL_DELETE, Status.WARN, e.describe()));
            }
        }

        private Check afterWrongTokenDelete(DeleteResult wrong) throws StorageException {
            switch (wrong) {
                case DeleteResult.PreconditionFailed p -> {
                    DeleteResult right = store.deleteIfMatch(key, token);
                    if (!(right instanceof DeleteResult.Deleted)) {
                        return new Check(CONDITIONAL_DELETE, Status.WARN, "DELETE with the current ETag was refused: " + right);
                    }
                    conditionalDelete = true;
                    key = null;
                    return new Check(CONDITIONAL_DELETE, Status.PASS, "DELETE with If-Match is honoured");
                }
                case DeleteResult.ConditionNotSupported n -> {
                    return new Check(CONDITIONAL_DELETE, Status.WARN,
                            "not supported (" + n.detail() + "): force-unlock re-reads and compares immediately before a plain delete");
                }
                case DeleteResult.Deleted d -> {
                    key = null;
                    return new Check(CONDITIONAL_DELETE, Status.WARN,
                            "the server IGNORED If-Match and deleted anyway: the console will not trust it for force-unlock");
                }
                case DeleteResult.NotFound nf -> {
                    key = null;
                    return new Check(CONDITIONAL_DELETE, Status.WARN, "the scratch object vanished: cannot tell");
                }
            }
        }
    }

    private static Report finish(ObjectStore store, List<Check> checks, boolean conditionalDelete, String scratchKey, String token) {
        if (scratchKey != null) {
            removeScratch(store, scratchKey, token).ifPresent(problem -> checks.add(new Check("cleanup", Status.WARN,
                    "could not remove the scratch object " + scratchKey + ": " + problem)));
        }
        Optional<Boolean> versioning = Optional.empty();
        try {
            versioning = store.versioningEnabled();
            String detail = versioning.map(v -> v ? "on: ledger history is available" : "off: ledger history is unavailable")
                    .orElse("unknown: the server does not report it");
            checks.add(new Check(VERSIONING, versioning.orElse(false) ? Status.PASS : Status.WARN, detail));
        } catch (StorageException e) {
            checks.add(new Check(VERSIONING, Status.WARN, e.describe()));
        }
        return new Report(store.uri().display(), List.copyOf(checks), conditionalDelete, versioning);
    }

    /** Cleanup attempts: the scratch key is ours alone (random), so sending its delete again is safe. */
    private static final int CLEANUP_ATTEMPTS = 4;

    /**
     * Removes the scratch object, checking after a failed attempt whether it is still there (a
     * delete whose answer was lost may have happened): a probe run under transient faults must not
     * leave a stray object at a root that is about to receive a cluster. Empty when it is gone.
     */
    private static Optional<String> removeScratch(ObjectStore store, String key, String token) {
        String problem = null;
        for (int attempt = 0; attempt < CLEANUP_ATTEMPTS; attempt++) {
            try {
                if (attempt > 0 && store.stat(key).isEmpty()) {
                    return Optional.empty();
                }
                // a plain delete is the only option where conditional deletes are unsupported
                if (token == null || !(store.deleteIfMatch(key, token) instanceof DeleteResult.Deleted)) {
                    store.deleteUnconditionally(key);
                }
                return Optional.empty();
            } catch (StorageException e) {
                problem = e.describe();
                if (e.kind() == StorageException.Kind.CANCELLED || Thread.currentThread().isInterrupted()) {
                    break;
                }
            }
        }
        return Optional.ofNullable(problem);
    }

    private static String staleToken(String token) {
        String base = token == null ? "0" : token;
        return base.equals("0123456789abcdef0123456789abcdef") ? "fedcba9876543210fedcba9876543210" : "0123456789abcdef0123456789abcdef";
    }
}
