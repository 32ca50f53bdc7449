"""Hardening suite: register its marker (the slow cases still run by default)."""


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "slow: a heavier hardening case (seconds); still part of the default run")
