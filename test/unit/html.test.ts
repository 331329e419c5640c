import { type HtmlValue, html, htmlMessage, SafeHtml } from '../../shared/platform/web/html';

const SCRIPT = `<script>alert("x")</script>`;
const render = (value: HtmlValue) => html`<p>${value}</p>`.toString();

describe('html``: every interpolated value is escaped unless it is SafeHtml', () => {
  it('escapes a script tag in text', () => {
    // Act
    const out = render(SCRIPT);

    // Assert
    expect(out).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>');
  });

  it('escapes quotes so a value cannot leave a quoted attribute, in either quote style', () => {
    const double = html`<input value="${'" onfocus="alert(1)" x="'}">`.toString();
    const single = html`<input value='${"' onfocus='alert(1)' x='"}'>`.toString();

    expect(double).toBe('<input value="&quot; onfocus=&quot;alert(1)&quot; x=&quot;">');
    expect(single).toBe("<input value='&#39; onfocus=&#39;alert(1)&#39; x=&#39;'>");
  });

  it('escapes ampersands, so an entity typed by a person is shown, not decoded', () => {
    expect(render('Tom &amp; Jerry &lt;')).toBe('<p>Tom &amp;amp; Jerry &amp;lt;</p>');
  });

  it('inserts nested fragments as they are, and escapes the values inside them once', () => {
    const inner = html`<b>${'a<b'}</b>`;

    expect(html`<div>${inner}</div>`.toString()).toBe('<div><b>a&lt;b</b></div>');
  });

  it('joins arrays, nested arrays and a mix of fragments and strings, escaping the strings', () => {
    const items = ['x', '<y>'].map((s) => html`<li>${s}</li>`);

    expect(html`<ul>${items}</ul>`.toString()).toBe('<ul><li>x</li><li>&lt;y&gt;</li></ul>');
    expect(render([html`<i>1</i>`, '<2>', [html`<i>3</i>`, ['&']]])).toBe('<p><i>1</i>&lt;2&gt;<i>3</i>&amp;</p>');
    expect(render([])).toBe('<p></p>');
  });

  it('writes numbers, including 0 and negatives, as text', () => {
    expect(render(0)).toBe('<p>0</p>');
    expect(render(-12.5)).toBe('<p>-12.5</p>');
    expect(html`<td>${42000000}</td>`.toString()).toBe('<td>42000000</td>');
  });

  it('renders nothing for undefined, null and false (for `cond && html`...``), but keeps an empty string empty', () => {
    expect(render(undefined)).toBe('<p></p>');
    expect(render(null)).toBe('<p></p>');
    expect(render(false)).toBe('<p></p>');
    expect(render('')).toBe('<p></p>');
    expect(render(false && html`<b>never</b>`)).toBe('<p></p>');
  });

  it('escapes the text of anything else that reaches it at run time (an object from an untyped source)', () => {
    const untyped = { toString: () => '<img src=x onerror=alert(1)>' } as unknown as string;

    expect(render(untyped)).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
  });

  it('keeps the static parts of the template as written, including newlines', () => {
    expect(html`<a href="/x?a=1&amp;b=2">\n${'k'}</a>`.toString()).toBe('<a href="/x?a=1&amp;b=2">\nk</a>');
  });
});

describe('SafeHtml: the marker of trusted markup cannot be forged', () => {
  it('is given only to html`` results', () => {
    expect(SafeHtml.is(html`<b>x</b>`)).toBe(true);
    expect(SafeHtml.is('<b>x</b>')).toBe(false);
    expect(SafeHtml.is(new String('<b>x</b>'))).toBe(false);
    expect(SafeHtml.is(undefined)).toBe(false);
  });

  it('is not given to a parsed JSON body shaped like one', () => {
    // Arrange: what a form or JSON post could carry, with every property name the class uses
    const body = JSON.parse('{"markup":"<script>x</script>","#markup":"<script>x</script>","toString":"<script>x</script>"}') as unknown;

    // Act
    const out = render(body as string);

    // Assert: not trusted, and not a crash either (its toString is not a function)
    expect(SafeHtml.is(body)).toBe(false);
    expect(out).toBe('<p></p>');
    expect(render(JSON.parse('{"markup":"<b>"}') as string)).toBe('<p>[object Object]</p>');
  });

  it('is not given to an object made from its prototype or copied from a real one', () => {
    const real = html`<b>x</b>`;
    const fromPrototype = Object.create(SafeHtml.prototype) as SafeHtml;
    const copy = { ...real };
    const assigned = Object.assign(Object.create(SafeHtml.prototype) as object, real);

    expect(SafeHtml.is(fromPrototype)).toBe(false);
    expect(SafeHtml.is(copy)).toBe(false);
    expect(SafeHtml.is(assigned)).toBe(false);
    expect(render(fromPrototype)).toBe('<p></p>'); // its toString has no markup to read: nothing is written
  });

  it('cannot be made by calling html with a plain array instead of a template', () => {
    const smuggled = Object.freeze(['<b>', '</b>']) as unknown as TemplateStringsArray;
    const withRaw = Object.assign(['<b>', '</b>'], { raw: ['<b>', '</b>'] }) as unknown as TemplateStringsArray;

    expect(() => html(smuggled, 'x')).toThrow(TypeError);
    expect(() => html(withRaw, 'x')).toThrow(TypeError);
  });
});

describe('html``: unsafe template shapes are refused', () => {
  it('refuses an unquoted attribute value, which escaping cannot contain', () => {
    expect(() => html`<input value=${'x onfocus=alert(1)'}>`).toThrow(/quote the attribute value of placeholder 1/);
    expect(() => html`<a class="x" href=${'/'}>`).toThrow(TypeError);
  });

  it('accepts quoted attributes and text that merely contains an equals sign', () => {
    expect(html`<p>a=${1}</p><p>b = ${2}</p>`.toString()).toBe('<p>a=1</p><p>b = 2</p>');
  });
});

describe('htmlMessage: a message text with HTML in its placeholders', () => {
  it('escapes the text, and puts each value in its placeholder as html`` would', () => {
    const out = htmlMessage('Nomor <klaim>: {reference} & {name}.', { reference: html`<a href="/c">C-1</a>`, name: '<b>' });

    expect(out.toString()).toBe('Nomor &lt;klaim&gt;: <a href="/c">C-1</a> &amp; &lt;b&gt;.');
  });

  it('fails loudly on a placeholder without a value (a bug in our code, not in the data)', () => {
    expect(() => htmlMessage('Hello {name}', {})).toThrow(/no value for \{name\}/);
  });

  it('does not read inherited properties as values', () => {
    expect(() => htmlMessage('{toString}', {})).toThrow(TypeError);
  });
});
