#!/usr/bin/env bash
# Prepare a release: consume the changesets (version bump + CHANGELOG.md), rebuild and run the
# whole gate, then show exactly what would be published. Publishing itself stays a deliberate
# second step: `npm publish` (or the CI release job) after reviewing this output.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "$(git status --porcelain)" ]; then
  echo "release: the working tree has uncommitted changes; commit or stash them first" >&2
  exit 1
fi
if ! ls .changeset/*.md 2>/dev/null | grep -qv README.md; then
  echo "release: no changesets to release (.changeset/*.md)" >&2
  exit 1
fi

npx changeset version          # bumps package.json, writes CHANGELOG.md, deletes the changesets
npm install --package-lock-only --ignore-scripts   # the lockfile records the new version
npm test                       # the full gate on the versioned tree
npm publish --dry-run          # the exact file list and size that would ship

version=$(node -p "require('./package.json').version")
echo
echo "release: rare-earths@${version} is ready. Review CHANGELOG.md, commit, tag v${version}, then npm publish."
