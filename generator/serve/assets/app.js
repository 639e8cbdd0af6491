// The desk's page: uploads each file to /api/upload (one request per file,
// so the bar moves as files finish), shows what the commands found, and
// links the outputs; with `serve --db`, 历史 asks the archive the four
// `history` questions. Text from the server (and the database) is set as
// text, never as HTML.
'use strict';

const T = {
  zh: {
    title: 'jixiao 预算绩效评价', tabCheck: '评分与审核', tabStart: '新建项目', lang: 'English',
    intro: '上传填好的自评表、报送的评分表，或项目压缩包（.zip，含 project.yaml、数据采集表.xlsx 和 text/），逐个查看评分、等级和审核发现，并下载报告。',
    drop: '把文件或文件夹拖到这里，可一次多个', choose: '选择文件', chooseFolder: '选择文件夹',
    summary: '下载 汇总.xlsx', zipAll: '下载全部结果（.zip）',
    startIntro: '选择一个内置的指标体系，或上传自己的指标体系（.yaml，或附件1格式的评分表 .xlsx），下载按它生成的数据采集表.xlsx 和 project.yaml。',
    bundled: '内置指标体系', orUpload: '或上传指标体系', make: '生成数据采集表',
    footer: (k) => `文件只在本机处理，结果在最后一次使用 ${k} 分钟后或服务停止时删除。`,
    progress: (d, n) => `已完成 ${d} / ${n} 个文件`,
    kinds: { 'self-form': '自评表', 'scoring-sheet': '评分表', project: '项目', 'collect-workbook': '数据采集表', other: '其他文件' },
    total: '总分', grade: '等级', refused: '无法处理：',
    findings: (e, w) => `审核发现：错误 ${e} 项，警告 ${w} 项`, clean: '审核未发现问题。',
    cols: { sev: '严重程度', place: '位置', kind: '类别', message: '核对意见', effect: '影响' },
    sev: { error: '错误', warning: '警告' },
    scoreCols: { code: '编码', name: '指标', weight: '分值', score: '得分', rate: '得分率', reason: '说明' },
    reviewCols: { code: '编码', name: '指标', weight: '分值', submitted: '报送得分', reviewed: '审核得分', difference: '差额' },
    scoreTable: '评分表', downloads: '下载：', view: '在页面中查看报告', warnings: '提示：',
    network: '无法连接到服务：', made: '已生成：',
    tabHistory: '历史', historyIntro: '查询存档：每个上传并评分的项目都已存入数据库（serve --db）。',
    qProject: '项目历年得分', qDepartment: '主管部门的项目', qSystem: '指标体系得分分布', qRevised: '审核改动的报送',
    subject: { project: '项目名称（或其中一部分）', department: '主管部门', system: '指标体系名称（或其中一部分）' },
    hYear: '年度（可不填）', hDepartment: '主管部门（可不填）', hLimit: '至多列出', ask: '查询', historyXlsx: '下载为 .xlsx',
    previous: (y, t, c) => `上年得分（${y}年度） ${t}　变动 ${c}`,
  },
  en: {
    title: 'jixiao fiscal performance evaluation', tabCheck: 'Score and review', tabStart: 'Start a project', lang: '中文',
    intro: 'Upload a filled 自评表, a submitted 评分表 or a project as a .zip (project.yaml, 数据采集表.xlsx and text/): see each file\'s scores, grade and findings, and download its reports.',
    drop: 'Drop files or folders here, many at once', choose: 'Choose files', chooseFolder: 'Choose a folder',
    summary: 'Download 汇总.xlsx', zipAll: 'Download everything (.zip)',
    startIntro: 'Pick a bundled indicator system or upload your own (.yaml, or a scoring sheet in 附件1\'s layout, .xlsx) and download the 数据采集表.xlsx and project.yaml made for it.',
    bundled: 'Bundled indicator system', orUpload: 'or upload a system', make: 'Make the data-collection workbook',
    footer: (k) => `Files are processed on this machine only; results are deleted ${k} minutes after their last use or when the server stops.`,
    progress: (d, n) => `${d} of ${n} files done`,
    kinds: { 'self-form': '自评表 (self-evaluation form)', 'scoring-sheet': '评分表 (scoring sheet)', project: 'project', 'collect-workbook': '数据采集表', other: 'other file' },
    total: 'Total', grade: 'Grade', refused: 'Could not be processed:',
    findings: (e, w) => `Findings: ${e} error(s), ${w} warning(s)`, clean: 'The review found nothing wrong.',
    cols: { sev: 'Severity', place: 'Place', kind: 'Kind', message: 'Finding', effect: 'Effect' },
    sev: { error: 'error', warning: 'warning' },
    scoreCols: { code: 'Code', name: 'Indicator', weight: 'Weight', score: 'Score', rate: 'Rate', reason: 'Explanation' },
    reviewCols: { code: 'Code', name: 'Indicator', weight: 'Weight', submitted: 'Submitted', reviewed: 'Reviewed', difference: 'Difference' },
    scoreTable: 'Score table', downloads: 'Downloads:', view: 'View the report in the page', warnings: 'Notes:',
    network: 'Cannot reach the server: ', made: 'Made:',
    tabHistory: 'History', historyIntro: 'Ask the archive: every project uploaded and scored here is kept in the database (serve --db).',
    qProject: 'A project across years', qDepartment: 'A department\'s projects', qSystem: 'A system\'s score distribution', qRevised: 'Submissions review changed',
    subject: { project: 'Project name (or a part of it)', department: 'Department (主管部门)', system: 'Indicator system (or a part of its name)' },
    hYear: 'Year (optional)', hDepartment: 'Department (optional)', hLimit: 'At most', ask: 'Ask', historyXlsx: 'Download as .xlsx',
    previous: (y, t, c) => `Last year (${y}) ${t}　change ${c}`,
  },
};

