#!/usr/bin/env python3
"""`browse` in a real terminal (tmux), release build, against the sandbox:
time to the first frame from a cold start (no cache) and a warm one (the
overview of every chat cached), keypress-to-frame latency while a slow
gateway loads, and peak RSS, with 20,000 chats. The timings are `browse -v`'s
own (printed on stderr once the terminal is restored); peak RSS is GNU
time's. Run: `benches/browse` (builds first)."""

import os
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import Bench  # noqa: E402

CHATS = 20_000


class Term:
    """One tmux server on a socket of our own (one per run: a server being
    killed may still hold the previous run's socket)."""

    def __init__(self, tmp, label):
        self.sock = os.path.join(tmp, f"{label}.sock")

    def tmux(self, *args, capture=False):
        return subprocess.run(["tmux", "-S", self.sock, "-f", "/dev/null", *args],
                              check=True, capture_output=capture, text=True).stdout

    def start(self, line, env):
        vars_ = " ".join(f"{k}='{v}'" for k, v in env.items())
        self.tmux("new-session", "-d", "-x", "120", "-y", "40", f"env -i TERM=xterm {vars_} sh -c \"{line}\"")

    def screen(self):
        return self.tmux("capture-pane", "-p", capture=True)

    def wait(self, what, ready, timeout=300):
        start = time.time()
        while time.time() - start < timeout:
            s = self.screen()
            if ready(s):
                return s
            time.sleep(0.05)
        sys.exit(f"timed out waiting for {what}:\n{self.screen()}")

    def keys(self, *keys):
        self.tmux("send-keys", *keys)

    def stop(self):
        subprocess.run(["tmux", "-S", self.sock, "kill-server"], capture_output=True)


def run(binary, env, tmp, label, during=None):
    """One `browse -v --all`: wait for the fresh list (after `during`, if
    given), quit, return (the -v timings line, peak RSS MiB)."""
    err, rss = os.path.join(tmp, f"{label}.err"), os.path.join(tmp, f"{label}.rss")
    term = Term(tmp, label)
    line = (f"/usr/bin/time -f %M -o {rss} {binary} -v browse --all 2> {err}; "
            f"echo DONE; sleep 600")
    term.start(line, env)
    try:
        if during:
            during(term)
        term.wait("the fresh list", lambda s: "chats, updated" in s)
        term.keys("q")
        term.wait("the end", lambda s: "DONE" in s)
    finally:
        term.stop()
    timings = [l for l in open(err).read().splitlines() if "browse: first frame" in l]
    if not timings:
        sys.exit(f"{label}: no timings from browse -v:\n{open(err).read()}")
    peak = int(open(rss).read().split()[-1]) / 1024
    return timings[0].split("browse: ", 1)[1], peak


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "target/release/wa-inbox")
    with Bench(binary).sandboxed(CHATS) as (_, env, addr), tempfile.TemporaryDirectory() as tmp:
        env = {**env, "TZ": "UTC"}
        print(f"{CHATS} chats, evolution profile (native overview), 20 ms per request")
        cold, rss_cold = run(binary, env, tmp, "cold")
        print(f"cold (no cache):   {cold}; peak RSS {rss_cold:.1f} MiB")
        warm, rss_warm = run(binary, env, tmp, "warm")
        print(f"warm (20,000 cached): {warm}; peak RSS {rss_warm:.1f} MiB")

        def slow(term):
            # A gateway 300 ms slower on every request (the 20,000 chats take
            # about 15 s to come): press j every 50 ms from the first frame
            # until they have arrived (the keys span the waits, the parsing
            # of each page and the new list).
            urllib.request.urlopen(f"{addr}/_sandbox/faults", data=b"latency=300ms").read()
            term.wait("the cached list", lambda s: "refreshing" in s)
            start = time.time()
            while time.time() - start < 60:
                term.keys("j")
                time.sleep(0.05)
                if "chats, updated" in term.screen():
                    break
            for _ in range(10):
                term.keys("j")
                time.sleep(0.05)

        keys, _ = run(binary, env, tmp, "slow", during=slow)
        print(f"slow gateway (+300 ms per request), keys while it loads: {keys}")


if __name__ == "__main__":
    main()
