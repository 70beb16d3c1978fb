#!/usr/bin/env bash
# End-to-end run of the workbench in a real terminal (tmux): open a copy of the bundled bank,
# search, open a story, edit a section, save, quit; then check that the file changed only in
# that section. Usage: tests/tmux_e2e.sh [path/to/starbank]
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
# Waits (up to 15 s) until the screen shows $1.
wait_for() {
    for _ in $(seq 1 150); do
        if screen | grep -qF -- "$1"; then return 0; fi
        sleep 0.1
    done
    echo "tmux_e2e: timed out waiting for: $1" >&2
    screen >&2
    exit 1
}

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
echo "tmux_e2e: ok"