const token = document.querySelector('meta[name="jixiao-token"]').content;
const keep = document.querySelector('meta[name="jixiao-keep"]').content;
const archiveOn = document.querySelector('meta[name="jixiao-history"]').content === '1';
let lang = localStorage.getItem('jixiao-lang') || 'zh';
let job = null;

const $ = (id) => document.getElementById(id);
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v; else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
  return e;
}

function applyLanguage() {
  const t = T[lang];
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t.title;
  for (const e of document.querySelectorAll('[data-i18n]')) {
    const v = t[e.dataset.i18n];
    e.textContent = typeof v === 'function' ? v(keep) : v;
  }
  $('lang').textContent = t.lang;
  historyQuestion();
}

function showError(box, text) {
  box.textContent = text;
  box.hidden = false;
}

async function post(url, form) {
  form.append('lang', lang);
  const r = await fetch(url, { method: 'POST', body: form, headers: { 'X-Jixiao-Token': token, 'X-Jixiao-Lang': lang } });
  let body = null;
  try { body = await r.json(); } catch (e) { body = { error: `HTTP ${r.status}` }; }
  if (!r.ok) throw new Error(body.error || `HTTP ${r.status}`);
  return body;
}

function fileUrl(jobId, d, view) { return `/api/jobs/${jobId}/files/${d.id}` + (view ? '?view=1' : ''); }

function downloadsList(jobId, downloads) {
  const t = T[lang];
  const box = el('p', { class: 'downloads' }, t.downloads + ' ');
  for (const d of downloads) box.append(el('a', { href: fileUrl(jobId, d, false), download: d.name }, d.name));
  const report = downloads.find((d) => d.name === 'report.html');
  if (report) box.append(el('a', { href: fileUrl(jobId, report, true), target: '_blank', rel: 'noopener' }, t.view));
  return box;
}

