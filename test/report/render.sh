#!/bin/sh
# Render an HTML report in headless Chromium and check it.
#   test/report/render.sh HTML_FILE OUT_PNG
# Fails (exit 1) unless all of these hold:
#   - the page is self-contained: no <script src=...>, no <link href=...>
#     other than data:/#, no http(s):// or protocol-relative // URL in any
#     src=/href=/srcset= attribute, no CSS url(http...)/@import  (checked on
#     the HTML file and on the DOM after scripts ran);
#   - chromium exits 0 when taking the screenshot and when dumping the DOM;
#   - OUT_PNG exists, is a PNG and is larger than 10 kB;
#   - the dumped DOM holds at least one <svg> with a <rect>, <path> or
#     <circle> inside;
#   - no JavaScript error: chromium's console log (--enable-logging=stderr
#     --v=0) has no "Uncaught".
# Needs chromium (Debian: apt-get install -y chromium).  CHROMIUM=/path
# overrides the binary, RENDER_TIMEOUT (seconds, default 120) the time limit,
# RENDER_MIN_PNG (bytes, default 10240) the size limit.  Note: at
# 1280x2000 an empty white page already gives an ~11.6 kB PNG, so the size
# check only catches a failed or truncated screenshot; the DOM checks are the
# real content checks.
set -eu

if [ $# -ne 2 ]; then
    echo "usage: $0 HTML_FILE OUT_PNG" >&2
    exit 2
fi
html=$1
png=$2
fail() { echo "render: FAIL: $*" >&2; exit 1; }
ok() { echo "render: ok: $*"; }

[ -r "$html" ] || fail "cannot read $html"
case $html in /*) abs=$html ;; *) abs=$PWD/$html ;; esac
chromium=${CHROMIUM:-}
if [ -z "$chromium" ]; then
    for c in chromium chromium-browser google-chrome; do
        if command -v "$c" >/dev/null 2>&1; then chromium=$c; break; fi
    done
fi
[ -n "$chromium" ] || fail "chromium not found (Debian: apt-get install -y chromium)"
timeout_s=${RENDER_TIMEOUT:-120}
min_png=${RENDER_MIN_PNG:-10240}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# --- self-containment ---------------------------------------------------------
# Flatten to one line so tags spread over several lines are seen whole.
check_self_contained() {  # FILE LABEL
    tr '\n\r\t' '   ' <"$1" >"$tmp/flat"
    bad=$(grep -Eio \
        -e '<script[^>]*[[:space:]]src[[:space:]]*=[^>]*>' \
        -e '<link[^>]*[[:space:]]href[[:space:]]*=[[:space:]]*["'"'"']?[[:space:]]*([^"'"'"' >#d]|d[^a]|da[^t]|dat[^a]|data[^:])[^>]*>' \
        -e '(src|href|srcset|action|poster|data)[[:space:]]*=[[:space:]]*["'"'"']?[[:space:]]*(https?:)?//[^"'"'"' >]*' \
        -e 'url\([[:space:]]*["'"'"']?[[:space:]]*(https?:)?//[^)]*\)' \
        -e '@import[^;]*' \
        "$tmp/flat" | head -n 5 || true)
    if [ -n "$bad" ]; then
        echo "$bad" | sed 's/^/  /' >&2
        fail "$2 is not self-contained (external script, link or URL above)"
    fi
}
check_self_contained "$html" "$html"
ok "source is self-contained (no <script src>, no <link href>, no http(s):// or // URLs in src/href)"

# --- chromium runs --------------------------------------------------------------
run_chromium() {  # OUT_STDOUT OUT_STDERR MODE-FLAG
    profile=$(mktemp -d "$tmp/profile.XXXXXX")
    rc=0
    timeout "$timeout_s" "$chromium" --headless --no-sandbox --disable-gpu \
        --disable-quic --no-first-run --disable-background-networking \
        --disable-component-update --disable-sync \
        --user-data-dir="$profile" --window-size=1280,2000 \
        --virtual-time-budget=2000 --enable-logging=stderr --v=0 \
        "$3" "file://$abs" >"$1" 2>"$2" </dev/null || rc=$?
    return $rc
}

rm -f "$png"
rc=0; run_chromium "$tmp/shot.out" "$tmp/shot.err" "--screenshot=$png" || rc=$?
if [ $rc -ne 0 ]; then
    grep -v -e dbus -e 'unexpected operator' "$tmp/shot.err" | tail -n 20 >&2 || true
    fail "chromium --screenshot exited with status $rc"
fi
ok "chromium --screenshot exited 0"
[ -f "$png" ] || fail "no screenshot written to $png"
size=$(wc -c <"$png" | tr -d ' ')
[ "$size" -gt "$min_png" ] || fail "screenshot $png is only $size bytes (want > $min_png)"
magic=$(od -An -tx1 -N8 "$png" | tr -d ' \n')
[ "$magic" = 89504e470d0a1a0a ] || fail "$png is not a PNG"
ok "screenshot $png is a PNG of $size bytes"

rc=0; run_chromium "$tmp/dom.html" "$tmp/dom.err" --dump-dom || rc=$?
if [ $rc -ne 0 ]; then
    grep -v -e dbus -e 'unexpected operator' "$tmp/dom.err" | tail -n 20 >&2 || true
    fail "chromium --dump-dom exited with status $rc"
fi
[ -s "$tmp/dom.html" ] || fail "chromium --dump-dom printed nothing"
ok "chromium --dump-dom exited 0 ($(wc -c <"$tmp/dom.html" | tr -d ' ') bytes of DOM)"

# --- JavaScript errors -----------------------------------------------------------
if grep -h 'Uncaught' "$tmp/shot.err" "$tmp/dom.err" >"$tmp/uncaught"; then
    sort -u "$tmp/uncaught" | sed 's/^/  /' | head -n 10 >&2
    fail "JavaScript error(s) on the page"
fi
ok "no uncaught JavaScript errors in the console log"

# --- DOM checks -----------------------------------------------------------------
shapes=$(tr '\n\r' '  ' <"$tmp/dom.html" | awk '
    BEGIN { RS = "</[sS][vV][gG]>"; n = 0; s = 0 }
    {
        rec = tolower($0); p = 0; i = 0
        while ((j = index(substr(rec, p + 1), "<svg")) > 0) { p += j; i = p }
        if (i == 0) next
        body = substr(rec, i)
        if (body !~ /^<svg[ \t>\/]/) next
        s++
        if (body ~ /<(rect|path|circle)[ \t>\/]/) n++
    }
    END { print s " " n }')
svgs=${shapes% *}
drawn=${shapes#* }
[ "$svgs" -gt 0 ] || fail "the DOM has no <svg> element"
[ "$drawn" -gt 0 ] || fail "the DOM has $svgs <svg> element(s) but none holds a <rect>, <path> or <circle>"
ok "DOM has $svgs <svg> element(s), $drawn with <rect>/<path>/<circle> inside"

check_self_contained "$tmp/dom.html" "the rendered DOM"
ok "rendered DOM is self-contained too"
echo "render: PASS: $html -> $png"
