// Table-driven tests of the Go text/template port against outputs of Go 1.24 text/template.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GoStruct, parseTemplate } from './index.ts';

const data = {
  Name: 'web',
  Labels: { b: '2', a: '1' },
  Args: ['a', 'b'],
  N: 3,
  F: 1.5,
  T: true,
  Empty: '',
  Nil: null,
  Net: { bridge: { IPAddress: '172.17.0.2' }, 'my-net': { IPAddress: '172.18.0.2' } },
  Ports: { '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '8080' }] },
};

function run(src: string, d: unknown = data, opts = {}): string {
  try {
    return parseTemplate(src).execute(d, opts);
  } catch (e) {
    return `ERR ${(e as Error).message}`;
  }
}

const cases: Array<[string, string]> = [
  ['{{.Name}}', 'web'],
  ['{{.Labels}}', 'map[a:1 b:2]'],
  ['{{.Args}}', '[a b]'],
  ['{{.N}} {{.F}} {{.T}}', '3 1.5 true'],
  ['{{.Missing}}', '<no value>'],
  ['{{.Nil}}', '<nil>'],
  ['{{range $k, $v := .Labels}}{{$k}}={{$v}};{{end}}', 'a=1;b=2;'],
  ['{{range .Net}}{{.IPAddress}} {{end}}', '172.17.0.2 172.18.0.2 '],
  ['{{(index .Net "my-net").IPAddress}}', '172.18.0.2'],
  ['{{range $p, $conf := .Ports}}{{$p}} -> {{(index $conf 0).HostPort}}{{end}}', '80/tcp -> 8080'],
  ['{{(index (index .Ports "80/tcp") 0).HostPort}}', '8080'],
  ['{{range $i, $e := .Args}}{{$i}}{{$e}}{{end}}', '0a1b'],
  ['{{range .Args}}{{.}}{{else}}none{{end}}', 'ab'],
  ['{{range .Nope}}x{{else}}empty{{end}}', 'empty'],
  ['{{range .Args}}{{if eq . "b"}}{{break}}{{end}}{{.}}{{end}}', 'a'],
  ['{{range .Args}}{{if eq . "a"}}{{continue}}{{end}}{{.}}{{end}}', 'b'],
  ['{{range 3}}{{.}}{{end}}', '012'],
  ['{{if .Empty}}y{{else if .T}}t{{else}}n{{end}}', 't'],
  ['{{with .Net.bridge}}{{.IPAddress}}{{end}}', '172.17.0.2'],
  ['{{with .Empty}}x{{else}}empty{{end}}', 'empty'],
  ['{{$x := .Name}}{{$x}}-{{$.N}}', 'web-3'],
  ['{{$x := 1}}{{$x = 2}}{{$x}}', '2'],
  ['{{and .T .Name}} {{or .Empty "dflt"}} {{not .T}}', 'web dflt false'],
  ['{{len .Args}} {{len .Labels}} {{len .Name}}', '2 2 3'],
  ['{{index .Args 1}} {{index .Labels "a"}}', 'b 1'],
  ['{{slice .Name 1}} {{slice .Args 0 1}}', 'eb [a]'],
  [
    '{{eq .N 3}} {{ne .Name "x"}} {{lt 1 2}} {{le 2 2}} {{gt 3 1}} {{ge 1 2}}',
    'true true true true true false',
  ],
  ['{{eq .Name "a" "web"}}', 'true'],
  ['{{print 1 2 "a" 3}}', '1 2a3'],
  ['{{println "x" 1}}', 'x 1\n'],
  ['{{printf "%-6s|%4d|%q|%v|%05.1f" .Name .N .Name .Args .F}}', 'web   |   3|"web"|[a b]|001.5'],
  ['{{printf "%s %d" .Name}}', 'web %!d(MISSING)'],
  ['{{json .Labels}}', '{"b":"2","a":"1"}'],
  ['{{json .Args}} {{json .Nil}} {{json "<a&b>"}}', '["a","b"] null "<a&b>"'],
  ['{{join .Args ", "}}', 'a, b'],
  ['{{split "a:b:c" ":"}}', '[a b c]'],
  ['{{title "hello world"}} {{upper .Name}} {{lower "ABC"}}', 'Hello World WEB abc'],
  ['[{{pad .Name 2 1}}][{{pad .Empty 2 1}}]', '[  web ][]'],
  ['{{truncate .Name 2}} {{truncate .Name 10}}', 'we web'],
  ['{{.Name | printf "%s!"}}', 'web!'],
  ['{{.Name | len}}', '3'],
  ['a {{- " b " -}} c', 'a b c'],
  ['{{/* comment */}}x{{- /* c */ -}} y', 'xy'],
  ['{{"\\t\\u00e9"}}{{`raw\\n`}}', '\té' + 'raw\\n'],
  ["{{0x10}} {{1e3}} {{'a'}}", '16 1000 97'],
];

for (const [src, want] of cases) {
  test(`template ${JSON.stringify(src)}`, () => assert.equal(run(src), want));
}

const errors: Array<[string, string, object?]> = [
  ['{{foo}}', 'template: :1: function "foo" not defined'],
  ['{{.Name', 'template: :1: unclosed action'],
  ['{{end}}', 'template: :1: unexpected {{end}}'],
  ['{{if .T}}x', 'template: :1: unexpected EOF'],
  ['{{$x}}', 'template: :1: undefined variable "$x"'],
  ['{{if}}x{{end}}', 'template: :1: missing value for if'],
  ['{{break}}', 'template: :1: {{break}} outside {{range}}'],
  [
    '{{.Foo}}',
    'template: :1:2: executing "" at <.Foo>: map has no entry for key "Foo"',
    { missingKeyError: true, raw: true },
  ],
  [
    '{{.Nil.Status}}',
    'template: :1:6: executing "" at <.Nil.Status>: nil pointer evaluating interface {}.Status',
    { raw: true },
  ],
  [
    '{{.Name.X}}',
    'template: :1:7: executing "" at <.Name.X>: can\'t evaluate field X in type string',
    { raw: true },
  ],
  [
    '{{index .Args 5}}',
    'template: :1:2: executing "" at <index .Args 5>: error calling index: index out of range: 5',
  ],
  ['{{lower 3}}', 'template: :1:8: executing "" at <3>: expected string; found 3'],
  [
    '{{join .Name ","}}',
    'template: :1:7: executing "" at <.Name>: wrong type for value; expected []string; got string',
  ],
  ['{{len 3}}', 'template: :1:2: executing "" at <len 3>: error calling len: len of type int'],
  [
    '{{eq .Name 1}}',
    'template: :1:2: executing "" at <eq .Name 1>: error calling eq: incompatible types for comparison',
  ],
  ['{{"x" 1}}', 'template: :1:2: executing "" at <"x">: can\'t give argument to non-function "x"'],
  ['{{range .N}}{{end}}', 'template: :1:8: executing "" at <.N>: range can\'t iterate over 3', { raw: true }],
];

for (const [src, want, opts] of errors) {
  test(`template error ${JSON.stringify(src)}`, () => assert.equal(run(src, data, opts), `ERR ${want}`));
}

test('struct methods with arguments and wrong arity', () => {
  const s = new GoStruct(
    '*network.networkContext',
    {},
    {
      ID: { params: [], fn: () => 'abc' },
      Label: { params: ['string'], fn: (k) => `L${k}` },
    },
  );
  assert.equal(run('{{.ID}} {{.Label "x"}}', s), 'abc Lx');
  assert.equal(
    run('{{.Label}}', s),
    'ERR template: :1:2: executing "" at <.Label>: wrong number of args for Label: want 1 got 0',
  );
  assert.equal(
    run('{{.Nope}}', s),
    'ERR template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *network.networkContext',
  );
});

test('error context is truncated to 20 characters', () => {
  const got = run('{{.AVeryLongFieldName.AndAnotherOne}}', {}, { missingKeyError: true, raw: true });
  assert.equal(
    got,
    'ERR template: :1:21: executing "" at <.AVeryLongFieldName....>: map has no entry for key "AVeryLongFieldName"',
  );
});

test('typed nil maps (GoText) print map[], range empty, index "", JSON null', async () => {
  const { GoText } = await import('./value.ts');
  const d = { Options: new GoText('map[string]string', 'map[]', null, false) };
  assert.equal(
    run(
      '{{.Options}}|{{range .Options}}x{{else}}none{{end}}|{{index .Options "k"}}|{{len .Options}}|{{json .Options}}',
      d,
    ),
    'map[]|none||0|null',
  );
});
