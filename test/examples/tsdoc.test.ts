/**
 * DEVELOPERS.md: "Every exported function has TSDoc with an `@example`, what it throws, and
 * references to the method." This walks the exports of src/index.ts with the TypeScript compiler
 * API and lists every exported function and class (a `const` holding a function counts as one)
 * that has no doc comment, no `@example`, or no `@throws` although it can throw, and every public
 * method of an exported class without a doc comment, or without `@throws` although it can throw.
 *
 * "Can throw" is worked out from the code: a `throw new SomeError(...)` of one of warmpath's named
 * errors (or of an abort signal's reason) in the function's body, or in any function, method or
 * constructor of src/ that it calls, directly or through others (closures it passes along
 * included). It over-approximates: an error thrown and caught inside still counts.
 *
 * Known gaps are listed in KNOWN_GAPS so the suite stays green while they are fixed; the test fails
 * on any new gap, and on a listed gap that has been fixed (so the list only shrinks).
 */
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = join(ROOT, 'src');
const INDEX = join(SRC, 'index.ts');
/** The package's entry points: `warmpath` and `warmpath/postgres`. */
const ENTRIES = [INDEX, join(SRC, 'postgres/index.ts')];

/**
 * Gaps present when this test was written, as `name: problem`. Remove a line when its gap is
 * fixed; never add one for new code.
 */
const KNOWN_GAPS: readonly string[] = [];

type Callable =
  | ts.FunctionDeclaration
  | ts.MethodDeclaration
  | ts.ConstructorDeclaration
  | ts.ArrowFunction
  | ts.FunctionExpression
  | ts.GetAccessorDeclaration;

const inSrc = (node: ts.Node): boolean => {
  const file = node.getSourceFile().fileName;
  return file.startsWith(SRC) && !file.endsWith('.d.ts');
};

function createProgram(): ts.Program {
  const configFile = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, ROOT);
  return ts.createProgram(ENTRIES, { ...parsed.options, noEmit: true });
}

/** Which errors each function of src/ can throw, worked out through the calls it makes. */
class ThrowAnalysis {
  readonly #memo = new Map<ts.Node, ReadonlySet<string>>();
  readonly #inProgress = new Set<ts.Node>();

  constructor(private readonly checker: ts.TypeChecker) {}

  /** The names of the errors `fn` can throw (`AbortSignal.reason` for an aborted search). */
  throwsOf(fn: Callable): ReadonlySet<string> {
    const known = this.#memo.get(fn);
    if (known) return known;
    if (this.#inProgress.has(fn)) return new Set(); // recursion: the outer call collects it
    this.#inProgress.add(fn);
    const found = new Set<string>();
    const visit = (node: ts.Node): void => {
      if (ts.isThrowStatement(node)) {
        const thrown = node.expression;
        if (ts.isNewExpression(thrown) && this.#isWarmpathError(thrown))
          found.add(thrown.expression.getText());
        else if (/\.reason\b/.test(thrown.getText())) found.add('AbortSignal.reason');
      }
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        for (const callee of this.#callees(node))
          for (const name of this.throwsOf(callee)) found.add(name);
      }
      ts.forEachChild(node, visit);
    };
    if (fn.body) visit(fn.body);
    // A class's field initialisers run in its constructor.
    if (ts.isConstructorDeclaration(fn) && ts.isClassLike(fn.parent)) {
      for (const member of fn.parent.members)
        if (ts.isPropertyDeclaration(member) && member.initializer) visit(member.initializer);
    }
    this.#inProgress.delete(fn);
    this.#memo.set(fn, found);
    return found;
  }

  /**
   * Whether `new X(...)` makes one of warmpath's named errors (a subclass of WarmpathError).
   * Other throws are internal guards (a RangeError for an index only warmpath itself passes).
   */
  #isWarmpathError(node: ts.NewExpression): boolean {
    const pending = [this.checker.getTypeAtLocation(node)];
    while (pending.length > 0) {
      const type = pending.pop() as ts.Type;
      if (type.symbol?.name === 'WarmpathError') return true;
      if (type.isClassOrInterface()) pending.push(...(this.checker.getBaseTypes(type) ?? []));
    }
    return false;
  }

  /** The function-likes in src/ with a body that a call or `new` may run. */
  #callees(node: ts.CallExpression | ts.NewExpression): Callable[] {
    const declaration = this.checker.getResolvedSignature(node)?.getDeclaration();
    if (declaration && inSrc(declaration) && isCallable(declaration)) {
      // An overload signature: the implementation is the declaration with a body.
      if (declaration.body) return [declaration];
      const symbol = (declaration as ts.Node as { symbol?: ts.Symbol }).symbol;
      return (symbol?.declarations ?? []).filter(
        (d): d is Callable => isCallable(d) && d.body !== undefined,
      );
    }
    // `new C()` of a class without a constructor: its field initialisers still run.
    if (ts.isNewExpression(node)) {
      const symbol = this.checker.getSymbolAtLocation(node.expression);
      const resolved =
        symbol && symbol.flags & ts.SymbolFlags.Alias
          ? this.checker.getAliasedSymbol(symbol)
          : symbol;
      const cls = resolved?.declarations?.find(ts.isClassDeclaration);
      if (cls && inSrc(cls)) {
        const ctor = cls.members.find(ts.isConstructorDeclaration);
        if (ctor) return [ctor];
      }
    }
    return [];
  }
}

