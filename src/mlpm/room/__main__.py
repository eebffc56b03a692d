"""``python -m mlpm.room``: run the room service (JupyterHub starts it)."""

from mlpm.room.service import main

if __name__ == "__main__":
    raise SystemExit(main())
