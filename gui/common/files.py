"""Writing the user's files: atomically, through Qt's QSaveFile.

QSaveFile writes a temporary file beside the target and renames it over the
target only once everything is written and flushed to disk, so a crash never
leaves half a file. It keeps an existing file's mode, gives a new file the
umask's mode, and writes through a symbolic link to its target, as editors do.
"""

from __future__ import annotations

import os
import stat

from PySide6.QtCore import QByteArray, QIODevice, QSaveFile


def write_file(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically. Raises ``OSError`` whose message
    names ``path`` (never the temporary file) when it cannot be written; a
    read-only target is refused even where the user could override it (root)."""
    path = os.fspath(path)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as err:
        raise OSError(f"{path}: {err.strerror or err}") from None
    if mode is not None and not stat.S_ISREG(mode):
        raise OSError(f"{path}: not a regular file")
    if mode is not None and not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise OSError(f"{path}: the file is read-only")
    out = QSaveFile(path)
    if not out.open(QIODevice.OpenModeFlag.WriteOnly):
        raise OSError(f"{path}: {out.errorString()}")
    if out.write(QByteArray(data)) != len(data):
        problem = out.errorString()  # before cancelWriting() replaces it with its own
        out.cancelWriting()  # commit() then discards the temporary file
        out.commit()
        raise OSError(f"{path}: {problem}")
    if not out.commit():
        raise OSError(f"{path}: {out.errorString()}")
