"""The site/ folder must stay a plain folder: `site` is the standard-library module."""

import site
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_site_folder_is_not_a_package():
    assert (ROOT / "site").is_dir()
    assert not (ROOT / "site" / "__init__.py").exists()


def test_site_module_is_the_standard_library_one():
    stdlib = Path(sysconfig.get_paths()["stdlib"]).resolve()
    assert Path(site.__file__).resolve().parent == stdlib


def test_config_package_lives_in_site_folder():
    import config

    assert Path(config.__file__).resolve().parent == ROOT / "site" / "config"
