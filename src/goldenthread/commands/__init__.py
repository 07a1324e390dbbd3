"""Sub-commands of the ``goldenthread`` command line; see ``goldenthread.cli``."""
