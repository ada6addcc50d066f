import { describe, expect, it } from 'vitest';
import { emptyPicture, formatPicture, MAX_POSITIONS_CHARS, parsePicture } from '../../explorer/src/picture.js';

// The explorer's picture in its URL (issue 17): what is written is read back, and a hostile link is ignored.

const format = (picture: ReturnType<typeof emptyPicture>) => {
  const params = new URLSearchParams();
  formatPicture(params, picture);
  return params.toString();
};

describe('the picture in the URL', () => {
  it('writes positions, layout, zoom, pan, hidden nodes and opened hubs compactly and reads them back', () => {
    const picture = {
      positions: { 'liu-xiaowu': { x: 120.4, y: -45.6 }, russia: { x: 300, y: 20 } },
      layout: 'concentric' as const,
      zoom: 1.23456,
      pan: { x: -40.2, y: 12.7 },
      hidden: ['russia', 'china'],
      open: ['hub-a'],
    };
    const query = format(picture);
    expect(query).toBe('pos=liu-xiaowu_120_-46.russia_300_20&layout=concentric&z=1.235&pan=-40_13&hide=china.russia&open=hub-a');
    expect(parsePicture(new URLSearchParams(query))).toEqual({
      positions: { 'liu-xiaowu': { x: 120, y: -46 }, russia: { x: 300, y: 20 } },
      layout: 'concentric',
      zoom: 1.235,
      pan: { x: -40, y: 13 },
      hidden: ['china', 'russia'],
      open: ['hub-a'],
    });
  });

  it('writes nothing for an empty picture, so old links stay as they were', () => {
    expect(format(emptyPicture())).toBe('');
    expect(parsePicture(new URLSearchParams('e=liu-xiaowu'))).toEqual(emptyPicture());
  });

  it('keeps the positions within a length the service reads in a request line', () => {
    const positions = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`entity-number-${i}`, { x: -1234, y: 5678 }]));
    const pos = new URLSearchParams(format({ ...emptyPicture(), positions })).get('pos')!;
    expect(pos.length).toBeLessThanOrEqual(MAX_POSITIONS_CHARS);
    const kept = Object.keys(parsePicture(new URLSearchParams({ pos })).positions);
    expect(kept.length).toBeGreaterThan(400);
    expect(kept.every((id) => positions[id] !== undefined)).toBe(true);
  });

  it('ignores what is not a slug, a number or a layout', () => {
    const parsed = parsePicture(new URLSearchParams('pos=a_1_2.B%20C_3_4.d_x_5.e_6&layout=spiral&z=9999&pan=1&hide=ok.<script>.also-ok'));
    expect(parsed.positions).toEqual({ a: { x: 1, y: 2 } });
    expect(parsed.layout).toBe('force');
    expect(parsed.zoom).toBeNull();
    expect(parsed.pan).toBeNull();
    expect(parsed.hidden).toEqual(['ok', 'also-ok']);
  });
});
