#!/usr/bin/env bash
# The Dockerfile's steps as plain commands (this machine has no Docker engine): build stage
# with dev dependencies, runtime stage with production dependencies and the bundle only, run as
# an unprivileged user, booted against MariaDB until GET /health/ready answers 200.
# Builds what is committed (HEAD), as `docker build` of a clean checkout would.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mysql_url=${IMAGE_CHECK_MYSQL:-mariadb://root@127.0.0.1:3306}
db="image_check_$$"
port=${IMAGE_CHECK_PORT:-39123}
work=$(mktemp -d)
pid=""
cleanup() {
  # Stop the app (and let it finish) before its database goes away.
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  mysql -uroot -h127.0.0.1 --protocol=tcp -e "DROP DATABASE IF EXISTS $db" || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "--- build stage: npm ci, build, prune"
mkdir -p "$work/build" "$work/app"
cp "$root/package.json" "$root/package-lock.json" "$work/build/"
(cd "$work/build" && SCARF_ANALYTICS=false npm ci --no-audit --no-fund --loglevel=error)
git -C "$root" archive --format=tar HEAD | tar -x -C "$work/build"
(cd "$work/build" && npm run build --silent && npm prune --omit=dev --no-audit --no-fund --loglevel=error)

echo "--- runtime stage: package.json, node_modules, dist"
cp -r "$work/build/package.json" "$work/build/node_modules" "$work/build/dist" "$work/app/"
chmod -R a+rX "$work"
if (cd "$work/app" && node -e "require.resolve('jest')" 2>/dev/null); then
  echo "dev dependency present in the runtime stage" >&2
  exit 1
fi

echo "--- boot as an unprivileged user against MariaDB"
mysql -uroot -h127.0.0.1 --protocol=tcp -e "CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
run_as=()
[ "$(id -u)" = 0 ] && run_as=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
(cd "$work/app" && exec env -i PATH="$PATH" NODE_ENV=production PORT="$port" JWT_SECRET=image-check \
  DATABASE_URL="$mysql_url/$db" LOG_LEVEL=warn "${run_as[@]}" node dist/main.js) &
pid=$!
for _ in $(seq 1 60); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")" = 200 ]; then
    echo "image check passed: /health/ready answered 200"
    exit 0
  fi
  kill -0 "$pid" 2>/dev/null || { echo "the app exited" >&2; exit 1; }
  sleep 1
done
echo "the app never became ready" >&2
exit 1
