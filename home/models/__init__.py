from .news import NewsIndexPage, NewsKind, NewsPage
from .notices import Notice
from .pages import HomePage, StandardPage
from .resources import ResourceDocument, ResourceIndexPage, ResourcePage
from .search import PageSearchText
from .settings import SiteSettings
from .users import User

__all__ = [
    "HomePage",
    "NewsIndexPage",
    "NewsKind",
    "NewsPage",
    "Notice",
    "PageSearchText",
    "ResourceDocument",
    "ResourceIndexPage",
    "ResourcePage",
    "SiteSettings",
    "StandardPage",
    "User",
]
