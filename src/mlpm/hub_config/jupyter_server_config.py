"""Jupyter server settings every server on the hub shares (see mlpm.hub): the terminal's shell.

Without a shell command, Jupyter opens terminals as login shells of $SHELL (Debian's useradd
gives /bin/sh), and a login shell's /etc/profile resets PATH: `mlpm` and `nbgrader`, which the
hub put first on the server's PATH, would be "command not found". An interactive bash that is
not a login shell keeps the server's PATH and still reads ~/.bashrc.
"""

import shutil

c = get_config()  # noqa: F821 - provided by Jupyter when it loads this file

c.ServerApp.terminado_settings = {"shell_command": [shutil.which("bash") or "/bin/sh"]}