function isCallable(node: ts.Node): node is Callable {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node) ||
    ts.isGetAccessorDeclaration(node)
  );
}

/** The TSDoc tag names on a declaration (and its overloads), and whether it has a comment at all. */
function docOf(declarations: readonly ts.Node[]): { documented: boolean; tags: Set<string> } {
  const tags = new Set<string>();
  let documented = false;
  for (const declaration of declarations) {
    for (const doc of ts.getJSDocCommentsAndTags(declaration)) {
      if (!ts.isJSDoc(doc)) continue;
      documented = true;
      for (const tag of doc.tags ?? []) tags.add(tag.tagName.text);
    }
  }
  return { documented, tags };
}

interface ExportedCallable {
  readonly name: string;
  readonly kind: 'function' | 'class' | 'method';
  readonly file: string;
  readonly documented: boolean;
  readonly tags: ReadonlySet<string>;
  /** What it can throw (for a class: its constructor). */
  readonly throws: ReadonlySet<string>;
}

function exportedCallables(): ExportedCallable[] {
  const program = createProgram();
  const checker = program.getTypeChecker();
  const analysis = new ThrowAnalysis(checker);
  const exports = ENTRIES.flatMap((entry) => {
    const file = program.getSourceFile(entry);
    const moduleSymbol = file && checker.getSymbolAtLocation(file);
    if (!moduleSymbol) throw new Error(`cannot read ${relative(ROOT, entry)}`);
    return checker.getExportsOfModule(moduleSymbol);
  });
  const found: ExportedCallable[] = [];
  for (const exported of exports) {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declarations = symbol.declarations ?? [];
    const first = declarations[0];
    if (!first) continue;
    const file = relative(ROOT, first.getSourceFile().fileName);
    const functions = declarations.filter(ts.isFunctionDeclaration);
    const variable = declarations.find(ts.isVariableDeclaration);
    const cls = declarations.find(ts.isClassDeclaration);
    if (functions.length > 0) {
      const body = functions.find((f) => f.body !== undefined) ?? functions[0];
      found.push({
        name: exported.name,
        kind: 'function',
        file,
        ...docOf(functions),
        throws: body ? analysis.throwsOf(body) : new Set(),
      });
    } else if (
      variable?.initializer &&
      (ts.isArrowFunction(variable.initializer) || ts.isFunctionExpression(variable.initializer))
    ) {
      found.push({
        name: exported.name,
        kind: 'function',
        file,
        ...docOf([variable]),
        throws: analysis.throwsOf(variable.initializer),
      });
    } else if (cls) {
      const ctor = cls.members.find(ts.isConstructorDeclaration);
      const ctorDoc = ctor ? docOf([ctor]) : { documented: false, tags: new Set<string>() };
      const classDoc = docOf([cls]);
      found.push({
        name: exported.name,
        kind: 'class',
        file,
        documented: classDoc.documented,
        // @throws may sit on the class or on its constructor.
        tags: new Set([...classDoc.tags, ...[...ctorDoc.tags].filter((t) => t === 'throws')]),
        throws: ctor ? analysis.throwsOf(ctor) : new Set(),
      });
      // Its public methods, overloads together.
      const methods = new Map<string, ts.MethodDeclaration[]>();
      for (const member of cls.members) {
        if (!ts.isMethodDeclaration(member) || !ts.isIdentifier(member.name)) continue;
        const flags = ts.getCombinedModifierFlags(member);
        if (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
        if (ts.getJSDocTags(member).some((tag) => tag.tagName.text === 'internal')) continue;
        const name = member.name.text;
        methods.set(name, [...(methods.get(name) ?? []), member]);
      }
      for (const [name, overloads] of methods) {
        const body = overloads.find((m) => m.body !== undefined);
        found.push({
          name: `${exported.name}.${name}`,
          kind: 'method',
          file,
          ...docOf(overloads),
          throws: body ? analysis.throwsOf(body) : new Set(),
        });
      }
    }
  }
  return found.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** `name: problem` for every gap. */
function gapsOf(callables: readonly ExportedCallable[]): string[] {
  const gaps: string[] = [];
  for (const c of callables) {
    if (!c.documented) {
      gaps.push(`${c.name}: no doc comment`);
      continue;
    }
    if (c.kind !== 'method' && !c.tags.has('example')) gaps.push(`${c.name}: no @example`);
    if (c.throws.size > 0 && !c.tags.has('throws'))
      gaps.push(`${c.name}: no @throws (can throw ${[...c.throws].sort().join(', ')})`);
  }
  return gaps;
}

describe('TSDoc of the exports of src/index.ts and src/postgres/index.ts', () => {
  let callables: ExportedCallable[] = [];
  let gaps: string[] = [];
  beforeAll(() => {
    callables = exportedCallables();
    gaps = gapsOf(callables);
  }, 60_000);

  it('finds the exported functions and classes, and what they throw', () => {
    const names = callables.map((c) => c.name);
    // A sample the walk must see: functions, a class and its methods.
    for (const name of [
      'findIntroductions',
      'createNetwork',
      'referralShare',
      'Network',
      'PostgresNetwork',
      'loadNetwork',
    ])
      expect(names).toContain(name);
    const byName = (name: string) => callables.find((c) => c.name === name);
    expect(byName('Network')?.kind).toBe('class');
    expect(byName('Network.requirePerson')?.kind).toBe('method');
    expect(byName('Network.requirePerson')?.throws).toContain('UnknownEntityError');
    // Not everything throws: a band is a comparison, a cached look-up returns undefined.
    expect(byName('bandOf')?.throws.size).toBe(0);
    expect(byName('Network.person')?.throws.size).toBe(0);
    // createNetwork validates: InvalidNetworkError comes from a helper several calls down.
    expect(callables.find((c) => c.name === 'createNetwork')?.throws).toContain(
      'InvalidNetworkError',
    );
    expect(callables.find((c) => c.name === 'findIntroductions')?.throws).toContain(
      'UnknownEntityError',
    );
    expect(callables.length).toBeGreaterThan(50);
  });

  it('every exported function and class has a doc comment, an @example, and @throws if it throws', () => {
    const unexpected = gaps.filter((gap) => !KNOWN_GAPS.includes(gap));
    expect(unexpected, `new TSDoc gaps:\n${unexpected.join('\n')}`).toEqual([]);
  });

  it('lists no fixed gap as known', () => {
    const fixed = KNOWN_GAPS.filter((gap) => !gaps.includes(gap));
    expect(fixed, `fixed, remove from KNOWN_GAPS:\n${fixed.join('\n')}`).toEqual([]);
  });
});
