// One webhook delivery of a processor's API test double: a POST of the event's payload with the processor's
// signature headers, reported as the endpoint's HTTP status (0 when nothing answered) to the tests that drive them.

export async function deliverOnce(fetcher: typeof fetch, url: string, headers: Record<string, string>, payload: string): Promise<number> {
  try {
    const response = await fetcher(url, { method: 'POST', headers, body: payload });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}
