# Sourced by scripts/start and scripts/test: brings a fresh Debian machine to what Touchpoint needs.
# Idempotent: every step checks first and does nothing when it is already done.

tp_log() { printf '\033[1m[touchpoint]\033[0m %s\n' "$*" >&2; }

tp_require_node() {
  if ! command -v node >/dev/null 2>&1; then
    tp_log "Node.js 20.19 or newer is required (https://nodejs.org or your distribution's nodejs package)."
    exit 1
  fi
  local version major minor
  version=$(node -p 'process.versions.node')
  major=${version%%.*}; minor=${version#*.}; minor=${minor%%.*}
  if [ "$major" -lt 20 ] || { [ "$major" -eq 20 ] && [ "$minor" -lt 19 ]; }; then
    tp_log "Node.js $version is too old: Touchpoint needs 20.19 or newer."
    exit 1
  fi
}

# What node_modules was installed from: the lock, the manifest and the Node.js ABI (native addons such
# as re2 are built for one ABI). Kept in node_modules/.touchpoint-install after a successful install.
tp_install_stamp() {
  { cat package-lock.json package.json; node -p 'process.versions.modules'; } | sha256sum | cut -d' ' -f1
}

# Fails when package-lock.json does not match package.json (what `npm ci` would refuse): the lock is
# the single source of the installed tree, so it must be complete for every platform.
tp_check_lock() {
  local out
  if ! out=$(npm ci --dry-run --ignore-scripts --no-audit --no-fund 2>&1); then
    printf '%s\n' "$out" >&2
    tp_log "package-lock.json is out of sync with package.json: run 'npm install' and commit the lock."
    exit 1
  fi
}

# The checkout's state as git sees it (nothing outside a git checkout): a run of the scripts must
# leave it as it found it, every file it writes being ignored.
tp_git_state() {
  git rev-parse --is-inside-work-tree >/dev/null 2>&1 && git status --porcelain --untracked-files=all || true
}

# Installs exactly the locked tree with `npm ci` when node_modules is missing or was installed from
# another lock, manifest or Node.js; never rewrites package-lock.json.
tp_npm_deps() {
  local want
  want=$(tp_install_stamp)
  if [ "$(cat node_modules/.touchpoint-install 2>/dev/null)" != "$want" ]; then
    tp_log "Installing the locked npm dependencies (npm ci)..."
    npm ci --no-audit --no-fund >&2
    printf '%s\n' "$want" > node_modules/.touchpoint-install
  fi
}

# tp_apt <command> <package>...: installs Debian packages when the command is missing.
tp_apt() {
  local command=$1; shift
  command -v "$command" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" -ne 0 ]; then
    tp_log "$command is missing. Install it with: sudo apt-get install -y $*"
    exit 1
  fi
  tp_log "Installing $* with apt-get..."
  if [ -z "${TP_APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    TP_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}
