"""Stand-in for prefect.tasks.exponential_backoff."""


def exponential_backoff(backoff_factor):
    return lambda retries: [backoff_factor * 2 ** i for i in range(retries)]
