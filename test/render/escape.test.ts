import { describe, expect, it } from 'vitest';
import * as warmpath from '../../src/index.js';
import {
  displayLines,
  dotHtml,
  dotId,
  dotString,
  dotTooltip,
  mermaidId,
  mermaidText,
} from '../../src/render/escape.js';

describe('escaping for DOT', () => {
  it('quotes ordinary labels: backslashes doubled, quotes escaped, & as &amp;, breaks as \\n', () => {
    expect(dotString('Ann "Nan" O\'Brien')).toBe('"Ann \\"Nan\\" O\'Brien"');
    expect(dotString('C:\\new \\N')).toBe('"C:\\\\new \\\\N"');
    expect(dotString('AT&T\r\nLtd\nCo')).toBe('"AT&amp;T\\nLtd\\nCo"');
  });

  it('writes backslashes four times in tooltips, which Graphviz unescapes twice', () => {
    expect(dotTooltip('a\\b\n"c"')).toBe('"a\\\\\\\\b\\n\\"c\\""');
  });

  it('escapes HTML-like label text', () => {
    expect(dotHtml('<b>Tom & "Jerry"</b>\nIt\'s \\N')).toBe(
      '&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;<br/>It&#39;s \\\\N',
    );
  });

  it('keeps ids apart: controls and line breaks as \\u{hex}, never colliding with typed text', () => {
    expect(dotId('a\nb')).toBe('"a\\u{a}b"');
    expect(dotId('a\\u{a}b')).toBe('"a\\\\u{a}b"');
    expect(dotId('x"y')).toBe('"x\\"y"');
    expect(dotId('a\rb')).not.toBe(dotId('a\nb'));
  });

  it('shows unshowable characters as U+FFFD and tabs as spaces', () => {
    expect(displayLines('a\u0000b\tc\ud800\r\nd')).toEqual(['a\ufffdb c\ufffd', 'd']);
    expect(displayLines('😀')).toEqual(['😀']);
  });
});

describe('escaping for Mermaid', () => {
  it('writes syntax characters as entity codes and breaks as <br/>', () => {
    expect(mermaidText('Say "hi" #1 & <b>\n|%:`\\')).toBe(
      'Say #quot;hi#quot; #35;1 #38; #60;b#62;<br/>#124;#37;#58;#96;#92;',
    );
    expect(mermaidText('direction LR')).toBe('directio#110; LR');
    expect(mermaidText('directions')).toBe('directions');
  });

  it('makes node ids from letters and digits, escaping the rest by code point', () => {
    expect(mermaidId('Ann-Marie_2')).toBe('p_Ann_2d_Marie_5f_2');
    expect(mermaidId('😀')).toBe('p__1f600_');
  });
});

describe('the public API', () => {
  it('exports the render layer from the package entry point', () => {
    expect(typeof warmpath.neighborhood).toBe('function');
    expect(typeof warmpath.toDot).toBe('function');
    expect(typeof warmpath.toMermaid).toBe('function');
    expect(typeof warmpath.renderSvg).toBe('function');
    expect(typeof warmpath.renderPng).toBe('function');
    expect(new warmpath.MissingRendererError('x', 'y')).toBeInstanceOf(warmpath.WarmpathError);
    expect(new warmpath.DotRenderError([])).toBeInstanceOf(warmpath.WarmpathError);
    expect(warmpath.NEIGHBORHOOD_DEFAULTS.hops).toBe(2);
    expect(warmpath.MAX_PNG_WIDTH).toBe(16_384);
  });
});
