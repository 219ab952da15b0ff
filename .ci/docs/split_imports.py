"""Split the imports out of the cells nbdev's exec_show_docs would execute because they mix imports with other code
(its warning "Found cells containing imports and other code"): each such cell becomes an import-only cell (with the
same directives, e.g. #| hide or #| slow) followed by the rest. Nested imports are moved up too; the rest keeps the
cell id. Dry run by default (prints the split); --write rewrites the notebooks; then nbdev_clean and nbdev_test.

Usage: .venv/bin/python .ci/docs/split_imports.py [--write] nbs/X.ipynb ..."""
import ast, json, sys, re, warnings, textwrap
from nbdev.process import NBProcessor
from nbdev.processors import _do_eval

def split(src):
    lines = src.splitlines(True)
    k = 0
    while k < len(lines) and re.match(r'\s*#\|', lines[k]): k += 1
    dirs, code = lines[:k], ''.join(lines[k:])
    tree = ast.parse(code)
    imps = [n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))]
    cl = code.splitlines(True)
    texts, spans = [], []
    for n in sorted(imps, key=lambda n: (n.lineno, n.col_offset)):
        seg = ast.get_source_segment(code, n)
        t = textwrap.dedent(seg) if '\n' in seg else seg.strip()
        tail = cl[n.end_lineno-1][n.end_col_offset:]
        if tail.strip().startswith('#'): t += '  ' + tail.strip()  # a comment on the import goes with it
        if t not in texts: texts.append(t)
        spans.append((n.lineno-1, n.col_offset, n.end_lineno-1, n.end_col_offset))
    for l0, c0, l1, c1 in reversed(spans):  # cut each import statement out of the code
        before, after = cl[l0][:c0], cl[l1][c1:]
        if after.strip().startswith('#'): after = '\n'
        after = re.sub(r'^\s*;\s*', '', after); before = re.sub(r';\s*$', '', before) if not after.strip() else before
        new = before + after
        cl[l0:l1+1] = [] if not new.strip() else [new if new.endswith('\n') else new + '\n']
    rest = ''.join(cl).strip('\n')
    rest = re.sub(r'\n{3,}', '\n\n', rest)
    ast.parse(rest)  # still valid python
    assert not any(isinstance(n, (ast.Import, ast.ImportFrom)) for n in ast.walk(ast.parse(rest)))
    return ''.join(dirs) + '\n'.join(texts), ''.join(dirs) + rest

WRITE = "--write" in sys.argv
for p in [a for a in sys.argv[1:] if a != "--write"]:
    nb = json.load(open(p))
    proc = NBProcessor(p)
    flagged = []
    for i, c in enumerate(proc.nb.cells):
        if c.cell_type != 'code' or not c.source: continue
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter('always'); _do_eval(c)
        if any('imports and other code' in str(x.message) for x in w): flagged.append(i)
    for i in reversed(flagged):
        c = nb['cells'][i]
        imp, rest = split(''.join(c['source']))
        print(f'--- {p} cell {i}\n[IMPORTS]\n{imp}\n[REST]\n{rest}\n')
        mk = lambda s: {**{k: v for k, v in c.items() if k not in ('source', 'outputs', 'execution_count', 'id')},
                        'execution_count': None, 'outputs': [], 'source': s.splitlines(True)}
        r = mk(rest)
        if 'id' in c: r['id'] = c['id']
        nb['cells'][i:i+1] = [mk(imp), r]
    if flagged and WRITE: json.dump(nb, open(p, 'w'), indent=1, ensure_ascii=False); open(p, 'a').write('\n')
