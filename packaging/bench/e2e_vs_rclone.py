#!/usr/bin/env python3
"""Whole `migrate-storage` (a cold JVM, as a user runs it) against `rclone copy` + `rclone check`.

Started by e2e-vs-rclone.sh (which builds the jar first); see docs/benchmarks.md. It prints figures
and asserts nothing. Everything runs on 127.0.0.1: the console's `local-s3` endpoint in a JVM of its
own, a latency-adding TCP proxy in this process (slow-link case), the commands under test.

For each round the variants of each case run one after the other in a rotating order, so drift of
the shared machine hits them alike. Per command: wall time, client CPU (user + sys of the process
and every descendant it reaped, from wait4) and peak RSS (the largest process).
"""
import argparse
import asyncio
import os
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

KIB = 1024
MIB = 1024 * KIB


# ---- the latency-adding proxy -------------------------------------------------------------------

class LatencyProxy:
    """Forwards 127.0.0.1:port to 127.0.0.1:upstream, delivering every chunk `delay` seconds after it
    was read, in order, in both directions: a link with that one-way latency and no bandwidth cap."""

    def __init__(self, upstream_port, delay):
        self.upstream_port = upstream_port
        self.delay = delay
        self.port = None
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self):
        self._thread.start()
        self._ready.wait(10)
        return self

    def _run(self):
        asyncio.set_event_loop(self._loop)
        server = self._loop.run_until_complete(asyncio.start_server(self._handle, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        self._loop.run_forever()

    async def _pump(self, reader, writer):
        queue = asyncio.Queue()

        async def deliver():
            while True:
                due, data = await queue.get()
                wait = due - self._loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                if data is None:
                    break
                writer.write(data)
                await writer.drain()
            try:
                writer.write_eof()
            except (OSError, RuntimeError):
                pass

        task = asyncio.ensure_future(deliver())
        try:
            while True:
                data = await reader.read(256 * KIB)
                queue.put_nowait((self._loop.time() + self.delay, data if data else None))
                if not data:
                    break
        except (ConnectionError, OSError):
            queue.put_nowait((self._loop.time(), None))
        try:
            await task
        except (ConnectionError, OSError):
            pass

    async def _handle(self, client_reader, client_writer):
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.upstream_port)
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(self._pump(client_reader, up_writer), self._pump(up_reader, client_writer),
                             return_exceptions=True)
        for w in (client_writer, up_writer):
            try:
                w.close()
            except OSError:
                pass

    def stop(self):
        """Nothing to do: the loop runs on a daemon thread that ends with this process."""


# ---- running and measuring commands -------------------------------------------------------------

class Sample:
    def __init__(self, wall, cpu, rss_kib, ok, note=""):
        self.wall, self.cpu, self.rss_kib, self.ok, self.note = wall, cpu, rss_kib, ok, note

    def __add__(self, other):
        return Sample(self.wall + other.wall, self.cpu + other.cpu, max(self.rss_kib, other.rss_kib),
                      self.ok and other.ok, (self.note + " " + other.note).strip())


def run(cmd, env, log, timeout=3600):
    """Runs cmd, returns its Sample (wall, user+sys of the tree via wait4, peak RSS)."""
    with open(log, "ab") as out:
        out.write(("\n$ " + " ".join(cmd) + "\n").encode())
        out.flush()
        t0 = time.monotonic()
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        deadline = t0 + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
            time.sleep(0.005)
        wall = time.monotonic() - t0
        code = os.waitstatus_to_exitcode(status)
        proc.returncode = code
        out.write(f"# exit {code}, wall {wall:.2f} s\n".encode())
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, code == 0,
                  "" if code == 0 else f"exit {code}")


