import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * Rules of this project that no published plugin has.
 *
 * `type-import-cycle`: import-x/no-cycle skips `import type` (types are erased, so there is no
 * cycle at run time), but two modules that need each other's types are still one module in
 * two files. This rule reports an `import type` (or an import of types only) whose target
 * leads back, through imports of any kind, to the importing file. Relative imports and the
 * `#domain/` alias are followed: packages cannot import the project's files.
 *
 * `domain-alias`: outside the domain, the domain is imported as `#domain/...` (package.json
 * "imports"), never by a relative path that climbs to it; the fix rewrites the path.
 * `shared-alias`: the same for the client's shared code, `#shared/...` (tsconfig "paths" and
 * Vite's alias), from the rest of the client.
 *
 * `feature-boundaries`: a file under src/client/features/<name>/ imports neither another
 * feature's files nor src/client/app. The feature is read from the file's own folder, so a new
 * feature folder is covered without a list to update.
 */

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const DOMAIN = path.join(ROOT, 'src', 'domain');
const DOMAIN_ALIAS = '#domain/';
const SHARED = path.join(ROOT, 'src', 'client', 'shared');
const SHARED_ALIAS = '#shared/';

const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

/** A relative import's file, or null (a package, or nothing there). `./x.js` may name x.ts. */
function resolveImport(fromFile, specifier) {
  const base = specifier.startsWith(DOMAIN_ALIAS)
    ? path.join(DOMAIN, specifier.slice(DOMAIN_ALIAS.length))
    : specifier.startsWith(SHARED_ALIAS)
      ? path.join(SHARED, specifier.slice(SHARED_ALIAS.length))
      : specifier.startsWith('.')
        ? path.resolve(path.dirname(fromFile), specifier)
        : null;
  if (base === null) return null;
  const candidates = [base, ...EXTENSIONS.map((ext) => base + ext)];
  if (/\.jsx?$/.test(base)) candidates.push(base.replace(/\.js(x?)$/, '.ts$1'));
  for (const candidate of candidates) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Not this one: try the next.
    }
  }
  return null;
}

/** Each file's imports, kept while the file is unchanged (an editor's server lints for hours). */
const importsCache = new Map();

function importsOf(file) {
  let modified;
  try {
    modified = statSync(file).mtimeMs;
  } catch {
    return [];
  }
  const kept = importsCache.get(file);
  if (kept?.modified === modified) return kept.imports;
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const imports = importedFiles
    .map((entry) => resolveImport(file, entry.fileName))
    .filter((target) => target !== null);
  importsCache.set(file, { modified, imports });
  return imports;
}

/** The files from `start` back to `goal` (breadth first, so the shortest), or null. */
function pathBack(start, goal) {
  const cameFrom = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const next of importsOf(file)) {
      if (next === goal) {
        const route = [file];
        for (let step = cameFrom.get(file); step; step = cameFrom.get(step)) route.unshift(step);
        return route;
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, file);
        queue.push(next);
      }
    }
  }
  return null;
}

/** `import type`, `import { type A }`, `export type { A } from`: gone once compiled. */
function isTypesOnly(node) {
  const kind = node.type === 'ImportDeclaration' ? 'importKind' : 'exportKind';
  if (node[kind] === 'type') return true;
  const specifiers = node.specifiers ?? [];
  return specifiers.length > 0 && specifiers.every((specifier) => specifier[kind] === 'type');
}

const typeImportCycle = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Forbid import cycles made of type imports (import-x/no-cycle skips them).',
    },
    schema: [],
    messages: {
      cycle: 'Import cycle through types: {{route}} imports this file back.',
    },
  },
  create(context) {
    const file = context.physicalFilename;
    if (!path.isAbsolute(file)) return {};
    const check = (node) => {
      if (node.source === null || !isTypesOnly(node)) return;
      const target = resolveImport(file, node.source.value);
      if (target === null) return;
      const route = pathBack(target, file);
      if (route === null) return;
      const cwd = context.cwd;
      context.report({
        node,
        messageId: 'cycle',
        data: { route: route.map((step) => path.relative(cwd, step)).join(' -> ') },
      });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

const isInside = (folder, file) => !path.relative(folder, file).startsWith('..');

/** A rule that has `folder` imported by its alias from `within` (outside `folder` itself). */
const aliasRule = (folder, alias, within, name) => ({
  meta: {
    type: 'suggestion',
    fixable: 'code',
    docs: { description: `Import ${name} as ${alias}..., not by a path that climbs to it.` },
    schema: [],
    messages: {
      alias: `Import ${name} as '{{alias}}': a relative path into it breaks when files move.`,
    },
  },
  create(context) {
    const file = context.physicalFilename;
    if (!path.isAbsolute(file) || isInside(folder, file) || !isInside(within, file)) return {};
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      if (!source.value.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), source.value);
      if (!isInside(folder, target) || target === folder) return;
      const aliased =
        alias +
        path
          .relative(folder, target)
          .split(path.sep)
          .join('/')
          .replace(/\.tsx?$/, '');
      context.report({
        node: source,
        messageId: 'alias',
        data: { alias: aliased },
        fix: (fixer) => fixer.replaceText(source, `'${aliased}'`),
      });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
});

const domainAlias = aliasRule(DOMAIN, DOMAIN_ALIAS, ROOT, 'the domain');
const sharedAlias = aliasRule(
  SHARED,
  SHARED_ALIAS,
  path.join(ROOT, 'src', 'client'),
  "the client's shared code",
);

// ---- Client features (issue 28): the feature is the folder, no list to keep. ----
const CLIENT = path.join(ROOT, 'src', 'client');
const FEATURES = path.join(CLIENT, 'features');
const APP = path.join(CLIENT, 'app');

/** The feature folder a path lies in (`features/<name>/...`), or null outside src/client/features. */
function featureOf(file) {
  if (!isInside(FEATURES, file) || file === FEATURES) return null;
  return path.relative(FEATURES, file).split(path.sep)[0];
}

const featureBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'A client feature imports neither another feature nor app.' },
    schema: [],
    messages: {
      otherFeature:
        "A feature imports only shared code, its own files and the domain: '{{source}}' is in features/{{other}}. Move what both need to src/client/shared (or the domain).",
      app: "A feature never imports app/: '{{source}}' is in src/client/app, which composes the features.",
    },
  },
  create(context) {
    const file = context.physicalFilename;
    if (!path.isAbsolute(file)) return {};
    const feature = featureOf(file);
    if (feature === null) return {};
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      // Only a relative path can reach another folder of the client: #domain/ and packages cannot.
      if (!source.value.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), source.value);
      const other = featureOf(target);
      if (other !== null && other !== feature) {
        context.report({
          node: source,
          messageId: 'otherFeature',
          data: { source: source.value, other },
        });
      } else if (isInside(APP, target)) {
        context.report({ node: source, messageId: 'app', data: { source: source.value } });
      }
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export const localRules = {
  rules: {
    'type-import-cycle': typeImportCycle,
    'domain-alias': domainAlias,
    'shared-alias': sharedAlias,
    'feature-boundaries': featureBoundaries,
  },
};
