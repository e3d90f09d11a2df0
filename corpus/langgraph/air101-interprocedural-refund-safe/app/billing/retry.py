import functools
import time


def with_retries(times: int = 3):
    """Retry a flaky payment-provider call a few times before giving up."""

    def wrap(fn):
        @functools.wraps(fn)
        def inner(*args, **kwargs):
            for attempt in range(times):
                try:
                    return fn(*args, **kwargs)
                except ConnectionError:
                    time.sleep(2**attempt)
            return fn(*args, **kwargs)

        return inner

    return wrap
