"""Errors the user can fix. The CLI prints them as one line on stderr, exit 2."""


class InputError(Exception):
    """Bad input: a file we cannot read or parse. str(err) is the one-line message."""

    exit_code = 2
