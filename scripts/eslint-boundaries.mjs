// A local ESLint rule, `boundaries/doors`, that checks which parts of the repository may import which others.
// Each relative import (static, `export … from`, dynamic `import()`, TypeScript's `import('…')` types, `require`) is
// resolved against the importing file and compared, as a path from the repository root, with the door table in
// eslint.config.js. Packages (bare specifiers) are never restricted here. Resolution is by path only, with no file
// system access, so it also checks source that exists only in memory (ESLint's lintText in the tests).
import path from 'node:path';

/** A glob with `**` (any depth) and `*` (within one segment) as a RegExp over a '/'-separated path. */
function globToRegExp(glob) {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else re += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const toPosix = (p) => p.split(path.sep).join('/');

/** The file names an import may stand for: `x.js` is `x.ts` under NodeNext, and `x` may be `x.ts` or `x/index.ts`. */
function candidates(target) {
  const out = [target];
  const swapped = target.replace(/\.(m|c)?js$/, '.$1ts');
  if (swapped !== target) out.push(swapped);
  if (!/\.[a-z]+$/i.test(path.posix.basename(target))) out.push(`${target}.ts`, `${target}/index.ts`);
  return out;
}

/** @type {import('eslint').Rule.RuleModule} */
const doors = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports cross between parts of the repository only through the doors that eslint.config.js lists.' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          doors: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                from: { type: 'array', items: { type: 'string' } },
                except: { type: 'array', items: { type: 'string' } },
                allow: { type: 'array', items: { type: 'string' } },
                deny: { type: 'array', items: { type: 'string' } },
                because: { type: 'string' },
              },
              required: ['from', 'because'],
              additionalProperties: false,
            },
          },
        },
        required: ['root', 'doors'],
        additionalProperties: false,
      },
    ],
    messages: {
      crossed: "'{{file}}' may not import '{{target}}': {{because}}",
    },
  },
  create(context) {
    const { root, doors: table } = context.options[0];
    const file = toPosix(path.relative(root, context.filename));
    if (file.startsWith('..') || path.isAbsolute(file)) return {};
    const compile = (globs) => (globs ?? []).map(globToRegExp);
    const applying = table
      .map((d) => ({ ...d, from: compile(d.from), except: compile(d.except), allow: d.allow && compile(d.allow), deny: compile(d.deny) }))
      .filter((d) => d.from.some((re) => re.test(file)) && !d.except.some((re) => re.test(file)));
    if (applying.length === 0) return {};

    function check(node, specifier) {
      if (typeof specifier !== 'string' || !(specifier.startsWith('.') || specifier.startsWith('/'))) return;
      const bare = specifier.replace(/[?#].*$/, '');
      const absolute = path.resolve(path.dirname(context.filename), bare);
      const target = toPosix(path.relative(root, absolute));
      if (target.startsWith('..') || path.isAbsolute(target)) return;
      const names = candidates(target);
      const matches = (globs) => globs.some((re) => names.some((n) => re.test(n)));
      for (const d of applying) {
        const crossed = (d.allow && !matches(d.allow)) || matches(d.deny);
        if (crossed) {
          context.report({ node, messageId: 'crossed', data: { file, target, because: d.because } });
          return;
        }
      }
    }
    const literal = (node) =>
      node?.type === 'Literal' ? node.value : node?.type === 'TemplateLiteral' && node.expressions.length === 0 ? node.quasis[0].value.cooked : undefined;

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => check(node.source, literal(node.source)),
      // typescript-eslint 8.x names the specifier `source`; older versions had it as `argument` (a literal type).
      TSImportType: (node) => (node.source ? check(node.source, literal(node.source)) : check(node.argument, literal(node.argument?.literal))),
      TSExternalModuleReference: (node) => check(node.expression, literal(node.expression)),
      'CallExpression[callee.type="Identifier"][callee.name="require"]': (node) => check(node.arguments[0], literal(node.arguments[0])),
    };
  },
};

export default { meta: { name: 'strategigraf-boundaries' }, rules: { doors } };