function table(head, rows) {
  const tb = el('tbody');
  for (const r of rows) tb.append(r);
  return el('table', {}, el('thead', {}, el('tr', {}, ...head.map((h) => el('th', {}, h)))), tb);
}

function findingsBlock(check) {
  const t = T[lang];
  const box = el('div');
  if (!check.findings.length) {
    box.append(el('p', { class: 'ok' }, t.clean));
    return box;
  }
  box.append(el('p', {}, t.findings(check.errors, check.warnings)));
  // The effect on the grade gets a column only when some finding has one.
  const effects = check.findings.some((f) => f.effect);
  const head = [t.cols.sev, t.cols.place, t.cols.kind, t.cols.message];
  if (effects) head.push(t.cols.effect);
  box.append(table(head, check.findings.map((f) => el('tr', { class: f.severity },
    el('td', { class: 'sev' }, t.sev[f.severity] || f.severity),
    el('td', { class: 'place' }, f.place + (f.where ? ` (${f.where})` : '')),
    el('td', {}, f.kind_name),
    el('td', {}, f.message),
    effects ? el('td', {}, f.effect) : null))));
  return box;
}

function scoreBlock(score) {
  const t = T[lang];
  const c = t.scoreCols;
  return table([c.code, c.name, c.weight, c.score, c.rate, c.reason],
    score.indicators.map((i) => el('tr', { class: `level-${i.level}` },
      el('td', {}, i.code), el('td', {}, i.name),
      // Scores come rounded to 2 places (as JSON numbers, which drop trailing zeros).
      el('td', { class: 'num' }, i.weight), el('td', { class: 'num' }, Number(i.score).toFixed(2)),
      el('td', { class: 'num' }, i.rate_percent === null || i.rate_percent === undefined ? '' : `${i.rate_percent}%`),
      el('td', {}, i.reason || i.explanation || ''))));
}

function reviewBlock(check) {
  const c = T[lang].reviewCols;
  return table([c.code, c.name, c.weight, c.submitted, c.reviewed, c.difference],
    check.scores.map((s) => el('tr', {},
      el('td', {}, s.code), el('td', {}, s.name), el('td', { class: 'num' }, s.weight),
      el('td', { class: 'num' }, s.submitted === null ? '' : s.submitted),
      el('td', { class: 'num' }, s.reviewed), el('td', { class: 'num' }, s.difference === null ? '' : s.difference))));
}

function resultCard(jobId, r) {
  const t = T[lang];
  const card = el('div', { class: 'card' });
  card.append(el('h2', {}, r.name, el('span', { class: 'kind' }, t.kinds[r.kind] || r.kind)));
  if (r.refused) {
    card.append(el('p', {}, t.refused), el('pre', { class: 'diag' }, r.diagnostics));
    return card;
  }
  if (r.total) {
    const v = el('p', { class: 'verdict' }, `${t.total} `, el('b', {}, r.total));
    if (r.grade) v.append(`　${t.grade} `, el('b', {}, r.grade));
    if (r.previous_total) v.append('　', el('span', { class: 'previous' }, t.previous(r.previous_year, r.previous_total, r.change)));
    card.append(v);
  }
  if (r.archived) card.append(el('p', { class: 'archived' }, r.archived));
  if (r.check) card.append(findingsBlock(r.check));
  if (r.diagnostics) card.append(el('details', {}, el('summary', {}, t.warnings), el('pre', { class: 'diag' }, r.diagnostics)));
  if (r.score) card.append(el('details', { open: '' }, el('summary', {}, t.scoreTable), scoreBlock(r.score)));
  else if (r.check && r.check.scores.length) card.append(el('details', { open: '' }, el('summary', {}, t.scoreTable), reviewBlock(r.check)));
  if (r.downloads.length) card.append(downloadsList(jobId, r.downloads));
  return card;
}

