import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FlagSet, HELP, parseGoInt, readAsCSV, wrap } from './flags.ts';

function fs(): FlagSet {
  const f = new FlagSet();
  f.add({ name: 'detach', shorthand: 'd', usage: '', kind: 'bool' });
  f.add({ name: 'interactive', shorthand: 'i', usage: '', kind: 'bool' });
  f.add({ name: 'tty', shorthand: 't', usage: '', kind: 'bool' });
  f.add({ name: 'name', usage: '', kind: 'string' });
  f.add({ name: 'publish', shorthand: 'p', usage: '', kind: 'list' });
  f.add({ name: 'count', shorthand: 'c', usage: '', kind: 'int' });
  f.add({ name: 'subnet', usage: '', kind: 'stringSlice' });
  f.add({ name: 'rm', usage: '', kind: 'bool' });
  return f;
}

test('combined short bools -dit', () => {
  const f = fs();
  assert.equal(f.parse(['-dit', 'alpine']), undefined);
  assert.deepEqual([f.get('detach'), f.get('interactive'), f.get('tty')], [true, true, true]);
  assert.deepEqual(f.args, ['alpine']);
});

test('--flag=v, --flag v, attached short value -p80:80 and repeated lists', () => {
  const f = fs();
  assert.equal(f.parse(['--name=web', '-p80:80', '-p', '8443:443', '--publish', '53/udp']), undefined);
  assert.equal(f.get('name'), 'web');
  assert.deepEqual(f.get('publish'), ['80:80', '8443:443', '53/udp']);
  const g = fs();
  g.parse(['--name', 'db']);
  assert.equal(g.get('name'), 'db');
});

test('bool with explicit value --rm=false', () => {
  const f = fs();
  f.parse(['--rm=false']);
  assert.equal(f.get('rm'), false);
  assert.ok(f.changed.has('rm'));
});

test('-- ends flags; interspersed flags after positionals', () => {
  const f = fs();
  f.parse(['a', '-d', '--', '-i', 'b']);
  assert.equal(f.get('detach'), true);
  assert.equal(f.get('interactive'), false);
  assert.deepEqual(f.args, ['a', '-i', 'b']);
});

test('non-interspersed parsing stops at the first positional (docker run IMAGE CMD)', () => {
  const f = fs();
  f.interspersed = false;
  f.parse(['-d', 'alpine', 'ping', '-c', '1']);
  assert.deepEqual(f.args, ['alpine', 'ping', '-c', '1']);
  assert.equal(f.get('count'), 0);
});

test('stringSlice splits CSV and accumulates', () => {
  const f = fs();
  f.parse(['--subnet', '10.0.0.0/24,10.1.0.0/24', '--subnet=10.2.0.0/24']);
  assert.deepEqual(f.get('subnet'), ['10.0.0.0/24', '10.1.0.0/24', '10.2.0.0/24']);
  assert.deepEqual(readAsCSV('"a,b",c'), ['a,b', 'c']);
});

test("error wording is pflag's", () => {
  assert.equal(fs().parse(['--foo']), 'unknown flag: --foo');
  assert.equal(fs().parse(['-z']), "unknown shorthand flag: 'z' in -z");
  assert.equal(fs().parse(['-dz']), "unknown shorthand flag: 'z' in -z");
  assert.equal(fs().parse(['--name']), 'flag needs an argument: --name');
  assert.equal(fs().parse(['-c']), "flag needs an argument: 'c' in -c");
  assert.equal(
    fs().parse(['-c', 'x']),
    'invalid argument "x" for "-c, --count" flag: strconv.ParseInt: parsing "x": invalid syntax',
  );
  assert.equal(
    fs().parse(['--rm=maybe']),
    'invalid argument "maybe" for "--rm" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
  );
  assert.equal(fs().parse(['---x']), 'bad flag syntax: ---x');
  assert.equal(fs().parse(['--help']), HELP);
});

test('strconv.ParseInt base 0', () => {
  assert.equal(parseGoInt('0x10'), 16);
  assert.equal(parseGoInt('-5'), -5);
  assert.equal(parseGoInt('010'), 8);
  assert.equal(parseGoInt('1_000'), 1000);
  assert.equal(parseGoInt('abc'), undefined);
});

test('usage lines: sorted, aligned, defaults, wrapped at 79 columns', () => {
  const f = new FlagSet();
  f.add({ name: 'quiet', shorthand: 'q', usage: 'Only display network IDs', kind: 'bool' });
  f.add({
    name: 'driver',
    shorthand: 'd',
    usage: 'Driver to manage the Network',
    kind: 'string',
    initial: 'bridge',
  });
  f.add({
    name: 'opt',
    shorthand: 'o',
    usage: 'Set driver specific options',
    kind: 'map',
    defValue: 'map[]',
  });
  f.add({ name: 'secret', usage: 'hidden', kind: 'bool', hidden: true });
  assert.equal(
    f.usages(),
    '  -d, --driver string   Driver to manage the Network (default "bridge")\n' +
      '  -o, --opt map         Set driver specific options (default map[])\n' +
      '  -q, --quiet           Only display network IDs\n',
  );
  assert.equal(
    wrap(10, 40, 'one two three four five six seven eight'),
    'one two three four five\n          six seven eight',
  );
});
