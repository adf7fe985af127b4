#!/usr/bin/env bash
# Refresh the vendored SPARQL editor (Yasqe) from the npm registry.
#
# The query page loads graph/static/yasqe/yasqe.min.{js,css} from this server only (its CSP
# allows no other host), so the files are kept in the repository, byte for byte as npm ships
# them. node_modules is never kept: `npm pack` fetches each tarball into a scratch folder.
# Yasqe's own tarball has no licence file; its LICENSE (MIT) is the one at the root of its
# repository (rdfjs/Yasgui) and is kept beside the files. The bundle includes
# CodeMirror 5, lodash-es and query-string, whose licences npm ships and this script copies.
set -euo pipefail
YASQE_VERSION=${YASQE_VERSION:-4.6.2}
here=$(cd "$(dirname "$0")" && pwd)
out="$here/yasqe"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
npm pack --silent "@zazuko/yasqe@$YASQE_VERSION" >/dev/null
tar xzf "zazuko-yasqe-$YASQE_VERSION.tgz"
cp package/build/yasqe.min.js package/build/yasqe.min.css "$out/"
for dep in codemirror@5 lodash-es@4 query-string@6; do
  name=${dep%@*}
  rm -rf package && tarball=$(npm pack --silent "$dep" | tail -1) && tar xzf "$tarball"
  cp package/LICENSE* "$out/LICENSE.$name" 2>/dev/null || cp package/license "$out/LICENSE.$name"
done
echo "vendored @zazuko/yasqe@$YASQE_VERSION into $out"
