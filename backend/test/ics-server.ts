import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server answers on one path; `etag` makes it answer 304 to a matching If-None-Match. */
export interface Feed {
  body: string;
  status?: number;
  etag?: string;
  contentType?: string;
}

export interface VEvent {
  uid: string;
  summary: string;
  /** `20261201T090000Z`, or `20261224` for an all-day event. */
  start: string;
  end: string;
}

/** An iCalendar file of these events. */
export const ics = (events: VEvent[]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Panoramix tests//EN',
    ...events.flatMap((e) => {
      const date = e.start.length === 8 ? ';VALUE=DATE' : '';
      return [
        'BEGIN:VEVENT',
        `UID:${e.uid}`,
        `DTSTAMP:20261101T000000Z`,
        `DTSTART${date}:${e.start}`,
        `DTEND${date}:${e.end}`,
        `SUMMARY:${e.summary}`,
        'END:VEVENT',
      ];
    }),
    'END:VCALENDAR',
    '',
  ].join('\r\n');

/**
 * A calendar server on 127.0.0.1 (the tests' outbound allowance) serving `feeds` by path, and
 * counting the requests it got with the validators they carried.
 */
export async function startIcsServer() {
  const feeds = new Map<string, Feed>();
  const requests: { path: string; ifNoneMatch: string | null }[] = [];
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    const ifNoneMatch = req.headers['if-none-match'] ?? null;
    requests.push({ path, ifNoneMatch });
    const feed = feeds.get(path);
    if (!feed) return void res.writeHead(404).end();
    if (feed.etag && ifNoneMatch === feed.etag) return void res.writeHead(304, { etag: feed.etag }).end();
    res.writeHead(feed.status ?? 200, {
      'content-type': feed.contentType ?? 'text/calendar; charset=utf-8',
      ...(feed.etag ? { etag: feed.etag } : {}),
    });
    res.end(feed.body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    feeds,
    requests,
    url: (path: string) => base + path,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
export type IcsServer = Awaited<ReturnType<typeof startIcsServer>>;
