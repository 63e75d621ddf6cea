from tests.home.conftest import home_page  # noqa: F401 - the site's home page, parent of programme pages
