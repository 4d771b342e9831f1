/**
 * The address a person types to open the studio: the API's own address, with a loopback or wildcard host written as
 * `localhost` (a browser cannot open 0.0.0.0, and localhost is what people expect to read).
 */
const LOCAL_HOSTS = new Set(['127.0.0.1', '0.0.0.0', '[::]', '[::1]']);

export function studioUrlOf(apiUrl: string): string {
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    // An IPv6 host printed without brackets is no URL; the address is still worth showing as it is.
    return `${apiUrl}/`;
  }
  if (LOCAL_HOSTS.has(url.hostname)) url.hostname = 'localhost';
  url.pathname = '/';
  return url.toString();
}
