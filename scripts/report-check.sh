#!/usr/bin/env bash
# `mekong report` in a real browser: renders the seeds' report, the two examples in docs/ and a
# hostile article in headless Chromium (--dump-dom runs the page's script, --screenshot draws it)
# and checks
#   - the rendered DOM has one finding mark per finding of `mekong check --format json` (same rule,
#     severity, line and column) and glossary names with data-concept;
#   - the page's script works: j j k k move through the findings, a click opens a card, Esc closes it;
#   - the page's own script ran (the finding navigation is shown), yet the hostile article's
#     <script>, <img onerror>, <svg onload> and <iframe> did nothing: the title is unchanged, no
#     element they would add exists, and their text is on the page as text.
# Installs Debian's `chromium` with apt-get when it is missing; when it cannot, says so and exits 0.
# Usage: scripts/report-check.sh [OUT_DIR]   (MEKONG=path/to/mekong to use a built binary)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-$(mktemp -d)}
mkdir -p "$out"

find_browser() {
    for b in chromium chromium-browser google-chrome; do
        if command -v "$b" >/dev/null 2>&1; then
            command -v "$b"
            return 0
        fi
    done
    return 1
}

browser=$(find_browser || true)
if [ -z "$browser" ]; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        echo "report-check: installing chromium (apt-get)"
        if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            chromium fonts-lao >/dev/null; }; then
            echo "report-check: apt-get could not install chromium" >&2
        fi
        browser=$(find_browser || true)
    fi
fi
if [ -z "$browser" ]; then
    echo "report-check: SKIPPED: no chromium, and it could not be installed (needs apt-get as root and a reachable Debian mirror)"
    exit 0
fi
echo "report-check: browser $("$browser" --version 2>/dev/null | head -1)"

if [ -z "${MEKONG:-}" ]; then
    swift build -j 1 >/dev/null
    MEKONG=.build/debug/mekong
fi

# Exit 1 only means findings: the page is written all the same.
status=0
"$MEKONG" report seeds/ -o "$out/seeds.html" || status=$?
[ "$status" -le 1 ] || { echo "report-check: mekong report failed ($status)" >&2; exit 1; }
status=0
"$MEKONG" check --format json seeds/ >"$out/check.json" || status=$?
[ "$status" -le 1 ] || { echo "report-check: mekong check failed ($status)" >&2; exit 1; }

# An article with errors, a look-alike letter inside a name and a stutter (nested marks), and a
# returned XLIFF translation: their marks too must be check's findings.
for name in example:docs/report-example.txt xliff:docs/report-example.fr-vi.xlf; do
    status=0
    "$MEKONG" report "${name#*:}" -o "$out/${name%%:*}.html" || status=$?
    [ "$status" -le 1 ] || { echo "report-check: mekong report ${name#*:} failed ($status)" >&2; exit 1; }
    status=0
    "$MEKONG" check --format json "${name#*:}" >"$out/${name%%:*}.json" || status=$?
    [ "$status" -le 1 ] || { echo "report-check: mekong check ${name#*:} failed ($status)" >&2; exit 1; }
done

mkdir -p "$out/hostile"
cat >"$out/hostile/hostile.txt" <<'EOF'
 date 2025-12-17 <script>document.title='pwned';document.body.appendChild(document.createElement('pwned-script'))</script> Diên Biên

Une phrase <img src=x onerror="document.title='pwned';document.body.appendChild(document.createElement('pwned-img'))"> sur Diên Biên Biên.

<svg onload="document.body.appendChild(document.createElement('pwned-svg'))"></svg><iframe src="javascript:parent.document.title='pwned'"></iframe> "</mark></p><b id=pwned>gras</b>" & 'fin'.
EOF
status=0
"$MEKONG" report "$out/hostile/hostile.txt" --lang fr -o "$out/hostile.html" || status=$?
[ "$status" -le 1 ] || { echo "report-check: mekong report (hostile) failed ($status)" >&2; exit 1; }

# The page's conveniences, driven in the browser: a copy of the page with a test script (allowed
# by the page's own nonce) that presses j, j, k, k and clicks a finding and a name, and writes
# what happened into <body data-test>.
python3 - "$out" <<'PY'
import re, sys
out = sys.argv[1]
page = open(f"{out}/seeds.html", encoding="utf-8").read()
nonce = re.search(r'<script nonce="([^"]+)">', page).group(1)
test = """<script nonce="%s">
(function(){
  function key(k){document.dispatchEvent(new KeyboardEvent("keydown",{key:k,bubbles:true}));}
  function current(){var m=document.querySelector("mark.f.current");return m?m.id:null;}
  var r={keys:[]};
  ["j","j","k","k"].forEach(function(k){key(k);r.keys.push(current());});
  r.position=document.getElementById("findpos").textContent;
  var card=document.getElementById("card");
  document.querySelector("mark.f").click();
  r.findingCard=!card.hidden&&card.querySelector(".note")!==null;
  key("Escape");r.closed=card.hidden;
  document.querySelector(".text .n").click();
  r.nameCard=!card.hidden&&card.querySelector("tbody tr th")!==null;
  document.body.setAttribute("data-test",JSON.stringify(r));
})();
</script>""" % nonce
open(f"{out}/seeds.keys.html", "w", encoding="utf-8").write(page.replace("</body>", test + "\n</body>"))
PY

flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions
    --virtual-time-budget=3000)
