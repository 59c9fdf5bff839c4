#!/usr/bin/env python3
"""wa-inbox benchmark: time to first row, total time and peak RSS of
`chats list --all -o ndjson`, against the same pages fetched by a sequential
`curl | jq` loop, all against `wa-inbox sandbox` with latency per request;
then peak RSS on hostile answers just under max_body_size (hostile.py).
Prints a table of figures and ratios, and the targets from issues 6 and 9."""

import argparse
import contextlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import time

import hostile

LATENCY_MS = 20


def start_sandbox(binary, chats, latency_ms, extra=()):
    """The sandbox writes its config to stdout and, once listening, its address
    to stderr: wait for that line, then read the config it wrote."""
    out = tempfile.TemporaryFile("w+")
    proc = subprocess.Popen(
        [binary, "sandbox", "--port", "0", "--chats", str(chats), "--latency", f"{latency_ms}ms", *extra],
        stdout=out, stderr=subprocess.PIPE, text=True)
    line = proc.stderr.readline()
    if "listening on" not in line:
        sys.exit(f"the sandbox did not start: {line}")
    addr = line.split("listening on ")[1].split()[0]
    out.seek(0)
    return proc, addr, out.read()


def measure(cmd, env=None):
    """Run cmd, return (seconds, seconds to first stdout line, lines, peak RSS MiB).

    Peak RSS comes from GNU time (the largest of the process and its children):
    measuring from this Python process would count the forked interpreter."""
    with tempfile.NamedTemporaryFile("r") as rss:
        start = time.perf_counter()
        proc = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", rss.name] + cmd,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        first = None
        lines = 0
        for _ in proc.stdout:
            if first is None:
                first = time.perf_counter() - start
            lines += 1
        proc.wait()
        total = time.perf_counter() - start
        if proc.returncode != 0:
            sys.exit(f"benchmark command failed (exit {proc.returncode}): {cmd}")
        peak_kib = int(rss.read().split()[-1])
    return total, first or total, lines, peak_kib / 1024


def profile_value(snippet, profile, key):
    section = snippet.split(f"[profiles.{profile}]")[1].split("[profiles.")[0]
    for line in section.splitlines():
        if line.startswith(key + " ="):
            return line.split("=", 1)[1].strip().strip('"')
    raise KeyError(key)


def gowa_curl_loop(snippet, page, path="/chats"):
    url = profile_value(snippet, "gowa", "base_url")
    user = profile_value(snippet, "gowa", "username")
    password = profile_value(snippet, "gowa", "password")
    device = profile_value(snippet, "gowa", "device_id")
    return f"""
offset=0
while :; do
  out=$(curl -sf -u '{user}:{password}' -H 'X-Device-Id: {device}' "{url}{path}?limit={page}&offset=$offset" | jq -c '.results.data[]')
  [ -n "$out" ] && printf '%s\\n' "$out"
  n=$(printf '%s' "$out" | grep -c . || true)
  [ "$n" -lt {page} ] && break
  offset=$((offset + {page}))
done
"""


def gateway_curl_loop(snippet, page, path="/chats"):
    url = profile_value(snippet, "whatsapp-gateway", "base_url")
    session = profile_value(snippet, "whatsapp-gateway", "session")
    token = profile_value(snippet, "whatsapp-gateway", "token")
    return f"""
cursor=
while :; do
  resp=$(curl -sf -H 'Authorization: Bearer {token}' "{url}/api/v1/sessions/{session}{path}?limit={page}${{cursor:+&cursor=$cursor}}")
  printf '%s' "$resp" | jq -c '.data[]'
  cursor=$(printf '%s' "$resp" | jq -r '.nextCursor // empty')
  [ -z "$cursor" ] && break
done
"""


def gowa_messages_curl_loop(snippet, page, chat):
    return gowa_curl_loop(snippet, page, f"/chat/{chat['jid']}/messages")