class Bench:
    def __init__(self, args):
        self.args = args
        self.repo = Path(__file__).resolve().parents[2]
        self.work = Path(args.work).resolve()
        self.jar = Path(args.jar).resolve() if args.jar else self.repo / "target" / "omnigraph-console.jar"
        self.other_jar = Path(args.compare_jar).resolve() if args.compare_jar else None
        self.java = str(Path(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64")) / "bin" / "java")
        self.log = self.work / "commands.log"
        self.server = None
        self.proxy = None
        self.env = None
        self.endpoint = None
        self.bucket = "bench"
        self.counter = 0
        self.results = {}  # (case, variant) -> [Sample]
        self.aot_cache = None

    # -- set-up --

    def java_cmd(self, jar=None, options=None):
        cmd = [self.java]
        options = self.args.java_options if options is None else options
        if options:
            cmd += options.split()
        return cmd + ["-jar", str(jar or self.jar)]

    def start_server(self):
        data = self.work / "s3-data"
        if not self.args.keep_data and data.exists():
            shutil.rmtree(data)
        data.mkdir(parents=True, exist_ok=True)
        out = open(self.work / "local-s3.log", "wb")
        self.server = subprocess.Popen([self.java, "-Xmx1g", "-jar", str(self.jar), "local-s3", "--data", str(data),
                                        "--bucket", self.bucket], stdout=subprocess.PIPE, stderr=out,
                                       stdin=subprocess.DEVNULL, start_new_session=True)
        exports = {}
        for raw in self.server.stdout:
            line = raw.decode().strip()
            m = re.match(r"export (.*)", line)
            if m:
                for pair in m.group(1).split():
                    k, _, v = pair.partition("=")
                    exports[k] = v
            if line.startswith("Serving until"):
                break
        if "AWS_ENDPOINT_URL" not in exports:
            sys.exit("local-s3 did not start; see " + str(self.work / "local-s3.log"))
        threading.Thread(target=lambda: self.server.stdout.read(), daemon=True).start()
        self.endpoint = exports["AWS_ENDPOINT_URL"]
        env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "RCLONE_"))}
        env.update(exports)
        env.update({"RCLONE_CONFIG": "/dev/null", "RCLONE_CONFIG_REF_TYPE": "s3", "RCLONE_CONFIG_REF_PROVIDER": "Other",
                    "RCLONE_CONFIG_REF_ENV_AUTH": "true", "RCLONE_CONFIG_REF_ENDPOINT": self.endpoint,
                    "RCLONE_CONFIG_REF_REGION": "us-east-1", "RCLONE_CONFIG_REF_FORCE_PATH_STYLE": "true"})
        self.env = env
        print(f"local-s3 at {self.endpoint} (pid {self.server.pid}), data in {data}", flush=True)

    def env_via(self, endpoint):
        env = dict(self.env)
        env["AWS_ENDPOINT_URL"] = endpoint
        env["RCLONE_CONFIG_REF_ENDPOINT"] = endpoint
        return env

    def make_cluster(self, name, small, small_bytes, large, large_bytes):
        """A quiet demo cluster (`demo create --quiet-cluster`) plus the bulk objects, in a folder."""
        root = self.work / "data" / name
        marker = root / ".complete"
        if marker.exists():
            return root
        if root.exists():
            shutil.rmtree(root)
        code = subprocess.call(self.java_cmd() + ["demo", "create", "--quiet-cluster", "--root", str(root)],
                               stdout=subprocess.DEVNULL)
        if code != 0:
            sys.exit("demo create failed for " + str(root))
        base = root / "graphs" / "bulk" / "nodes"
        base.mkdir(parents=True, exist_ok=True)
        (root / "graphs" / "bulk" / "_schema.pg").write_text("node Blob {\n  key: String @key\n}\n")
        rnd = open("/dev/urandom", "rb")
        if small:
            d = base / "00000000000000a1-0000000000000001" / "data"
            d.mkdir(parents=True, exist_ok=True)
            for i in range(small):
                (d / f"{i:05d}.lance").write_bytes(rnd.read(small_bytes))
        if large:
            d = base / "00000000000000b2-0000000000000001" / "data"
            d.mkdir(parents=True, exist_ok=True)
            for i in range(large):
                with open(d / f"large-{i:03d}.lance", "wb") as f:
                    left = large_bytes
                    while left:
                        n = min(left, 4 * MIB)
                        f.write(rnd.read(n))
                        left -= n
        marker.write_text("")
        return root

    def upload_source(self, folder, prefix):
        """The same cluster at s3://bench/<prefix> (rclone copy, not timed); the marker file stays local."""
        sample = run(["rclone", "copy", str(folder), f"ref:{self.bucket}/{prefix}", "--transfers", "16",
                      "--exclude", ".complete"], self.env, self.log)
        if not sample.ok:
            sys.exit("could not upload the source " + prefix + "; see " + str(self.log))

    def fresh(self, what):
        self.counter += 1
        return f"dst/{what}-{os.getpid()}-{self.counter}"

    # -- the commands under test --

    def console(self, source, dest_prefix, env, concurrency=None, prefix=None):
        cmd = (prefix or self.java_cmd()) + ["migrate-storage", "--from", source, "--to", f"s3://{self.bucket}/{dest_prefix}",
                                             "--writers-stopped", "--yes"]
        if concurrency:
            cmd += ["--concurrency", str(concurrency)]
        s = run(cmd, env, self.log)
        if s.ok and source.startswith("s3://"):
            self.unlock(source, env)
        return s

    def unlock(self, source, env):
        """A migration leaves the source locked ('migrated'): release it so the next round can start
        from the same source (not timed)."""
        text = subprocess.run(self.java_cmd() + ["status", "--root", source, "--json"], env=env,
                              capture_output=True, text=True).stdout
        m = re.search(r'"lock_id"\s*:\s*"([^"]+)"', text) or re.search(r'"id"\s*:\s*"([0-9A-Z]{26})"', text)
        if m:
            subprocess.run(self.java_cmd() + ["force-unlock", m.group(1), "--root", source],
                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def rclone(self, source, dest_prefix, env, transfers=None):
        dst = f"ref:{self.bucket}/{dest_prefix}"
        src = source if not source.startswith("s3://") else "ref:" + source[len("s3://"):]
        flags = ["--exclude", ".complete"]
        if transfers:
            flags += ["--transfers", str(transfers), "--checkers", str(2 * transfers)]
        copy = run(["rclone", "copy", src, dst] + flags, env, self.log)
        check = run(["rclone", "check", src, dst] + flags, env, self.log)
        return copy + check

    def record(self, case, variant, sample):
        self.results.setdefault((case, variant), []).append(sample)
        flag = "" if sample.ok else "  FAILED (" + sample.note + ", see " + str(self.log) + ")"
        print(f"  {case:<28} {variant:<22} wall {sample.wall:7.2f} s  cpu {sample.cpu:6.2f} s  "
              f"rss {sample.rss_kib / 1024:6.0f} MiB{flag}", flush=True)

    # -- the cases --

    def cases(self):
        a = self.args
        n = a.concurrency
        small = self.make_cluster("small", 2000, 16 * KIB, 0, 0) if "small" in a.cases or "s3s3" in a.cases \
            or "latency" in a.cases else None
        large = self.make_cluster("large", 0, 0, 10, 64 * MIB) if "large" in a.cases else None
        out = []
        if "small" in a.cases:
            out.append(("2000x16KiB folder->s3", str(small), self.env))
        if "large" in a.cases:
            out.append(("10x64MiB folder->s3", str(large), self.env))
        if "s3s3" in a.cases:
            self.upload_source(small, "src/small")
            out.append(("2000x16KiB s3->s3", f"s3://{self.bucket}/src/small", self.env))
        if "latency" in a.cases:
            self.proxy = LatencyProxy(int(self.endpoint.rsplit(":", 1)[1]), a.latency_ms / 1000.0).start()
            slow = self.env_via(f"http://127.0.0.1:{self.proxy.port}")
            out.append((f"2000x16KiB +{a.latency_ms}ms link", str(small), slow))
        return out, n

    def console_variants(self):
        """(name, command prefix) of every console variant: the jar under test first, then --aot, --variant,
        --compare-jar and --launcher ones."""
        out = [("console", self.java_cmd())]
        if self.aot_cache:
            out.append(("console+AOT", self.java_cmd(options=(self.args.java_options + " -XX:AOTCache=" + str(self.aot_cache)).strip())))
        for spec in self.args.variant:
            name, _, options = spec.partition("=")
            out.append((name.strip(), self.java_cmd(options=options.replace("{aot}", str(self.aot_cache or "")))))
        if self.other_jar:
            out.append((self.args.compare_name, self.java_cmd(self.other_jar, self.args.compare_java_options)))
        for spec in self.args.launcher:
            name, _, path = spec.rpartition("=")
            out.append((name or "launcher", [str(Path(path).resolve())]))
        return out

    def variants(self, source, env, n):
        tag = re.sub(r"[^a-z0-9]+", "-", source.lower())[-20:]
        out = []
        for i, (name, prefix) in enumerate(self.console_variants()):
            out.append((f"{name} ({n})", lambda i=i, prefix=prefix: self.console(source, self.fresh(f"c{i}" + tag), env, n, prefix)))
        return out + [
            (f"rclone ({n})", lambda: self.rclone(source, self.fresh("r" + tag), env, n)),
            ("rclone (defaults)", lambda: self.rclone(source, self.fresh("d" + tag), env)),
        ]

    def train_aot(self):
        """JDK 25's AOT cache for the CLI, recorded by one training run of migrate-storage (the small set, folder -> s3)."""
        cache = self.work / "omnigraph-console-cli.aot"
        if cache.exists():
            cache.unlink()
        small = self.make_cluster("small", 2000, 16 * KIB, 0, 0)
        cmd = self.java_cmd(options=(self.args.java_options + f" -XX:AOTCacheOutput={cache}").strip()) + [
            "migrate-storage", "--from", str(small), "--to", f"s3://{self.bucket}/{self.fresh('aot-training')}",
            "--writers-stopped", "--yes"]
        sample = run(cmd, self.env, self.log)
        print(f"AOT cache recorded in {sample.wall:.1f} s: {cache} ({cache.stat().st_size >> 20} MiB)" if cache.exists()
              else "AOT cache training failed; see " + str(self.log), flush=True)
        self.aot_cache = cache if cache.exists() else None

    def status_case(self):
        count = self.args.status_objects
        root = self.work / "data" / f"status-{count}"
        prefix = f"src/status-{count}"
        if not (root / ".complete").exists():
            if root.exists():
                shutil.rmtree(root)
            subprocess.check_call(self.java_cmd() + ["demo", "create", "--quiet-cluster", "--root", str(root)],
                                  stdout=subprocess.DEVNULL)
            d = root / "graphs" / "bulk" / "nodes" / "00000000000000a1-0000000000000001" / "data"
            d.mkdir(parents=True)
            for i in range(count):
                (d / f"{i:06d}.lance").write_bytes(b"x" * 64)
            (root / ".complete").write_text("")
        print(f"uploading the {count}-object root (not timed)", flush=True)
        self.upload_source(root, prefix)
        uri = f"s3://{self.bucket}/{prefix}"
        out = [(f"{name} status", lambda p=p: run(p + ["status", "--root", uri], self.env, self.log))
               for name, p in self.console_variants()]
        return out + [("rclone lsf -R", lambda: run(["rclone", "lsf", "-R", f"ref:{self.bucket}/{prefix}"], self.env, self.log))]

    def go(self):
        self.work.mkdir(parents=True, exist_ok=True)
        self.start_server()
        subprocess.run(["rclone", "mkdir", f"ref:{self.bucket}"], env=self.env, capture_output=True)
        cases, n = self.cases()
        if self.args.aot:
            self.train_aot()
        status = self.status_case() if self.args.status_objects else []
        for r in range(self.args.rounds):
            print(f"round {r + 1} of {self.args.rounds}", flush=True)
            for name, source, env in cases:
                vs = self.variants(source, env, n)
                shift = r % len(vs)
                for variant, fn in vs[shift:] + vs[:shift]:
                    self.record(name, variant, fn())
            if status:
                shift = r % len(status)
                for variant, fn in status[shift:] + status[:shift]:
                    self.record(f"status {self.args.status_objects} objects", variant, fn())
        self.table()

    def table(self):
        print()
        print(f"Medians of {self.args.rounds} round(s); load average now {os.getloadavg()[0]:.1f}. "
              "CPU = user + sys of the client process tree; RSS = its largest process.")
        print()
        print("| case | variant | wall (median) | × rclone (same concurrency) | × rclone (defaults) | client CPU "
              "| CPU × rclone (same concurrency) | peak RSS | failed runs |")
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
        by_case = {}
        for (case, variant), samples in self.results.items():
            by_case.setdefault(case, {})[variant] = samples
        for case, rows in by_case.items():
            med = {v: (statistics.median(s.wall for s in ss), statistics.median(s.cpu for s in ss)) for v, ss in rows.items()}
            equal = next((v for v in med if v.startswith("rclone (") and v != "rclone (defaults)"), None)
            equal = equal or ("rclone lsf -R" if "rclone lsf -R" in med else None)
            defaults = "rclone (defaults)" if "rclone (defaults)" in med else None
            for variant, samples in rows.items():
                wall, cpu = med[variant]
                rss = statistics.median(s.rss_kib for s in samples) / 1024
                failed = sum(1 for s in samples if not s.ok)
                print(f"| {case} | {variant} | {wall:.2f} s | {ratio(wall, med, equal, 0)} | {ratio(wall, med, defaults, 0)} "
                      f"| {cpu:.2f} s | {ratio(cpu, med, equal, 1)} | {rss:.0f} MiB | {failed} |")
        print()
        print("× rclone: that variant's median over rclone's (wall or CPU); below 1 is faster than rclone.")

    def close(self):
        if self.proxy:
            self.proxy.stop()
        if self.server and self.server.poll() is None:
            os.killpg(self.server.pid, signal.SIGTERM)
            try:
                self.server.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.server.pid, signal.SIGKILL)


