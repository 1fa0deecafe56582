#!/usr/bin/env python3
"""Runs the v0.13 fixture checker's own rules (verify_fixtures.py) on a generated demo root.

    check_v013_root.py FIXTURES_DIR ROOT_DIR CANONICAL_ROOT_URI

Prints OK and exits 0 when the root passes; prints the refusal code and exits 1 otherwise.
"""
import os
import sys

sys.path.insert(0, sys.argv[1])
import verify_fixtures as v  # noqa: E402

root, uri = sys.argv[2], sys.argv[3]
cluster = os.path.join(root, "__cluster")
try:
    state, _ = v.check_v2_canonical(os.path.join(cluster, "state.json"), "demo state.json")
    lock_path = os.path.join(cluster, "lock.json")
    if os.path.exists(lock_path):
        lock = v.read_lock(v.read(lock_path))
        assert lock["operation"] in v.LOCK_OPERATIONS_V013, lock["operation"]
    for a, r in state["applied_revision"]["resources"].items():
        path = v.payload_path(root, a, r["digest"])
        if path:
            v.read_payload(path, r["digest"])
    ddir = os.path.join(cluster, "resources", "deployment")
    bundles = {f[:-5]: v.read_bundle(f, v.read(os.path.join(ddir, f)), uri) for f in sorted(os.listdir(ddir))}
    for r in state["deployment_results"]:
        assert r["input_digest"] in bundles, "no bundle for " + r["id"]
    if state.get("outstanding"):
        assert state["outstanding"]["input_digest"] in bundles, "no bundle for the outstanding deployment"
    last = state["deployment_results"][-1]
    assert last["converged"] and bundles[last["input_digest"]]["resources"] == state["applied_revision"]["resources"]
    v.serving_snapshot(state)
except (AssertionError, v.Refusal) as e:
    print("FAILED: %r" % (e,))
    sys.exit(1)
print("OK %d bundles, revision %d" % (len(bundles), state["state_revision"]))