def gateway_messages_curl_loop(snippet, page, chat):
    return gateway_curl_loop(snippet, page, f"/chats/{chat['id']}/messages")


class Bench:
    def __init__(self, binary):
        self.binary = os.path.abspath(binary)
        self.rows = []
        self.targets = []

    @contextlib.contextmanager
    def sandboxed(self, chats, extra=()):
        """A sandbox with `chats` chats and its config in a temporary HOME:
        yields (config snippet, environment for wa-inbox, the sandbox's address)."""
        sandbox, addr, snippet = start_sandbox(self.binary, chats, LATENCY_MS, extra)
        try:
            with tempfile.TemporaryDirectory() as tmp:
                config = os.path.join(tmp, "config.toml")
                with open(config, "w") as f:
                    f.write(snippet)
                os.chmod(config, 0o600)
                yield snippet, {"PATH": os.environ["PATH"], "HOME": tmp, "WA_INBOX_CONFIG": config}, addr
        finally:
            sandbox.kill()
            sandbox.wait()

    def run(self, chats, profile, page, curl_loop=None, label=None):
        with self.sandboxed(chats) as (snippet, env, _):
            ours = measure([self.binary, "-q", "-p", profile, "chats", "list", "--all", "--page-size", str(page), "-o", "ndjson"], env)
            if ours[2] == 0:
                sys.exit(f"{profile}: no rows")
            theirs = measure(["bash", "-c", curl_loop(snippet, page)]) if curl_loop else None
        self.rows.append((label or f"{profile} list --all, {chats} chats, page {page}", chats, ours, theirs))
        return ours, theirs

    def overview(self, chats, concurrency=4):
        with self.sandboxed(chats) as (snippet, env, _):
            ours = measure([self.binary, "-q", "-p", "gowa", "--concurrency", str(concurrency), "chats", "overview", "--all", "-o", "ndjson"], env)
        self.rows.append((f"gowa overview --all, {chats} chats (+1 call/chat)", chats, ours, None))
        return ours

    def messages(self, messages, profile, page, curl_loop=None):
        """`messages list JID --all --order desc -o ndjson` over one chat of
        `messages` messages (the sandbox's `--messages N`), against the same
        pages fetched by a sequential curl | jq loop."""
        with self.sandboxed(5, ["--messages", str(messages)]) as (snippet, env, _):
            listed = subprocess.run([self.binary, "-q", "-p", profile, "chats", "list", "--kind", "direct",
                                     "--limit", "1", "-o", "json"], env=env, capture_output=True, text=True)
            if listed.returncode != 0:
                sys.exit(f"{profile}: chats list failed: {listed.stderr.strip()}")
            chat = json.loads(listed.stdout)[0]
            ours = measure([self.binary, "-q", "-p", profile, "messages", "list", chat["jid"], "--all",
                            "--order", "desc", "-o", "ndjson"], env)
            theirs = measure(["bash", "-c", curl_loop(snippet, page, chat)]) if curl_loop else None
            # The gateway hides some of the history (GOWA keeps no revoked or
            # system messages): every row it serves must come out exactly once.
            if ours[2] == 0 or (theirs and theirs[2] != ours[2]):
                sys.exit(f"{profile}: {ours[2]} messages listed, the gateway served {theirs and theirs[2]}")
        self.rows.append((f"{profile} messages list --all --order desc, a chat of {messages} messages", messages, ours, theirs))
        return ours, theirs

    def new_cost(self, chats, runs=3):
        """What `--new` adds to `chats unread --all`: the plain run against the
        same run with the alert memory (first run: all reported and remembered;
        then steady state: every chat remembered, nothing new). Medians."""
        with self.sandboxed(chats) as (snippet, env, _):
            base = [self.binary, "-q", "-p", "evolution", "chats", "unread", "-o", "ndjson"]
            median = lambda ms: sorted(ms, key=lambda m: m[0])[len(ms) // 2]
            plain = median([measure(base + ["--all"], env) for _ in range(runs)])
            first = measure(base + ["--new"], env)
            steady = median([measure(base + ["--new"], env) for _ in range(runs)])
        for label, m in [("unread --all", plain), ("unread --new, first run", first),
                         ("unread --new, nothing new", steady)]:
            self.rows.append((f"evolution {label}, {chats} chats", chats, m, None))
        return plain, first, steady


def read_until(stream, text):
    """Lines of `stream` up to and including the first that contains `text`."""
    for line in stream:
        if text in line:
            return line
    sys.exit(f"watch ended before printing {text!r}")


def poll_figures(line):
    """(requests, changed chats, new messages, ms) from a `watch -v` poll line."""
    words = line.replace(",", "").replace("[", "").split()
    at = words.index("request") if "request" in words else words.index("requests")
    return int(words[at - 1]), int(words[at + 1]), int(words[at + 4]), int(words[-2])


def watch_poll(binary, chats, changed=10):
    """One `watch` poll over `chats` GOWA chats after `changed` chats got a
    message (delivered with POST /_sandbox/incoming right after the baseline):
    the requests and time of that poll, of the next one (which reads those
    chats once more, as a message in the same second would not move their
    activity time) and of a quiet one."""
    with Bench(binary).sandboxed(chats) as (_, env, addr):
        listed = subprocess.run([binary, "-q", "-p", "gowa", "chats", "list", "--kind", "direct",
                                 "--offset", str(chats // 4), "--limit", str(changed), "-o", "ndjson"],
                                env=env, capture_output=True, text=True, check=True)
        jids = [json.loads(l)["jid"] for l in listed.stdout.splitlines()]
        watch = subprocess.Popen([binary, "-v", "-p", "gowa", "watch", "--interval", "2s", "-o", "ndjson"],
                                 env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            read_until(watch.stderr, "baseline")
            for jid in jids:
                subprocess.run(["curl", "-sS", "-o", "/dev/null", "-d", json.dumps({"chat": jid}),
                                f"{addr}/_sandbox/incoming"], check=True)
            polls = [poll_figures(read_until(watch.stderr, "poll of profile")) for _ in range(3)]
            printed = [watch.stdout.readline() for _ in range(polls[0][2])]
        finally:
            watch.terminate()
            watch.wait()
    if polls[0][1:3] != (changed, changed) or len(printed) != changed:
        sys.exit(f"watch poll: expected {changed} changed chats and messages, got {polls[0]}")
    return polls


def fmt(m):
    return f"{m[0]:7.2f}s  first row {m[1] * 1000:6.0f} ms  rss {m[3]:5.1f} MiB  ({m[2]} rows)"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default="target/release/wa-inbox")
    ap.add_argument("--smoke", action="store_true", help="small inboxes: checks the benchmark works, not the targets")
    ap.add_argument("--hostile", action="store_true", help="only the hostile answers (60 MiB; 4 MiB with --smoke)")
    args = ap.parse_args()
    hostile_mib = 4 if args.smoke else 60
    if args.hostile:
        worst, wrong = hostile.report(hostile.run(os.path.abspath(args.binary), hostile_mib))
        print(f"\n  {'ok  ' if worst < hostile.TARGET_MIB and not wrong else 'MISS'} hostile answers: "
              f"peak RSS {worst:.1f} MiB, {wrong} unexpected exit codes")
        return
    b = Bench(args.binary)
    big, huge, ov = (2_000, 5_000, 100) if args.smoke else (20_000, 100_000, 1_000)
    rtt = LATENCY_MS / 1000

    print(f"wa-inbox benchmark: sandbox latency {LATENCY_MS} ms per request; {os.cpu_count()} cores, "
          f"{platform.machine()}, {platform.system()} {platform.release()}")
    gowa = b.run(big, "gowa", 100, gowa_curl_loop)
    gw = b.run(big, "whatsapp-gateway", 200, gateway_curl_loop)
    gowa_huge = b.run(huge, "gowa", 100, gowa_curl_loop if not args.smoke else None)
    overview = b.overview(ov)
    msgs, msgs_huge = (2_000, 5_000) if args.smoke else (20_000, 100_000)
    gowa_msgs = b.messages(msgs, "gowa", 100, gowa_messages_curl_loop)
    gw_msgs = b.messages(msgs, "whatsapp-gateway", 200, gateway_messages_curl_loop)
    msgs_rss = b.messages(msgs_huge, "gowa", 100)
    plain, first_new, steady_new = b.new_cost(big)
    polls = watch_poll(b.binary, big)
    worst, wrong = hostile.report(hostile.run(b.binary, hostile_mib))

    print()
    for label, _, ours, theirs in b.rows:
        print(f"{label}")
        print(f"  wa-inbox   {fmt(ours)}")
        if theirs:
            print(f"  curl | jq  {fmt(theirs)}")
            print(f"  ratio      {ours[0] / theirs[0]:.2f} of the curl loop's time")
    print(f"--new adds {(first_new[0] - plain[0]) * 1000:.0f} ms on its first run ({first_new[2]} alerts remembered), "
          f"{(steady_new[0] - plain[0]) * 1000:.0f} ms once every chat is remembered")
    for label, (requests, changed, new, ms) in zip(
            ["after 10 chats got a message", "the next (those chats read once more)", "a quiet one"], polls):
        print(f"watch poll over {big} GOWA chats, {label}: {requests} request{'s' * (requests != 1)}, {changed} chats changed, "
              f"{new} new messages, {ms} ms")
    ideal = ov / 4 * rtt
    checks = [
        (f"GOWA --all over {big} chats: <= 0.3 x curl loop", gowa[0][0] / gowa[1][0], 0.3),
        (f"cursor paging over {big} chats: <= 0.7 x curl loop", gw[0][0] / gw[1][0], 0.7),
        (f"{huge} chats as NDJSON: peak RSS <= 30 MiB", gowa_huge[0][3], 30.0),
        ("time to first row (GOWA): <= 2 round trips", gowa[0][1] / rtt, 2.0),
        ("time to first row (gateway): <= 2 round trips", gw[0][1] / rtt, 2.0),
        (f"GOWA messages --all over {msgs} messages: <= 0.3 x curl loop", gowa_msgs[0][0] / gowa_msgs[1][0], 0.3),
        (f"cursor messages --all over {msgs} messages: <= 0.7 x curl loop", gw_msgs[0][0] / gw_msgs[1][0], 0.7),
        (f"{msgs_huge} messages as NDJSON: peak RSS <= 30 MiB", msgs_rss[0][3], 30.0),
        ("time to first message (GOWA): <= 2 round trips", gowa_msgs[0][1] / rtt, 2.0),
        ("time to first message (gateway): <= 2 round trips", gw_msgs[0][1] / rtt, 2.0),
        (f"overview over {ov} GOWA chats: <= 1.5 x ideal {ideal:.2f}s", overview[0] / ideal, 1.5),
        (f"hostile {hostile_mib} MiB answers: peak RSS < {hostile.TARGET_MIB} MiB", worst, hostile.TARGET_MIB - 0.01),
        ("hostile answers: unexpected exit codes", wrong, 0),
        ("watch poll with 10 changed chats: <= 1 + 10 requests", polls[0][0], 11),
        ("quiet watch poll: 1 request", polls[2][0], 1),
    ]
    print("\ntargets" + (" (smoke run: small inboxes, figures not comparable)" if args.smoke else ""))
    failed = 0
    for name, value, limit in checks:
        ok = value <= limit
        failed += not ok
        print(f"  {'ok  ' if ok else 'MISS'} {name}: measured {value:.2f}")
    print(f"\ntargets met: {len(checks) - failed} of {len(checks)}")


if __name__ == "__main__":
    main()
