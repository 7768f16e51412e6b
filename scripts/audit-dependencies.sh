#!/usr/bin/env bash
# Audits the production dependencies: fails when npm knows a high or critical advisory for one.
# When the audit itself cannot run (no network, or a registry mirror without npm's audit API,
# which answers 405), it says so and passes: an unreachable audit service is not a
# vulnerability, and CI on such a machine must not stay red for it.
set -uo pipefail
cd "$(dirname "$0")/.."

report="$(npm audit --omit=dev --audit-level=high --json 2>/dev/null)"
status=$?

# npm's JSON carries an `error` object when the audit endpoint failed, and `metadata` with the
# counts when it answered.
verdict="$(printf '%s' "$report" | node --input-type=module -e '
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  let json;
  try { json = JSON.parse(text); } catch { json = null; }
  if (!json || json.error || !json.metadata) {
    const why = json?.error?.summary || json?.message || "npm audit printed no report";
    console.log(`unavailable ${why.split("\n")[0]}`);
  } else {
    const v = json.metadata.vulnerabilities;
    console.log(`ran critical ${v.critical}, high ${v.high}, moderate ${v.moderate}, low ${v.low}`);
  }
')"

case "$verdict" in
  unavailable*)
    echo "Dependency audit could not run, so it is skipped (not a failure): ${verdict#unavailable }" >&2
    echo "  (the registry answered without npm's audit API, e.g. a mirror, or could not be reached)" >&2
    exit 0
    ;;
  ran*)
    echo "Dependency audit of the production dependencies: ${verdict#ran }"
    if [ "$status" -ne 0 ]; then
      echo "Dependency audit failed: a high or critical advisory; see \`npm audit --omit=dev\`" >&2
      exit 1
    fi
    ;;
esac
