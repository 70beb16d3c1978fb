#!/usr/bin/env bash
# End-to-end run of the workbench in a real terminal (tmux), on a copy of the bundled bank:
# 1. search, open a story, edit a section, save, quit; only that section changed;
# 2. the watcher thread: a story and starbank.ron changed by another program are picked up;
#    `e` runs $EDITOR on the story and the workbench shows what it wrote;
# 3. a defect while editing (a debug build's injected panic, STARBANK_TEST_PANIC=1 and F12):
#    the terminal is restored, the unsaved text written to a recovery file and offered at the
#    next start: later (Esc), restore (Enter) and save, discard (d).
# Usage: tests/tmux_e2e.sh [path/to/starbank] (a debug build, for part 3)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-target/debug/starbank}
BIN=$(realpath "$BIN")
command -v tmux >/dev/null || { echo "tmux_e2e: tmux not found, skipped"; exit 0; }

WORK=$(mktemp -d)
SOCKET="starbank-e2e-$$"
SESSION="e2e"
cleanup() { tmux -L "$SOCKET" kill-server 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
mkdir "$WORK/bank"
cp stories/*.ron "$WORK/bank/"
STORY="$WORK/bank/payments-oncall-turnaround.ron"
cp "$STORY" "$WORK/before.ron"

t() { tmux -L "$SOCKET" "$@"; }
screen() { t capture-pane -p -t "$SESSION" 2>/dev/null || true; }
# Waits (up to 60 s: a guard against a hang, not a timing check; a loaded CI machine can take
# seconds to start a debug build) until the screen shows $1.
wait_for() {
    for _ in $(seq 1 600); do
        if screen | grep -qF -- "$1"; then return 0; fi
        sleep 0.1
    done
    echo "tmux_e2e: timed out waiting for: $1" >&2
    screen >&2
    exit 1
}

# Waits (up to 60 s) until a line of the screen matches the extended regex $1.
wait_for_re() {
    for _ in $(seq 1 600); do
        if screen | grep -qE -- "$1"; then return 0; fi
        sleep 0.1
    done
    echo "tmux_e2e: timed out waiting for /$1/" >&2
    screen >&2
    exit 1
}

# A session that outlives the others: killing the last session stops the tmux server, and a
# command that reaches a server while it stops fails ("server exited unexpectedly").
t new-session -d -s keep "sleep 3600"
t new-session -d -s "$SESSION" -x 120 -y 40 "NO_COLOR= '$BIN' tui --bank '$WORK/bank'; echo EXITED \$?; sleep 30"
wait_for "Stories (15)"
wait_for "15 stories"            # analysis finished

t send-keys -t "$SESSION" "/"
t send-keys -t "$SESSION" -l "pager on-call"
wait_for "/pager on-call"
wait_for "found)"
t send-keys -t "$SESSION" Enter     # done typing: the list keeps the results
t send-keys -t "$SESSION" Enter     # open the top story
wait_for "payments-oncall-turnaround"
t send-keys -t "$SESSION" Enter     # edit its Situation
wait_for "Editing Situation"
t send-keys -t "$SESSION" -l "E2E edit: "
wait_for "unsaved"
t send-keys -t "$SESSION" C-s
wait_for "saved the situation"
t send-keys -t "$SESSION" Escape
# Wait for the editor to close: an Escape followed at once by `q` reads as Alt+Q.
wait_for "Enter edit"
t send-keys -t "$SESSION" q
wait_for "EXITED 0"

# Only the situation line differs, and it holds the typed words before the old text.
differences=$(diff "$WORK/before.ron" "$STORY" || true)
changed=$(grep -c '^[<>]' <<<"$differences" || true)
if [ "$changed" != 2 ]; then
    echo "tmux_e2e: expected exactly one changed line, diff:" >&2
    diff "$WORK/before.ron" "$STORY" >&2 || true
    exit 1
fi
grep -q '^>     situation: "E2E edit: In early 2024' <<<"$differences" || {
    echo "tmux_e2e: the situation does not start with the typed words" >&2
    diff "$WORK/before.ron" "$STORY" >&2 || true
    exit 1
}
"$BIN" check "$WORK/bank" >/dev/null
fail() {
    echo "tmux_e2e: $*" >&2
    screen >&2
    exit 1
}
t kill-session -t "$SESSION" 2>/dev/null || true

# 2. The watcher thread, starbank.ron and $EDITOR, in the real event loop.
SESSION="e2e-watch"
cat >"$WORK/editor.sh" <<'EDITOR'
#!/bin/sh
# A person in their editor: adds to the story's title, saves and quits.
sed -i 's/^    title: "\(.*\)",$/    title: "\1 (edited in EDITOR)",/' "$1"
EDITOR
chmod +x "$WORK/editor.sh"
mkdir "$WORK/before"
cp "$WORK"/bank/*.ron "$WORK/before/"
t new-session -d -s "$SESSION" -x 120 -y 40 \
    "VISUAL= EDITOR='$WORK/editor.sh' NO_COLOR= '$BIN' tui --bank '$WORK/bank'; echo EXITED \$?; sleep 30"
wait_for "15 stories"
sed -i 's/^    title: ".*",$/    title: "Retitled by another program",/' \
    "$WORK/bank/search-cluster-consolidation.ron"
wait_for "Retitled by another program"
printf '(\n    disable: ["ZZ999"],\n)\n' >"$WORK/bank/starbank.ron"
wait_for "15 stories, 1 not loaded"
printf '(\n    disable: ["ST005"],\n)\n' >"$WORK/bank/starbank.ron"
wait_for_re "· 15 stories *$"         # the mistake is gone
rm "$WORK/bank/starbank.ron"
t send-keys -t "$SESSION" e
wait_for "(edited in EDITOR)"
wait_for "reloaded"
t send-keys -t "$SESSION" q
wait_for "EXITED 0"
edited=$(grep -l "(edited in EDITOR)" "$WORK"/bank/*.ron)
[ "$(wc -l <<<"$edited")" = 1 ] || fail "expected one file edited by \$EDITOR: $edited"
changed=$(diff "$WORK/before/$(basename "$edited")" "$edited" | grep -c '^[<>]' || true)
[ "$changed" = 2 ] || fail "\$EDITOR changed one line, the workbench changed more"
"$BIN" check "$WORK/bank" >/dev/null
t kill-session -t "$SESSION"

# 3. A defect while editing, through the real panic hook.
SESSION="e2e-crash"
RECOVERY="$WORK/bank/.starbank/recovery"
start() {
    t kill-session -t "$SESSION" 2>/dev/null || true
    t new-session -d -s "$SESSION" -x 120 -y 40 \
        "STARBANK_TEST_PANIC=1 NO_COLOR= '$BIN' tui --bank '$WORK/bank'; echo EXITED \$?; echo TTY \$(stty -a | grep -o -- '-*icanon' | head -1); sleep 30"
}
crash_with() {
    start
    wait_for "15 stories"
    t send-keys -t "$SESSION" Enter     # the first story's sections
    t send-keys -t "$SESSION" Enter     # edit its Situation
    wait_for "Editing Situation"
    t send-keys -t "$SESSION" -l "$1"
    wait_for "unsaved"
    t send-keys -t "$SESSION" F12
    wait_for "EXITED 101"
}
cp "$WORK"/bank/*.ron "$WORK/before/"
crash_with "Words before the crash "
wait_for "injected panic"
wait_for "the next start offers it back"
wait_for "TTY icanon"               # raw mode is off: the terminal was restored
[ "$(t display -p -t "$SESSION" '#{alternate_on}')" = 0 ] || fail "still on the alternate screen"
[ "$(ls "$RECOVERY" | wc -l)" = 1 ] || fail "expected one recovery file: $(ls "$RECOVERY")"
grep -q "Words before the crash" "$RECOVERY"/*.ron || fail "the recovery file lacks the text"
crashed=$(grep -l "Words before the crash" "$RECOVERY"/*.ron)
for file in "$WORK"/bank/*.ron; do
    cmp -s "$file" "$WORK/before/$(basename "$file")" || fail "$file changed in the crash"
done
# Later: the text stays for the next start.
start
wait_for "Recovered text"
wait_for "situation of"
t send-keys -t "$SESSION" Escape
wait_for "offered again at the next start"
t send-keys -t "$SESSION" q
wait_for "EXITED 0"
[ -f "$crashed" ] || fail "\"later\" removed the recovery file"
# Restore: the editor opens on the recovered text; saving writes it to the story.
start
wait_for "Recovered text"
t send-keys -t "$SESSION" Enter
wait_for "Editing Situation"
wait_for "Words before the crash"
t send-keys -t "$SESSION" C-s
wait_for "saved the situation"
t send-keys -t "$SESSION" Escape
wait_for "Enter edit"
t send-keys -t "$SESSION" q
wait_for "EXITED 0"
grep -q 'situation: "Words before the crash ' "$WORK"/bank/*.ron || fail "the restored text was not saved"
"$BIN" check "$WORK/bank" >/dev/null
[ -z "$(ls "$RECOVERY")" ] || fail "a restored and saved recovery file is left: $(ls "$RECOVERY")"
# Discard: the text is gone and the story as it was.
cp "$WORK"/bank/*.ron "$WORK/before/"
crash_with "Words to discard "
start
wait_for "Recovered text"
t send-keys -t "$SESSION" d
wait_for "recovered text discarded"
t send-keys -t "$SESSION" q
wait_for "EXITED 0"
[ -z "$(ls "$RECOVERY")" ] || fail "discard left $(ls "$RECOVERY")"
for file in "$WORK"/bank/*.ron; do
    cmp -s "$file" "$WORK/before/$(basename "$file")" || fail "$file changed by the discarded crash"
done
echo "tmux_e2e: ok"
