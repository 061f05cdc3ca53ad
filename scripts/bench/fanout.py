#!/usr/bin/env python3
"""Fan-out benchmark: how long a counter's call takes to reach every connected display.

Opens DISPLAYS Server-Sent-Event connections to GET /api/v1/events (starting from now), opens
counter 1 and presses "next" CALLS times over the control socket, and measures for every display and
every ticket.called event the time from the event's own `at` (stamped when the call was applied) to
its arrival. Prints one line: FANOUT displays=… calls=… samples=… p50_ms=… p99_ms=… max_ms=… missing=…
"""
import argparse
import asyncio
import datetime
import http.client
import json
import socket
import time


class UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path):
        super().__init__("localhost", timeout=10)
        self.unix_path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(self.unix_path)


def control(path, method, uri):
    connection = UnixHTTPConnection(path)
    connection.request(method, uri)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


async def display(host, port, calls, latencies, ready):
    reader, writer = await asyncio.open_connection(host, port)
    # An id far ahead of the log: the daemon starts the stream from now.
    writer.write(b"GET /api/v1/events HTTP/1.1\r\nHost: bench\r\nLast-Event-ID: 999999999999\r\n\r\n")
    await writer.drain()
    ready.set_result(True) if not ready.done() else None
    seen, event = 0, None
    while seen < calls:
        line = await reader.readline()
        if not line:
            break
        arrived = time.time()
        text = line.decode("utf-8", "replace").strip()
        if text.startswith("event: "):
            event = text[7:]
        elif text.startswith("data: ") and event == "ticket.called":
            at = datetime.datetime.fromisoformat(json.loads(text[6:])["at"]).timestamp()
            latencies.append((arrived - at) * 1000)
            seen += 1
    writer.close()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--control", required=True)
    parser.add_argument("--displays", type=int, default=200)
    parser.add_argument("--calls", type=int, default=100)
    parser.add_argument("--counter", type=int, default=1)
    parser.add_argument("--interval", type=float, default=0.02, help="seconds between calls")
    args = parser.parse_args()
    host, port = args.url.removeprefix("http://").split(":")
    status, body = control(args.control, "POST", f"/api/v1/counters/{args.counter}/open")
    assert status == 200, (status, body)

    latencies = []
    readies = [asyncio.get_running_loop().create_future() for _ in range(args.displays)]
    tasks = [asyncio.create_task(display(host, int(port), args.calls, latencies, r)) for r in readies]
    await asyncio.gather(*readies)
    await asyncio.sleep(1.0)  # let every stream reach its live part
    loop = asyncio.get_running_loop()
    for _ in range(args.calls):
        status, body = await loop.run_in_executor(None, control, args.control, "POST", f"/api/v1/counters/{args.counter}/next")
        assert status == 200, (status, body)
        await asyncio.sleep(args.interval)
    done, pending = await asyncio.wait(tasks, timeout=30)
    for task in pending:
        task.cancel()
    latencies.sort()
    expected = args.displays * args.calls

    def pct(p):
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] if latencies else float("nan")

    print(f"FANOUT displays={args.displays} calls={args.calls} samples={len(latencies)} "
          f"p50_ms={pct(0.50):.2f} p99_ms={pct(0.99):.2f} max_ms={latencies[-1] if latencies else float('nan'):.2f} "
          f"missing={expected - len(latencies)}")


asyncio.run(main())
