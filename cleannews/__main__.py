"""``python -m cleannews``: the same command as the ``cleannews`` script."""

from cleannews.cli import main

if __name__ == "__main__":
    main()
