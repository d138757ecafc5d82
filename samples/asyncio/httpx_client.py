# httpx.AsyncClient against a local fixture server whose base URL is argv[1]
# (the golden harness and scripts/bless start one on 127.0.0.1).
import asyncio
import sys

import httpx

BASE = sys.argv[1]


async def fetch(client: httpx.AsyncClient, path: str) -> tuple[str, int, int]:
    resp = await client.get(BASE + path)
    return path, resp.status_code, len(resp.text)


async def main() -> None:
    async with httpx.AsyncClient() as client:
        # Several requests in flight at once.
        tasks = [asyncio.create_task(fetch(client, p)) for p in ["/hello.txt", "/data.json", "/index.html"]]
        for path, status, n in await asyncio.gather(*tasks):
            print(path, status, n, "chars")

        resp = await client.get(BASE + "/hello.txt")
        print(repr(resp))
        print(resp.status_code, resp.headers["content-type"], resp.headers.get("Content-Length"))
        print("content-type" in resp.headers, resp.headers.get("X-Missing"), resp.headers.get("X-Missing", "-"))
        print(repr(resp.text), resp.content[:5], len(resp.content))
        print(str(resp.url) == BASE + "/hello.txt", resp.is_success)

        data = (await client.get(BASE + "/data.json")).json()
        print(data)
        print(data["tags"][1], data["nested"]["empty"], type(data["ratio"]).__name__)

        resp = await client.get(BASE + "/echo", params={"q": "rust", "n": 3}, headers={"X-Test": "yes"})
        print(resp.json())
        resp = await client.get(BASE + "/echo?dropped=1", params={"q": "a b&c/é", "n": [1, 2], "t": True, "z": None})
        print(resp.json()["query"])

        resp = await client.post(BASE + "/echo", json={"a": [1, 2.5, None], "b": "é"})
        print(resp.headers["content-type"], resp.json())
        resp = await client.post(BASE + "/echo", data={"name": "py2rs", "lang": "rust"})
        print(resp.headers["content-type"], resp.text)
        resp = await client.post(BASE + "/echo", content="plain body", headers={"Content-Type": "text/plain"})
        print(resp.headers["content-type"], resp.text)

        missing = await client.get(BASE + "/missing")
        print(repr(missing), missing.text, missing.is_success)
        try:
            missing.raise_for_status()
        except httpx.HTTPStatusError as e:
            print(type(e).__name__, e.response.status_code)
            print(str(e).replace(BASE, "{base}"))
        print(resp.raise_for_status() is resp)

    client = httpx.AsyncClient()
    resp = await client.get(BASE + "/data.json")
    print(resp.status_code, len(resp.text))
    await client.aclose()
    try:
        await client.get(BASE + "/data.json")
    except RuntimeError as e:
        print("RuntimeError:", e)

    async with httpx.AsyncClient() as client:
        try:
            await client.get("http://127.0.0.1:1/")
        except httpx.ConnectError as e:
            print(type(e).__name__, e, isinstance(e, httpx.TransportError), isinstance(e, httpx.HTTPError))
        try:
            await client.get("ftp://127.0.0.1/")
        except httpx.UnsupportedProtocol as e:
            print(type(e).__name__, e, isinstance(e, httpx.RequestError))


asyncio.run(main())