async function upload(files) {
  const t = T[lang];
  $('error').hidden = true;
  $('results').textContent = '';
  $('all').hidden = true;
  job = null;
  const n = files.length;
  $('progress').hidden = false;
  $('bar').max = n;
  $('bar').value = 0;
  $('progress-text').textContent = t.progress(0, n);
  let done = 0;
  for (const f of files) {
    const form = new FormData();
    if (job) form.append('job', job);
    form.append('files', f, f.name);
    try {
      const r = await post('/api/upload', form);
      job = r.job;
      for (const res of r.results) $('results').append(resultCard(job, res));
    } catch (e) {
      const card = el('div', { class: 'card' }, el('h2', {}, f.name), el('pre', { class: 'diag' }, e.message));
      $('results').append(card);
      showError($('error'), `${f.name}: ${e.message}`);
    }
    done += 1;
    $('bar').value = done;
    $('progress-text').textContent = t.progress(done, n);
  }
  if (job && n > 1) {
    $('summary-link').href = `/api/jobs/${job}/summary.xlsx`;
    $('zip-link').href = `/api/jobs/${job}/all.zip`;
    $('all').hidden = false;
  }
}

async function loadSystems() {
  const r = await fetch('/api/systems');
  const systems = await r.json();
  const select = $('system');
  select.textContent = '';
  for (const s of systems) select.append(el('option', { value: s.file }, `${s.name}（${s.file}）`));
}

async function startProject(ev) {
  ev.preventDefault();
  const t = T[lang];
  $('start-error').hidden = true;
  $('start-result').textContent = '';
  const form = new FormData();
  const file = $('system-file').files[0];
  if (file) form.append('file', file, file.name); else form.append('system', $('system').value);
  try {
    const r = await post('/api/init', form);
    const card = el('div', { class: 'card' });
    if (r.summary) card.append(el('pre', { class: 'diag' }, r.summary));
    if (r.refused) card.append(el('p', {}, t.refused), el('pre', { class: 'diag' }, r.diagnostics));
    else card.append(el('p', {}, t.made), downloadsList(r.job, r.downloads));
    $('start-result').append(card);
  } catch (e) {
    showError($('start-error'), e.message);
  }
}

// 历史: the question asked, its subject or filters, the answer as tables.
function historyQuestion() {
  if (!archiveOn) return;
  const q = document.querySelector('input[name="question"]:checked').value;
  $('subject-row').hidden = q === 'revised';
  $('revised-filters').hidden = q !== 'revised';
  if (q !== 'revised') $('subject-label').textContent = T[lang].subject[q];
}

function historyQuery() {
  const q = document.querySelector('input[name="question"]:checked').value;
  const p = new URLSearchParams({ question: q });
  if (q === 'revised') {
    if ($('h-year').value.trim()) p.set('year', $('h-year').value.trim());
    if ($('h-department').value.trim()) p.set('department', $('h-department').value.trim());
    if ($('h-limit').value.trim()) p.set('limit', $('h-limit').value.trim());
  } else {
    p.set('subject', $('subject').value.trim());
  }
  return p.toString();
}

// A GET that carries the session's token: the archive is shown to this page only.
async function historyFetch(url) {
  const r = await fetch(url, { headers: { 'X-Jixiao-Token': token, 'X-Jixiao-Lang': lang } });
  if (r.ok) return r;
  let body = null;
  try { body = await r.json(); } catch (e) { body = { error: `HTTP ${r.status}` }; }
  throw new Error(body.error || `HTTP ${r.status}`);
}

function historyTable(t) {
  const box = el('div');
  box.append(el('h3', {}, t.title));
  box.append(table(t.heads, t.rows.map((row) => el('tr', {}, ...row.map((c) => {
    // Leading spaces indent an indicator under its parent.
    const indent = c.text.length - c.text.trimStart().length;
    let cls = c.number !== null ? 'num' : (indent ? `indent-${Math.min(indent / 2, 3)}` : '');
    if (c.change && c.number !== null && Number(c.number) !== 0) cls += Number(c.number) > 0 ? ' up' : ' down';
    return el('td', cls ? { class: cls } : {}, c.text.trimStart());
  })))));
  if (t.note) box.append(el('p', { class: 'note' }, t.note));
  return box;
}

