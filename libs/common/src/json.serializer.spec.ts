import { serializeJson } from './json.serializer';

describe('serializeJson', () => {
  it('writes whole numbers under float keys with a decimal point', () => {
    expect(serializeJson({ end_date: 1690000000, id: 3 })).toBe('{"end_date":1690000000.0,"id":3}');
    expect(serializeJson({ created_at: 0, completed_at: -5 })).toBe('{"created_at":0.0,"completed_at":-5.0}');
  });

  it('keeps fractions and exponents as they are, and nulls as null', () => {
    expect(serializeJson({ creation_date: 1.25, access_expiry: 1e21, start_date: null })).toBe(
      '{"creation_date":1.25,"access_expiry":1e+21,"start_date":null}',
    );
  });

  it('applies at any depth, in arrays of objects, but not to arrays of bare numbers', () => {
    expect(serializeJson([{ tasks: [{ created_at: 2 }] }])).toBe('[{"tasks":[{"created_at":2.0}]}]');
    expect(serializeJson({ end_date: [1, 2] })).toBe('{"end_date":[1,2]}');
  });

  it('matches JSON.stringify for everything else', () => {
    const value = { a: 'x"y\n', b: [1, null, true], c: { d: undefined, e: 'é' }, f: new Date(0), n: NaN };
    expect(serializeJson(value)).toBe(JSON.stringify(value));
    expect(serializeJson([undefined])).toBe('[null]');
    expect(serializeJson('text')).toBe('"text"');
  });

  it('leaves string contents alone, even when they spell a float member', () => {
    const value = {
      bio: '"end_date":5,',
      notes: '{"created_at":1}',
      name: 'end_date',
      xend_date: 7,
      end_date_note: 8,
    };
    expect(serializeJson(value)).toBe(JSON.stringify(value));
    expect(serializeJson({ a: 'x\\', end_date: 9 })).toBe('{"a":"x\\\\","end_date":9.0}');
  });

  it('writes non-finite floats as null', () => {
    expect(serializeJson({ end_date: Infinity })).toBe('{"end_date":null}');
  });
});
