import pytest

from sandbox.common import windows


@pytest.fixture(autouse=True)
def fresh_rate_windows():
    windows.reset()
    yield
    windows.reset()
