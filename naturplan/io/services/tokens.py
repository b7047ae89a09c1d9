"""The user's service tokens (Dataforsyningen): the environment or the OS keyring, nowhere else.

A token is looked up when a request is sent, by its name (``"dataforsyningen"``); sources,
presets, projects, caches and messages only ever hold that name. The environment wins
(``NATURPLAN_DATAFORSYNINGEN_TOKEN``, for scripts and CI), then the OS keyring (Secret
Service, macOS Keychain, Windows Credential Locker) through the ``keyring`` package.
"""

from __future__ import annotations

import os

from naturplan.core.errors import ServiceError

#: The keyring "service" under which naturplan keeps its tokens.
KEYRING_SERVICE = "naturplan"
#: Tokens naturplan knows, by name: Dataforsyningen's (skærmkort, ortofoto, DAGI, Matriklen).
DATAFORSYNINGEN = "dataforsyningen"


def env_variable(name: str) -> str:
    """The environment variable of token *name*: ``NATURPLAN_<NAME>_TOKEN`` (letters and
    digits kept, anything else becomes ``_``)."""
    clean = "".join(c if c.isalnum() else "_" for c in name.upper())
    return f"NATURPLAN_{clean}_TOKEN"


def get_token(name: str) -> str | None:
    """The token *name* from the environment or the keyring; None if neither has it."""
    value = os.environ.get(env_variable(name), "").strip()
    if value:
        return value
    if name in _SESSION:
        return _SESSION[name]
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            stored = keyring.get_password(KEYRING_SERVICE, name)
        except KeyringError:
            return None
    except Exception:  # noqa: BLE001 - a broken keyring backend must not stop the map
        return None
    return stored.strip() if stored else None


def token_source(name: str) -> str:
    """Where token *name* comes from: ``"environment"``, ``"keyring"`` or ``""`` (none)."""
    if os.environ.get(env_variable(name), "").strip():
        return "environment"
    return "keyring" if get_token(name) else ""


def set_token(name: str, value: str) -> None:
    """Keep *value* as token *name* in the OS keyring (an empty value deletes it).

    Raises
    ------
    ServiceError
        If no keyring is available on this system; the message names the environment
        variable that works instead.
    """
    try:
        import keyring
        from keyring.errors import KeyringError, PasswordDeleteError

        try:
            if value.strip():
                keyring.set_password(KEYRING_SERVICE, name, value.strip())
            else:
                try:
                    keyring.delete_password(KEYRING_SERVICE, name)
                except PasswordDeleteError:
                    pass
        except KeyringError as exc:
            raise ServiceError(
                "No keyring to keep the token in ({reason}); set {variable} instead.",
                reason=type(exc).__name__, variable=env_variable(name),
            ) from None
    except ImportError:
        raise ServiceError(
            "No keyring to keep the token in ({reason}); set {variable} instead.",
            reason="keyring is not installed", variable=env_variable(name),
        ) from None


#: Tokens given for this run only (a URL pasted with ``token=…`` on the command line).
_SESSION: dict[str, str] = {}


def use_for_session(name: str, value: str) -> None:
    """Use *value* as token *name* until the program ends (kept in memory only)."""
    _SESSION[name] = value


def token_name_for(host: str) -> str:
    """The token name for a service host: ``dataforsyningen`` for Dataforsyningen's hosts,
    else ``host:<hostname>``."""
    host = host.lower()
    if host.endswith("dataforsyningen.dk") or host.endswith("kortforsyningen.dk"):
        return DATAFORSYNINGEN
    return f"host:{host}"