def ratio(value, medians, reference, index):
    """value over the reference variant's median (index 0 wall, 1 CPU), as text; '–' without a reference."""
    if not reference or medians[reference][index] <= 0:
        return "–"
    return f"{value / medians[reference][index]:.2f}×"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--cases", default="small,large,s3s3,latency",
                   help="comma-separated: small, large, s3s3, latency (default: all four)")
    p.add_argument("--concurrency", type=int, default=16, help="the console's transfers and rclone's --transfers")
    p.add_argument("--latency-ms", type=int, default=10, help="one-way delay the proxy adds (slow-link case)")
    p.add_argument("--status-objects", type=int, default=0,
                   help="also time `status` of a root with this many objects against `rclone lsf -R` (0: skip)")
    p.add_argument("--work", default="target/bench-e2e", help="data, server objects and logs")
    p.add_argument("--keep-data", action="store_true", help="reuse the server's objects of an earlier run")
    p.add_argument("--java-options", default="", help="extra JVM options for the console's commands")
    p.add_argument("--aot", action="store_true",
                   help="also run the console with a JDK 25 AOT cache recorded by one training migration (-XX:AOTCache)")
    p.add_argument("--jar", default="", help="the console jar under test (default: target/omnigraph-console.jar)")
    p.add_argument("--compare-jar", default="", help="a second console jar (its lib/ beside it), run as one more variant")
    p.add_argument("--compare-name", default="before", help="that variant's name in the table")
    p.add_argument("--compare-java-options", default="", help="JVM options for the second jar's commands")
    p.add_argument("--variant", action="append", default=[], metavar="NAME=OPTIONS",
                   help="one more console variant: the jar under test with these JVM options ({aot}: the --aot cache); repeatable")
    p.add_argument("--launcher", action="append", default=[], metavar="[NAME=]PATH",
                   help="a packaged launcher (bin/omnigraph-console of an image) as one more variant; repeatable")
    a = p.parse_args()
    a.cases = [c.strip() for c in a.cases.split(",") if c.strip()]
    if shutil.which("rclone") is None:
        sys.exit("rclone is not installed (apt-get install -y rclone)")
    bench = Bench(a)
    try:
        bench.go()
    finally:
        bench.close()


if __name__ == "__main__":
    main()
