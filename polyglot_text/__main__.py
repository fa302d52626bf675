"""``python -m polyglot_text``: the same as the ``polyglot-text`` command."""

from .cli import main

if __name__ == "__main__":
    main()
