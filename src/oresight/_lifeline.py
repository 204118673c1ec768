"""Helper processes die with the process that started them (Linux ``PR_SET_PDEATHSIG``).

``oresight watch`` reads documents in a process pool started through a fork server. If the watcher is
killed (``kill -9``, the OOM killer), nothing would stop the fork server and its workers, so each start
after a crash would leave a few idle processes behind. The fork server imports this module at start
(``set_forkserver_preload``) and each worker calls :func:`tie_to_parent` from its initialiser: when the
parent dies, the child gets SIGKILL from the kernel.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1


def tie_to_parent(sig: int = signal.SIGKILL) -> bool:
    """Ask the kernel to send ``sig`` to this process when its parent dies; False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    parent = os.getppid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) != 0:
            return False
    except (OSError, AttributeError):
        return False
    if os.getppid() != parent:  # the parent died before the request took effect
        os.kill(os.getpid(), sig)
    return True


def _in_forkserver() -> bool:
    main = sys.modules.get("__main__")
    return "multiprocessing.forkserver" in sys.modules and getattr(main, "__file__", None) is None \
        and sys.argv[:1] == ["-c"]


if _in_forkserver():  # imported by the fork server's preload: tie the fork server to the watcher
    tie_to_parent()
