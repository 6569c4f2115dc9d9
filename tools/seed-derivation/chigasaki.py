import re, yaml, sys
src = open(sys.argv[2] + '/004_b7a81e3533938f0b.txt', encoding='utf-8').read().split('\n')
clean = lambda s: s.replace('\ufffd', '').replace('**', '').strip()
YEARS = [2018, 2019, 2020, 2021, 2022]
def paragraphs(start):
    out = []; i = start
    while i < len(src):
        l = src[i]
        if l.strip() in ('施策', '施策展開の柱') or l.startswith(('事務事業の', '進捗に', '※新型', '○令和5', '茅ヶ崎市地域情報化計画全体')):
            break
        if l.strip() and '\t' not in l and not l.startswith('表：'): out.append(clean(l))
        i += 1
    return out, i
plan_summary = []; pillars = []; pillar = None; measure = None; i = 0
intro = [clean(x) for x in src[:40]]
while i < len(src):
    l = src[i].strip()
    nxt = [j for j in range(i + 1, min(i + 6, len(src))) if src[j].strip()]
    if l == '進捗に係る学識経験者意見':
        title = [src[j] for j in range(i - 1, 0, -1) if src[j].strip()][0].strip()
        paras, i = paragraphs(i + 1)
        if title == '茅ヶ崎市地域情報化計画全体':
            plan_summary += paras
        else:
            pillar = {'number': str(len(pillars) + 1), 'title': title.replace(' ', '') if re.fullmatch(r'[A-Z ]+.*', title) else title,
                      'description': '進捗に係る学識経験者意見\n' + '\n'.join(paras), 'measures': []}
            pillar['title'] = re.sub(r'(?<=[A-Z]) (?=[A-Z])', '', title)
            pillars.append(pillar)
        continue
    if l == '施策' and pillar is not None:
        title = src[nxt[0]].strip()
        measure = {'id': 'chigasaki-1-%s-%02d' % (pillar['number'], len(pillar['measures']) + 1),

                   'title': re.sub(r'(?<=[A-Z]) (?=[A-Z])', '', title), 'sections': [], 'projects': []}
        pillar['measures'].append(measure)
        i = nxt[0] + 1; continue
    if l.startswith('事務事業名\t'):
        i += 1
        while i < len(src) and ('\t' in src[i] or not src[i].strip()):
            if '\t' in src[i]:
                cols = src[i].split('\t')
                if cols[0].strip():
                    measure['projects'].append({'title': clean(cols[0]), 'items': []})
                project = measure['projects'][-1]
                evals = []
                for y, r in zip(YEARS, cols[2:7]):
                    r = r.strip(); mark = None
                    if r.endswith('※'): r, mark = r[:-1], '※'
                    if r in ('-', '－', '―', '‐', 'ー'): r = '—'
                    e = {'fiscalYear': y, 'rating': r}
                    if mark: e['mark'] = mark
                    evals.append(e)
                project['items'].append({'id': '%s-%d-%d' % (measure['id'], len(measure['projects']), len(project['items']) + 1),
                                         'title': clean(cols[1]), 'evaluations': evals})
            i += 1
        continue
    if l.startswith('事務事業のR4') or l.startswith('事務事業の R4'):
        paras, i = paragraphs(i + 1)
        measure['sections'].append({'kind': '進捗状況（令和4年度）', 'text': '\n'.join(paras)})
        for p in paras:
            for pr in measure['projects']:
                if pr['title'] in p:
                    for it in pr['items']:
                        it.setdefault('sections', []).append({'kind': '進捗状況（令和4年度）', 'text': p})
        continue
    if l.startswith('※新型コロナ'):
        paras, i = paragraphs(i + 1)
        measure['sections'].append({'kind': '注記', 'text': l + '\n' + '\n'.join(paras)})
        continue
    if l.startswith('進捗に関する意見') or l.startswith('進捗に係る意見'):
        paras, i = paragraphs(i + 1)
        measure['sections'].append({'kind': 'コメント（デジタル推進課）', 'text': '\n'.join(paras)})
        continue
    if l.startswith('○令和5年度以降'):
        rest = [clean(x) for x in src[i + 1:] if x.strip()]
        plan_summary.append(l); plan_summary += rest
        break
    i += 1
plan = {
    'id': 'chigasaki-1', 'municipality': '茅ヶ崎市', 'municipalityKana': 'ちがさきし', 'prefecture': '神奈川県',
    'title': '茅ヶ崎市地域情報化計画', 'period': {'from': 2016, 'to': 2022},
    'adopted': '平成27年度',
    'source': {'file': '004_b7a81e3533938f0b.txt', 'title': '令和4年度 茅ヶ崎市地域情報化計画 事務事業進捗状況評価結果報告書(最終評価)', 'evaluatedUpTo': 2022},
    'pillarLabel': '施策展開の柱', 'measureLabel': '施策',
    'basicPolicy': '\n'.join(x for x in intro if x.startswith('茅ヶ崎市地域情報化計画（') or x.startswith('また、令和2年度には')),
    'summary': '\n'.join(['進捗に係る学識経験者意見（計画全体）'] + plan_summary),
    'ratingScheme': [
        {'symbol': 'A', 'meaning': '達成できた。', 'state': 'ongoing'},
        {'symbol': 'B', 'meaning': '一部達成できなかった。', 'state': 'ongoing'},
        {'symbol': 'C', 'meaning': '達成できなかった。', 'state': 'ongoing'},
        {'symbol': '—', 'meaning': '評価なし（事業の完了または未実施）', 'state': 'unrated'}],
    'pillars': pillars}
# counts
from collections import Counter
for y in YEARS:
    c = Counter(e['rating'] for p in pillars for m in p['measures'] for pr in m['projects'] for it in pr['items'] for e in it['evaluations'] if e['fiscalYear'] == y)
    print(y, dict(c), sum(c.values()))
print([(p['title'], len(p['measures'])) for p in pillars])
class D(yaml.SafeDumper): pass
def str_rep(d, s):
    return d.represent_scalar('tag:yaml.org,2002:str', s, style='|' if '\n' in s else None)
D.add_representer(str, str_rep)
hdr = '# 茅ヶ崎市地域情報化計画: derived from ../shared/seeds/004_b7a81e3533938f0b.txt (令和4年度 最終評価).\n# 施策展開の柱 → 施策 → 事務事業 (projects) → 事務事業細目 (items, rated H30–R4). Lines cut short in the source stay cut.\n'
open(sys.argv[1], 'w').write(hdr + yaml.dump(plan, Dumper=D, allow_unicode=True, sort_keys=False, width=1000))
