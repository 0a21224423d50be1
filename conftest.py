def pytest_configure(config):
    """Tests always run against the catalogue as it is in locale/, never a stale compiled copy."""
    from lms.translations import compile_catalogues

    compile_catalogues()