async function askHistory(ev) {
  ev.preventDefault();
  $('history-error').hidden = true;
  $('history-result').textContent = '';
  try {
    const r = await (await historyFetch(`/api/history?${historyQuery()}`)).json();
    const card = el('div', { class: 'card' });
    for (const t of r.tables) card.append(historyTable(t));
    $('history-result').append(card);
  } catch (e) {
    showError($('history-error'), e.message);
  }
}

async function historyXlsx() {
  $('history-error').hidden = true;
  try {
    const r = await historyFetch(`/api/history.xlsx?${historyQuery()}`);
    const name = decodeURIComponent((r.headers.get('Content-Disposition') || '').split("UTF-8''")[1] || 'history.xlsx');
    const url = URL.createObjectURL(await r.blob());
    const a = el('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  } catch (e) {
    showError($('history-error'), e.message);
  }
}

function showTab(which) {
  $('check-page').hidden = which !== 'check';
  $('start-page').hidden = which !== 'start';
  $('history-page').hidden = which !== 'history';
  $('tab-check').classList.toggle('active', which === 'check');
  $('tab-start').classList.toggle('active', which === 'start');
  $('tab-history').classList.toggle('active', which === 'history');
  if (which === 'start' && !$('system').options.length) loadSystems().catch((e) => showError($('start-error'), T[lang].network + e.message));
}

$('lang').addEventListener('click', () => {
  lang = lang === 'zh' ? 'en' : 'zh';
  localStorage.setItem('jixiao-lang', lang);
  applyLanguage();
});
$('tab-check').addEventListener('click', () => showTab('check'));
$('tab-start').addEventListener('click', () => showTab('start'));
$('tab-history').addEventListener('click', () => showTab('history'));
$('tab-history').hidden = !archiveOn;
for (const r of document.querySelectorAll('input[name="question"]')) r.addEventListener('change', historyQuestion);
$('history-form').addEventListener('submit', askHistory);
$('history-xlsx').addEventListener('click', historyXlsx);
// The files of a folder worth sending: workbooks and zips, not the annotated
// copies jixiao writes (….审核.xlsx) nor Excel's lock files (~$…).
function wanted(name) {
  return /\.(xlsx|zip)$/i.test(name) && !name.startsWith('~$') && !name.endsWith('.审核.xlsx');
}

// Every wanted file under dropped folders (and the dropped files themselves).
async function entryFiles(entries) {
  const out = [];
  const walk = async (entry) => {
    if (entry.isFile) {
      if (wanted(entry.name)) out.push(await new Promise((ok, no) => entry.file(ok, no)));
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((ok, no) => reader.readEntries(ok, no));
        if (!batch.length) break;
        for (const e of batch) await walk(e);
      }
    }
  };
  for (const e of entries) await walk(e);
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

$('folder').addEventListener('change', (e) => {
  const files = [...e.target.files].filter((f) => wanted(f.name));
  e.target.value = '';
  if (files.length) upload(files);
});
$('files').addEventListener('change', (e) => {
  const files = [...e.target.files];
  e.target.value = '';  // the same file chosen again is a new upload
  if (files.length) upload(files);
});
const drop = $('drop');
drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  // Entries are read while the event lasts; a dropped folder is walked after.
  const entries = [...e.dataTransfer.items].map((i) => i.webkitGetAsEntry && i.webkitGetAsEntry()).filter(Boolean);
  if (entries.length) entryFiles(entries).then((files) => { if (files.length) upload(files); });
  else if (e.dataTransfer.files.length) upload([...e.dataTransfer.files]);
});
$('start-form').addEventListener('submit', startProject);
applyLanguage();
if (location.pathname === '/start') showTab('start');
if (location.hash === '#history' && archiveOn) showTab('history');
