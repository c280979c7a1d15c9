# A regular package, so `tests.helpers` is this folder: spylls' wheel installs a stray
# top-level `tests` package into site-packages, which would otherwise win the import.
