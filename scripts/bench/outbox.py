#!/usr/bin/env python3
"""Outbox drain benchmark: how fast a backlog reaches the workflow core once it is back.

Starts `motcua serve` with an external workflow core socket where nothing listens yet, issues tickets
(each one event) while the core is away, then starts `motcua workflow serve` on that socket and
measures, from the moment the daemon reports the core connected (motcua_workflow_connected 1) to the
moment its outbox is empty (motcua_outbox_pending 0), how many events per second were delivered and
acknowledged. Checks with events.stats that the core stored every event exactly once.

Prints one line: BENCH outbox events=N seconds=S rate=R stored=K duplicates=D
"""

import argparse
import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def metrics(port):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    c.request("GET", "/metrics")
    text = c.getresponse().read().decode()
    c.close()
    values = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.rpartition(" ")
            values[name] = float(value)
    return values


def issue(port, count, service, errors):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    body = json.dumps({"service": service})
    for _ in range(count):
        c.request("POST", "/api/v1/tickets", body=body, headers={"Content-Type": "application/json"})
        r = c.getresponse()
        r.read()
        if r.status != 201:
            errors.append(r.status)
    c.close()


def call(path, method, params):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(path)
    s.sendall((json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params}) + "\n").encode())
    data = b""
    while not data.endswith(b"\n"):
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    s.close()
    return json.loads(data)


def wait_ready(port, process, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            sys.exit(f"bench: daemon exited with {process.returncode}")
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            c.request("GET", "/readyz")
            if c.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.05)
    sys.exit("bench: daemon not ready")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default="./.build/release/motcua")
    parser.add_argument("--config", default="scripts/bench/bench.yaml")
    parser.add_argument("--events", type=int, default=40000)
    parser.add_argument("--service", default="HT")
    parser.add_argument("--log", default="artifacts/bench-outbox.log")
    args = parser.parse_args()

    state = tempfile.mkdtemp(prefix="motcua-outbox-")
    core_dir = os.path.join(state, "core")
    sock = os.path.join(state, "core.sock")
    port = free_port()
    log = open(args.log, "wb")
    daemon = subprocess.Popen(
        [args.bin, "serve", "--state-dir", state, "--http", f"127.0.0.1:{port}", "--config", args.config,
         "--workflow-socket", sock], stdout=log, stderr=subprocess.STDOUT)
    core = None
    try:
        wait_ready(port, daemon)
        errors = []
        threads = [threading.Thread(target=issue, args=(port, args.events // 8, args.service, errors)) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if errors:
            sys.exit(f"bench: {len(errors)} tickets refused (statuses {sorted(set(errors))})")
        backlog = int(metrics(port)["motcua_outbox_pending"])
        core = subprocess.Popen([args.bin, "workflow", "serve", "--state-dir", core_dir, "--socket", sock],
                                stdout=log, stderr=subprocess.STDOUT)
        connected_at = None
        deadline = time.time() + 300
        while time.time() < deadline:
            m = metrics(port)
            now = time.monotonic()
            if connected_at is None and m.get("motcua_workflow_connected") == 1:
                connected_at = now
            if connected_at is not None and m.get("motcua_outbox_pending") == 0:
                break
            time.sleep(0.01)
        else:
            sys.exit("bench: the outbox did not drain within 300 s")
        seconds = max(now - connected_at, 0.001)
        stats = call(sock, "events.stats", {})["result"]
        print(f"BENCH outbox events={backlog} seconds={seconds:.3f} rate={backlog / seconds:.0f} "
              f"stored={stats['stored']} duplicates={stats['duplicates']} last_seq={stats['last_seq']}")
    finally:
        for p in (core, daemon):
            if p is not None and p.poll() is None:
                p.terminate()
                try:
                    p.wait(10)
                except subprocess.TimeoutExpired:
                    p.kill()
        subprocess.run(["rm", "-rf", state])


if __name__ == "__main__":
    main()
