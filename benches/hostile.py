"""Hostile answers just under max_body_size (issue 9, item 3): peak RSS and exit
code of wa-inbox when a gateway sends ~60 MiB of tiny records. Target: every
answer refused or read in < 256 MiB peak RSS, and quickly.

A local HTTP server (this process) answers every request with one prepared
body; wa-inbox runs under /usr/bin/time, which reports its peak RSS."""

import http.server
import os
import subprocess
import tempfile
import threading
import time

TARGET_MIB = 256


def _records(template, size):
    """A JSON array of `template % i` records, about `size` bytes; and the count."""
    parts, total, i = [], 2, 0
    while total < size:
        rec = template % i
        parts.append(rec)
        total += len(rec) + 1
        i += 1
    return "[" + ",".join(parts) + "]", i


def cases(size):
    """(label, gateway, body, arguments, records, expected exit) for answers of about `size` bytes."""
    empty = "[" + ",".join(["{}"] * (size // 3)) + "]"
    keyed, n_keyed = _records('"%d":{}', size)
    keyed = "{" + keyed[1:-1] + "}"
    gowa_chats, n_gowa = _records('{"jid":"%d@g.us"}', size - 100)
    green_chats, n_green = _records('{"id":"%d@c.us"}', size)
    wide_name = '[{"id":"1@c.us","name":[' + ",".join(["{}"] * (size // 3 - 20)) + "]}]"
    aliases = '{"data":[{"jid":"1@s.whatsapp.net","aliases":[' + ",".join(['""'] * (size // 3 - 30)) + "]}]}"
    return [
        ("WAHA /chats: array of {}", "waha", empty, ["chats", "list"], size // 3, 8),
        ("Wawp /v2/chats: array of {}", "wawp", empty, ["chats", "list"], size // 3, 8),
        ("Wawp overview: object keyed \"0\", \"1\", ... of {}", "wawp", keyed, ["chats", "overview"], n_keyed, 8),
        ("GOWA /chats: tiny chats", "gowa",
         '{"code":"SUCCESS","message":"","results":{"data":' + gowa_chats + ',"pagination":{"total":%d}}}' % n_gowa,
         ["chats", "list", "--all"], n_gowa, 8),
        ("Green API getChats --all: tiny chats", "green-api", green_chats, ["chats", "list", "--all"], n_green, 8),
        # A field of the wrong type is unknown (null), read without a tree: the chat is listed.
        ("WAHA /chats: one chat whose name is an array of {}", "waha", wide_name, ["chats", "list"], size // 3, 0),
        ("WhatsApp Gateway: one chat with millions of aliases", "whatsapp-gateway", aliases, ["chats", "list"], size // 3, 8),
    ]


PROFILES = {
    "waha": 'provider = "waha"\nbase_url = "{url}"\napi_key = "hostile-key-1"\nengine = "WEBJS"\n',
    "wawp": 'provider = "wawp"\nbase_url = "{url}"\ninstance_id = "1"\naccess_token = "hostile-token-1"\n',
    "gowa": 'provider = "gowa"\nbase_url = "{url}"\n',
    "green-api": 'provider = "green-api"\napi_url = "{url}"\nid_instance = "1101"\napi_token_instance = "hostile-token-2"\n',
    "whatsapp-gateway": 'provider = "whatsapp-gateway"\nbase_url = "{url}"\nsession = "s"\ntoken = "hostile-token-3"\n',
}


def serve(body):
    data = body.encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def answer(self):
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            try:
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass

        do_GET = answer
        do_POST = answer

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def measure(binary, gateway, body, args):
    server = serve(body)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            config = os.path.join(tmp, "config.toml")
            url = f"http://127.0.0.1:{server.server_address[1]}"
            with open(config, "w") as f:
                f.write("[profiles.h]\n" + PROFILES[gateway].format(url=url))
            os.chmod(config, 0o600)
            env = {"PATH": os.environ["PATH"], "HOME": tmp, "WA_INBOX_CONFIG": config}
            rss = os.path.join(tmp, "rss")
            start = time.perf_counter()
            proc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss, binary, "-q", *args, "-o", "ndjson"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True)
            seconds = time.perf_counter() - start
            with open(rss) as f:
                peak = int(f.read().split()[-1]) / 1024
            message = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""
            return proc.returncode, peak, seconds, message
    finally:
        server.shutdown()


def run(binary, size_mib):
    """Every hostile case at `size_mib`; rows of (label, records, exit, expected exit, peak MiB,
    seconds, last stderr line, body bytes)."""
    rows = []
    for label, gateway, body, args, records, expected in cases(size_mib * 1024 * 1024):
        code, peak, seconds, message = measure(binary, gateway, body, args)
        rows.append((label, records, code, expected, peak, seconds, message, len(body)))
    return rows


def report(rows):
    """Print the rows; return (worst peak RSS in MiB, number of unexpected exit codes)."""
    print(f"\nhostile answers (peak RSS of wa-inbox; target < {TARGET_MIB} MiB)")
    worst, wrong = 0.0, 0
    for label, records, code, expected, peak, seconds, message, size in rows:
        worst = max(worst, peak)
        wrong += code != expected
        flag = "" if code == expected else f"  UNEXPECTED (wanted exit {expected})"
        print(f"  {label}: {size / 2**20:.1f} MiB, {records:,} records -> exit {code}, "
              f"peak {peak:.1f} MiB, {seconds:.2f}s{flag}")
        if message:
            print(f"    {message[:160]}")
    return worst, wrong