run_browser() { timeout 120 "$browser" "${flags[@]}" "$@" 2>/dev/null; }
run_browser --dump-dom "file://$(realpath "$out/seeds.html")" >"$out/seeds.dom.html"
run_browser --dump-dom "file://$(realpath "$out/hostile.html")" >"$out/hostile.dom.html"
run_browser --dump-dom "file://$(realpath "$out/seeds.keys.html")" >"$out/seeds.keys.dom.html"
for name in example xliff; do
    run_browser --dump-dom "file://$(realpath "$out/$name.html")" >"$out/$name.dom.html"
done
run_browser --window-size=1280,2400 --screenshot="$out/seeds.png" "file://$(realpath "$out/seeds.html")" >/dev/null
echo "report-check: screenshot $out/seeds.png"

python3 - "$out" <<'PY'
import collections, json, sys
from html.parser import HTMLParser

out = sys.argv[1]

class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.marks, self.names, self.tags, self.title, self.text = [], [], collections.Counter(), "", []
        self.nav_hidden = None
        self._in_title = False
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags[tag] += 1
        if tag == "mark" and "f" in (a.get("class") or "").split():
            self.marks.append((a.get("data-rule"), a.get("data-severity"), a.get("data-line"), a.get("data-column")))
        if "data-concept" in a:
            self.names.append(a["data-concept"])
        if a.get("id") == "findnav":
            self.nav_hidden = "hidden" in a
        if tag == "title":
            self._in_title = True
        for k in a:
            if k.startswith("on"):
                self.tags["event-handler:" + k] += 1
        if a.get("id") == "pwned":
            self.tags["pwned-id"] += 1
    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
    def handle_data(self, data):
        if self._in_title:
            self.title += data
        self.text.append(data)

def parse(name):
    p = Page()
    p.feed(open(f"{out}/{name}", encoding="utf-8").read())
    return p

failures = []
seeds = parse("seeds.dom.html")
check = json.load(open(f"{out}/check.json", encoding="utf-8"))
expected = collections.Counter(
    (f["rule"], f["severity"], str(f["line"] or ""), str(f["column"] or "")) for f in check)
found = collections.Counter(seeds.marks)
print(f"report-check: seeds: {len(seeds.marks)} finding marks in the rendered DOM, "
      f"{len(check)} findings from mekong check --format json; {len(seeds.names)} names "
      f"({len(set(seeds.names))} concepts)")
if found != expected:
    failures.append(f"marks differ from check: missing {dict(expected - found)}, extra {dict(found - expected)}")
if not seeds.names:
    failures.append("no data-concept names in the seeds' page")
if seeds.nav_hidden is not False:
    failures.append("the page's own script did not run (the finding navigation is still hidden)")

for name in ("example", "xliff"):
    page = parse(f"{name}.dom.html")
    findings = json.load(open(f"{out}/{name}.json", encoding="utf-8"))
    want = collections.Counter(
        (f["rule"], f["severity"], str(f["line"] or ""), str(f["column"] or "")) for f in findings)
    got = collections.Counter(page.marks)
    print(f"report-check: {name}: {len(page.marks)} finding marks, {len(findings)} findings from mekong check")
    if got != want:
        failures.append(f"{name}: marks differ from check: missing {dict(want - got)}, extra {dict(got - want)}")

keys_dom = open(f"{out}/seeds.keys.dom.html", encoding="utf-8").read()
import html as htmllib, re
m = re.search(r'<body[^>]*data-test="([^"]*)"', keys_dom)
if not m:
    failures.append("the keyboard test script did not run")
else:
    t = json.loads(htmllib.unescape(m.group(1)))
    n = len(seeds.marks)
    want = ["f1", "f2", "f1", f"f{n}"] if n >= 2 else None
    print(f"report-check: keys j j k k -> {t['keys']} ({t['position']}); click on a finding opens its note: "
          f"{t['findingCard']}, Esc closes it: {t['closed']}; click on a name opens its glossary entry: {t['nameCard']}")
    if want and t["keys"] != want:
        failures.append(f"keys j j k k went to {t['keys']}, expected {want}")
    if not (t["findingCard"] and t["closed"] and t["nameCard"]):
        failures.append("clicking a finding or a name did not open its card, or Esc did not close it")

hostile = parse("hostile.dom.html")
text = "".join(hostile.text)
print(f"report-check: hostile: title {hostile.title!r}; script/img/svg/iframe elements "
      f"{hostile.tags['script']}/{hostile.tags['img']}/{hostile.tags['svg']}/{hostile.tags['iframe']}; "
      f"navigation shown: {hostile.nav_hidden is False}")
if "pwned" in hostile.title:
    failures.append("the hostile article changed document.title")
for tag in ("pwned-script", "pwned-img", "pwned-svg", "img", "svg", "iframe"):
    if hostile.tags[tag]:
        failures.append(f"hostile text made a <{tag}> element")
if hostile.tags["script"] != 1:
    failures.append(f"{hostile.tags['script']} script elements (only the page's own expected)")
if hostile.tags["pwned-id"] or any(k.startswith("event-handler:") for k in hostile.tags):
    failures.append("hostile text made an element with an id or an event handler")
for literal in ("<script>document.title='pwned'", "<img src=x onerror=", "<svg onload=", "</mark></p><b id=pwned>"):
    if literal not in text:
        failures.append(f"hostile text not shown as text: {literal!r}")
if hostile.nav_hidden is not False:
    failures.append("the page's own script did not run on the hostile page, so the check proves nothing")
if len(hostile.marks) < 1:
    failures.append("the hostile article's stuttered name is not marked")

if failures:
    for f in failures:
        print("report-check: FAIL: " + f)
    sys.exit(1)
print("report-check: OK: marks match mekong check, names marked, hostile text inert")
PY
