import re, os, sys, yaml, glob
seeds, plans_dir, out = sys.argv[1], sys.argv[2], sys.argv[3]
class D(yaml.SafeDumper): pass
D.add_representer(str, lambda d, s: d.represent_scalar('tag:yaml.org,2002:str', s, style='|' if '\n' in s else None))
count = 0
def write(rel, entry):
    global count
    path = os.path.join(out, rel + '.yaml')
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(yaml.dump({k: v for k, v in entry.items() if v not in (None, [], '')}, Dumper=D, allow_unicode=True, sort_keys=False, width=1000))
    count += 1
def cut(text):
    text = text.strip()
    if '\ufffd' in text:
        text = text.replace('\ufffd', '').rstrip('、，,') + '…（計画書の記載が途中で切れています）'
    return text
def ask(term):
    return ['%sって何' % term, '%sとは' % term, '%sの意味' % term, '%sって何ですか' % term]
# 1. 各務原市 用語解説
lines = open(os.path.join(seeds, '002_3a8372cf3b1720a0.txt'), encoding='utf-8').read().split('\n')
start = lines.index('用語解説', 100)
n = 0
for l in lines[start:]:
    if l.startswith('各務原情報化市民調査'): break
    cells = l.split('\t')
    if len(cells) != 2 or cells[0] == '用語': continue
    term, desc = cells[0].strip(), cells[1]
    n += 1
    ascii_part = re.sub(r'[^a-z0-9]+', '-', term.lower()).strip('-')
    slug = '%02d' % n + ('-' + ascii_part if ascii_part else '')
    alts = ask(term)
    compact = term.replace(' ', '')
    if compact != term: alts.append(compact + 'とは')
    write('kakamigahara/glossary/' + slug, {
        'question': '%sとは何ですか？' % term, 'alternates': alts,
        'answer': cut(desc) + ('' if cut(desc).endswith(('。', '）')) else '。'),
        'tags': ['用語'], 'source': '各務原市 第3次ICT基本計画(後期計画) 用語解説'})
# 2. 多治見市 footnotes
for l in open(os.path.join(seeds, '000_a40d2256e0255a67.txt'), encoding='utf-8').read().split('\n'):
    m = re.match(r'^※(\d) (.+?)・・・(.+)$', l.strip())
    if m:
        term = m.group(2).strip()
        write('tajimi/terms/footnote-%s' % m.group(1), {
            'question': '%sとは何ですか？' % term, 'alternates': ask(term) + ([term.replace(' ', '') + 'とは'] if ' ' in term else []),
            'answer': cut(m.group(3)) + ('' if m.group(3).strip().endswith('。') else '。'),
            'municipality': '多治見市', 'tags': ['用語'],
            'source': '第4次多治見市情報化計画の総括 注釈※%s' % m.group(1)})
# 3 and 4. per plan: legend, symbols, period and basic policy
STATE = {'completed': '（終了した施策）', 'abolished': '（廃止・中止した施策）', 'unrated': '', 'ongoing': ''}
def fy(y):
    return '令和%s年度' % ('元' if y == 2019 else y - 2018) if y >= 2019 else '平成%d年度' % (y - 1988)
for path in sorted(glob.glob(os.path.join(plans_dir, '*.yaml'))):
    p = yaml.safe_load(open(path, encoding='utf-8'))
    city, short, pid = p['municipality'], p['municipality'][:-1], p['id']
    folder = {'tajimi': 'tajimi', 'kakamigahara': 'kakamigahara', 'oyama': 'oyama', 'chigasaki': 'chigasaki'}[pid.split('-')[0]]
    title = p['title']
    pillars = '、'.join(x['title'] for x in p['pillars'])
    answer = '%sの「%s」は、%sから%sまでの計画です。' % (city, title, fy(p['period']['from']), fy(p['period']['to']))
    if p.get('pillarLabel'):
        answer += '\n%s（%d）：%s' % (p['pillarLabel'], len(p['pillars']), pillars)
    count_m = sum(len(x.get('measures', [])) for x in p['pillars'])
    answer += '\n%sは%d件あります。' % (p.get('measureLabel', '施策'), count_m)
    write('%s/plan/%s' % (folder, pid), {
        'question': '%sの%sはどんな計画ですか？' % (city, title),
        'alternates': ['%sの情報化計画の期間は' % short, '%sの計画はいつまで' % short, '%sの%sとは' % (short, title), '%sの計画の柱は' % short],
        'answer': answer, 'municipality': city, 'tags': ['計画'], 'source': p['source']['title']})
    if p.get('basicPolicy'):
        bp = p['basicPolicy'].strip().split('\n')[0]
        if len(bp) > 280: bp = bp[:280].rsplit('。', 1)[0] + '。'
        write('%s/plan/%s-policy' % (folder, pid), {
            'question': '%sの%sの基本方針は何ですか？' % (city, title),
            'alternates': ['%sの情報化の基本方針' % short, '%sの計画の目的は' % short, '%sの計画の考え方' % short],
            'answer': bp, 'municipality': city, 'tags': ['計画'], 'source': p['source']['title']})
    scheme = p.get('ratingScheme') or []
    if not scheme: continue
    legend = '\n'.join('%s：%s%s' % (s['symbol'], s['meaning'].rstrip('。'), STATE[s['state']]) for s in scheme)
    write('%s/rating/%s-legend' % (folder, pid), {
        'question': '%sの「%s」の評価の意味は？' % (city, title),
        'alternates': ['%sの評価の見方' % short, '%sの評価の基準は' % short, '%sの評価A〜Dの意味' % short, '%sの評価記号の意味' % short],
        'answer': '%sの「%s」では、施策の進み具合を次の記号で評価しています。\n%s' % (city, title, legend),
        'municipality': city, 'tags': ['評価'], 'source': p['source']['title']})
    for s in scheme:
        sym = s['symbol']
        slug = {'◎': 'double-circle', '○': 'circle', '▲': 'triangle', '—': 'dash'}.get(sym, sym.lower())
        alts = ['%s評価って何' % sym, '評価が%sとはどういう意味' % sym, '%sの評価%sの意味' % (short, sym), '評価%sとは' % sym]
        write('%s/rating/%s-%s' % (folder, pid, slug), {
            'question': '%sの評価「%s」とは何ですか？' % (city, sym), 'alternates': alts,
            'answer': '%sの「%s」で評価「%s」は、「%s」という意味です。%s' % (city, title, sym, s['meaning'].rstrip('。'), {'completed': 'その施策は終了しています。', 'abolished': 'その施策は廃止または中止されました。', 'unrated': 'その年度は評価していません。', 'ongoing': ''}[s['state']]),
            'municipality': city, 'tags': ['評価'], 'source': p['source']['title']})
print(count)
