import re, yaml, sys
src = open(sys.argv[2] + '/003_4cefa27246f421f4.txt', encoding='utf-8').read().split('\n')
def clean(s):
    s = re.sub(r'</?p>|<input[^>]*>', '', s.replace('\ufffd', ''))
    return re.sub(r'\s+', ' ', s).strip()
CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱'
# SDGs per measure from 表6-1: the last cell of circled numbers
sdgs = {}
for l in src[77:106]:
    cells = [c.strip() for c in l.split('\t')]
    m = [i for i, c in enumerate(cells) if re.fullmatch(r'\d+', c) or re.match(r'\d+ ', c)]
    if not m: continue
    num = int(re.match(r'\d+', cells[m[0]]).group())
    last = [c for c in cells if c and all(ch in CIRCLED + ' ' for ch in c)]
    if last:
        sdgs[num] = ['SDGs ' + ch for ch in last[-1].split()]
pillars = []; measure = None; pending_schedule = False
basic = [clean(l) for l in src[4:17] if l.strip() and not l.startswith('1. ')]
pillar_desc = {}
i = 0
while i < len(src):
    l = src[i]
    mp = re.match(r'^【基本目標([①②③④])】\s*(.*)$', l)
    if mp:
        n = str('①②③④'.index(mp.group(1)) + 1)
        if i < 100:
            title = [x for x in src[i + 1:i + 4] if x.strip()][0].strip()
            desc = []
            j = i + 2
            while j < len(src) and not src[j].startswith(('【基本目標', '3. ')):
                if src[j].strip() and src[j].strip() != title: desc.append(clean(src[j]))
                j += 1
            pillar_desc[n] = (title, '\n'.join(desc))
        elif not any(p['number'] == n for p in pillars):
            title, desc = pillar_desc[n]
            pillars.append({'number': n, 'title': title, 'description': desc, 'measures': []})
        i += 1; continue
    mm = re.match(r'^(\d[\d ]*)\.\s*(.+?)\t+主管課 \(関係課\)\t+(.*)$', l)
    if mm and pillars:
        num = int(mm.group(1).replace(' ', '')); title = clean(mm.group(2))
        tags = []
        if '【自治体 DX】' in title or '【自治体DX】' in title:
            title = clean(title.replace('【自治体 DX】', '').replace('【自治体DX】', '')); tags.append('自治体DX')
        depts = [d for d in re.split(r'\s+', mm.group(3).strip()) if d]
        p = pillars[-1]
        measure = {'id': 'oyama-3-%s-%02d' % (p['number'], len(p['measures']) + 1), 'number': str(num), 'title': title,
                   'departments': [{'name': d} for d in depts], 'tags': tags, 'sections': [], 'schedule': []}
        measure['tags'] += sdgs.get(num, [])
        p['measures'].append(measure); pending_schedule = False
        i += 1; continue
    if measure is not None:
        cells = l.split('\t')
        key = cells[0].strip()
        if key == '目標区分':
            body = cells[1]
            ticked = re.findall(r'(?:■|<input checked="checked" type="checkbox"\s*/>|<input checked[^>]*>)\s*([^□■<]+)', body)
            measure['tags'] += ['目標区分: ' + t.strip() for t in ticked]
        elif key == '施策分野':
            vals = [c.strip() for c in cells[1:] if c.strip()]
            if vals: measure['tags'].append('施策分野: ' + vals[0])
            if '関連計画' in vals:
                k = vals.index('関連計画')
                if k + 1 < len(vals): measure['tags'].append('関連計画: ' + vals[k + 1])
        elif key in ('現状・課題', '施策内容', '期待される効果'):
            measure['sections'].append({'kind': key, 'text': clean(' '.join(cells[1:]))})
        elif key == '実施計画':
            pending_schedule = True
        elif key.startswith('DX 取組事項'):
            measure = None
        elif pending_schedule and key == '' and any(c.strip() for c in cells[1:]):
            vals = [clean(c) for c in cells[1:]][:5]
            for y, v in zip(range(2021, 2026), vals):
                measure['schedule'].append({'fiscalYear': y, 'text': v})
            pending_schedule = False
    i += 1
dx = {}
group = None
for l in src:
    cells = l.split('\t')
    if cells[0].startswith('【') and 'DX' in cells[0] or cells[0].startswith('【各団体'):
        group = cells[0].strip('【】 ')
        continue
    m0 = re.match(r'^\((\d)\)(.+)$', cells[0])
    if group and m0 and len(cells) > 1:
        kind = '自治体DX重点取組事項' if group.startswith('自治体 DX の重点') else ('デジタル社会の実現に向けた取組' if 'デジタル社会' in group else '必要に応じて実施を検討する取組')
        for n in re.findall(r'<u>(\d+)\.', cells[1]):
            dx.setdefault(int(n), []).append(kind + ': ' + clean(m0.group(2)))
for p in pillars:
    for m in p['measures']:
        m['tags'] += dx.get(int(m['number']), [])
plan = {'id': 'oyama-3', 'municipality': '小山市', 'municipalityKana': 'おやまし', 'prefecture': '栃木県',
        'title': '第3次小山市情報化基本計画', 'period': {'from': 2021, 'to': 2025},
        'source': {'file': '003_4cefa27246f421f4.txt', 'title': '第3次情報化基本計画 第6章 情報化施策の展開'},
        'pillarLabel': '基本目標', 'measureLabel': '情報化施策',
        'basicPolicy': '\n'.join(basic),
        'pillars': pillars}
print([(p['title'], len(p['measures'])) for p in pillars], sum(len(p['measures']) for p in pillars))
for p in pillars:
    for m in p['measures']:
        if len(m['schedule']) != 5 or len(m['sections']) != 3 or not any(t.startswith('目標区分') for t in m['tags']) or not any(t.startswith('SDGs') for t in m['tags']):
            print('CHECK', m['id'], m['number'], m['title'], len(m['schedule']), len(m['sections']), m['tags'])
class D(yaml.SafeDumper): pass
D.add_representer(str, lambda d, s: d.represent_scalar('tag:yaml.org,2002:str', s, style='|' if '\n' in s else None))
hdr = '# 第3次小山市情報化基本計画 第6章: derived from ../shared/seeds/003_4cefa27246f421f4.txt.\n# 主管課 (関係課): the converted text lists the departments without marking which is 主管課, so no role is given.\n# Cells cut short in the source stay cut.\n'
open(sys.argv[1], 'w').write(hdr + yaml.dump(plan, Dumper=D, allow_unicode=True, sort_keys=False, width=1000))
