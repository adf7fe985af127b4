"""Articles from the web: fetch one page and read it like a saved HTML clipping.

The page is fetched with httpx under a limit on the whole fetch's time and the same size limit as files; only HTML
(or plain text) is accepted. The body is saved to a temporary file of the matching suffix and
read by the ordinary article loaders (trafilatura finds the main text and metadata of HTML), so
a fetched page gets exactly the checks and cleaning a file gets. Its key comes from the URL.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from .article import MAX_BYTES, Article, load_article
from .errors import SourceError
from .parsed import fail
from .slug import slug

TIMEOUT_SECONDS = 20.0
SUFFIXES = {"text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt"}


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def url_key(url: str) -> str:
    """A readable, stable key for an article known by its URL: host, path and query as a slug."""
    parts = urlsplit(url)
    host = parts.netloc.removeprefix("www.")
    return slug(f"{host} {parts.path} {parts.query}")[:120].strip("-") or "page"


def download(url: str, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_BYTES) -> tuple[str, str, str]:
    """The page's final URL, media type and text; SourceError (URL and reason) when it cannot be had.

    `timeout` bounds the whole fetch (redirects, headers and body), not each read: a server that
    drips a byte every few seconds is cut off like one that says nothing.
    """
    try:
        return asyncio.run(_download(url, timeout, max_bytes))
    except TimeoutError:
        raise fail(url, f"timed out: the page did not arrive whole within {timeout:g} s") from None


async def _download(url: str, timeout: float, max_bytes: int) -> tuple[str, str, str]:
    import httpx

    headers = {"User-Agent": "casckg (knowledge graph of security cooperation in Central Asia)"}
    try:
        async with (
            asyncio.timeout(timeout),
            httpx.AsyncClient(timeout=timeout, follow_redirects=True, headers=headers, max_redirects=5) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise fail(url, f"the server answered HTTP {response.status_code} {response.reason_phrase}")
            media = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if media not in SUFFIXES:
                known = ", ".join(sorted(SUFFIXES))
                raise fail(url, f"not an article page: content type '{media or 'none'}' (accepted: {known})")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise fail(url, f"too large ({declared} bytes; the limit is {max_bytes})")
            body = bytearray()
            async for chunk in response.aiter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    raise fail(url, f"too large (over {max_bytes} bytes)")
            encoding = response.charset_encoding or "utf-8"
            try:
                text = bytes(body).decode(encoding)
            except (UnicodeDecodeError, LookupError):
                raise fail(url, f"the page is not valid {encoding} text") from None
            return str(response.url), media, text
    except httpx.TimeoutException:
        raise TimeoutError from None
    except httpx.InvalidURL as exc:
        raise fail(url, f"not a valid URL: {exc}") from None
    except httpx.HTTPError as exc:
        raise fail(url, f"cannot fetch the page: {exc}") from None


def fetch_article(url: str, timeout: float = TIMEOUT_SECONDS) -> Article:
    """Fetch, check and clean one article page. Raises SourceError naming the URL and the reason."""
    final, media, text = download(url, timeout)
    key = url_key(final)
    with tempfile.TemporaryDirectory(prefix="casckg-fetch-") as folder:
        path = Path(folder) / f"{key}{SUFFIXES[media]}"
        path.write_text(text, encoding="utf-8")
        try:
            article = load_article(path)
        except SourceError as exc:
            raise fail(url, exc.problems[0].message) from None
    article.path = Path(key)
    article.source.key = key
    article.source.path = final
    article.source.url = article.source.url if article.source.url and is_url(article.source.url) else final
    return article
