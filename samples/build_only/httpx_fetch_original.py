import asyncio, httpx
async def fetch(url: str) -> str:
    async with httpx.AsyncClient() as client:
        resp = await client.get(url)
        return resp.text
async def main() -> None:
    urls = [
        "https://example.com",
        "https://python.org",
    ]
    tasks = [asyncio.create_task(fetch(u)) for u in urls]
    results = await asyncio.gather(*tasks)
    for r in results:
        print(len(r), "chars")
asyncio.run(main())
