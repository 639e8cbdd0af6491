#!/usr/bin/python3
"""The desk in a real browser: Debian's chromium, driven by selenium and
chromium-driver, against `jixiao serve --port 0`.

Uploads a filled 自评表 with a wrong score and sees its findings; downloads
the annotated copy and reads it back; uploads three files and downloads
汇总.xlsx; switches to English; uploads a file over the limit and sees the
message. Then a server with --db: the 历史 page answers a project across
two years, downloads the answer as .xlsx, and shows a project name written
as HTML as text. Screenshots go to SHOTS (docs/screenshots holds three of
them).

Usage: serve_browser.py JIXIAO SHOTS   (exit 77: chromium, chromium-driver
or python3-selenium missing, so ctest reports the test as skipped)
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

try:
    import openpyxl
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError as e:
    print(f'skipped: {e}')
    sys.exit(77)

CHROMIUM, DRIVER = '/usr/bin/chromium', '/usr/bin/chromedriver'


def fail(msg):
    print(f'FAIL: {msg}')
    sys.exit(1)


def wrong_score_form(clean, out):
    """The 自评表 `report` wrote, with one indicator's score lowered by 1."""
    wb = openpyxl.load_workbook(clean)
    ws = wb.active
    head = None
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str) and c.value.strip() == '得分' and head is None:
                head = c
    if head is None:
        fail('no 得分 column in the 自评表')
    for r in range(head.row + 1, ws.max_row + 1):
        cell = ws.cell(row=r, column=head.column)
        if isinstance(cell.value, (int, float)) and cell.value >= 2:
            cell.value = cell.value - 1
            wb.save(out)
            return f'{ws.title}!{cell.coordinate}'
    fail('no score to change')


def wait_downloaded(folder, name, timeout=30):
    path = os.path.join(folder, name)
    end = time.time() + timeout
    while time.time() < end:
        if os.path.exists(path) and not os.path.exists(path + '.crdownload'):
            return path
        time.sleep(0.2)
    fail(f'{name} was not downloaded (have: {os.listdir(folder)})')


def archived_project(jixiao, work, db, name, year, replace=()):
    """inputs/jiaocheng-2024 as `year` (with `replace` in its project.yaml), scored into `db`."""
    src = os.path.join(os.getcwd(), 'inputs', 'jiaocheng-2024')
    dst = os.path.join(work, name)
    shutil.copytree(src, dst)
    with open(os.path.join(src, 'project.yaml'), encoding='utf-8') as f:
        yaml = f.read()
    yaml = yaml.replace('system: ../../indicators/', 'system: ' + os.path.join(os.getcwd(), 'indicators') + '/')
    yaml = re.sub(r'year: "\d{4}"', f'year: "{year}"', yaml)
    for a, b in replace:
        if a not in yaml:
            fail(f'{a!r} not in project.yaml')
        yaml = yaml.replace(a, b)
    with open(os.path.join(dst, 'project.yaml'), 'w', encoding='utf-8') as f:
        f.write(yaml)
    subprocess.run([jixiao, 'check', dst, '--db', db], check=True, stdout=subprocess.DEVNULL)


def history_page(jixiao, work, shots, downloads, opts):
    """serve --db: the 历史 page over an archive of two years and a name written as HTML."""
    db = 'sqlite:' + os.path.join(work, 'archive.db')
    archived_project(jixiao, work, db, 'jc-2023', '2023', [('实际支出资金: 925.59', '实际支出资金: 800.00')])
    archived_project(jixiao, work, db, 'jc-2024', '2024')
    archived_project(jixiao, work, db, 'jc-html', '2024',
                     [('  name: 交城县城乡医疗救助补助资金', '  name: "<img src=x onerror=window.pwned=1>救助资金"')])
    server = subprocess.Popen([jixiao, 'serve', '--port', '0', '--data', work, '--db', db],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    driver = None
    try:
        m = re.search(r'http://[0-9.]+:\d+/', server.stdout.readline())
        if not m:
            fail('serve --db printed no address')
        driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
        wait = WebDriverWait(driver, 60)

        def ask(question, subject):  # a question of the 历史 page about a name, asked
            driver.find_element(By.CSS_SELECTOR, f'input[name=question][value={question}]').click()
            field = driver.find_element(By.ID, 'subject')
            field.clear()
            field.send_keys(subject)
            driver.find_element(By.CSS_SELECTOR, '#history-form button[type=submit]').click()

        driver.get(m.group(0))
        tab = driver.find_element(By.ID, 'tab-history')
        if tab.text != '历史':
            fail(f'no 历史 tab: {tab.text!r}')
        tab.click()
        driver.find_element(By.ID, 'subject').send_keys('交城县城乡医疗救助补助资金')
        driver.find_element(By.CSS_SELECTOR, '#history-form button[type=submit]').click()
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, '#history-result table')) == 2)
        text = driver.find_element(By.ID, 'history-result').text
        for want in ('2023', '2024', '交城县医疗保障局'):
            if want not in text:
                fail(f'{want!r} not in the answer:\n{text}')
        driver.save_screenshot(os.path.join(shots, 'serve-history.png'))
        print('历史: a project across two years')

        driver.find_element(By.ID, 'history-xlsx').click()
        book = wait_downloaded(downloads, '项目历年得分.xlsx')
        if len(openpyxl.load_workbook(book).sheetnames) != 2:
            fail('the history workbook has not two sheets')
        print('历史: the answer downloaded as .xlsx')

        ask('department', '交城县医疗保障局')
        wait.until(lambda d: '<img src=x' in d.find_element(By.ID, 'history-result').text)
        if driver.find_elements(By.CSS_SELECTOR, '#history-result img') or driver.execute_script('return window.pwned'):
            fail('a name from the database became HTML')
        print('历史: a name written as HTML shown as text')

        driver.find_element(By.CSS_SELECTOR, 'input[name=question][value=revised]').click()
        limit = driver.find_element(By.ID, 'h-limit')
        if not limit.is_displayed() or limit.get_attribute('value') != '200':
            fail('审核改动的报送 has no 至多列出 field of 200')
        limit.clear()
        limit.send_keys('1')
        driver.find_element(By.CSS_SELECTOR, '#history-form button[type=submit]').click()
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, '#history-result table')
                   or d.find_element(By.ID, 'history-error').is_displayed())
        driver.save_screenshot(os.path.join(shots, 'serve-history-revised.png'))
        print('历史: 审核改动的报送 asked for at most 1')

        ask('project', '没有这个项目')
        err = wait.until(EC.visibility_of_element_located((By.ID, 'history-error')))
        if '没有与' not in err.text:
            fail(f'no message for nothing matching: {err.text!r}')
        print(f'历史: {err.text.strip()}')
    finally:
        if driver:
            driver.quit()
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    jixiao, shots = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    if not (os.path.exists(CHROMIUM) and os.path.exists(DRIVER)):
        print('skipped: chromium or chromium-driver not installed')
        return 77
    os.makedirs(shots, exist_ok=True)
    work = tempfile.mkdtemp(prefix='jixiao-browser-')
    downloads = os.path.join(work, 'downloads')
    os.makedirs(downloads)
    server = driver = None
    try:
        subprocess.run([jixiao, 'report', 'inputs/yaohai-2023', '-o', os.path.join(work, 'out')],
                       check=True, stdout=subprocess.DEVNULL)
        clean = os.path.join(work, 'out', 'yaohai-2023', '自评表.xlsx')
        form = os.path.join(work, '瑶海区自评表.xlsx')
        changed = wrong_score_form(clean, form)
        big = os.path.join(work, '过大的自评表.xlsx')
        with open(big, 'wb') as f:
            f.write(b'\0' * (33 << 20))

        server = subprocess.Popen([jixiao, 'serve', '--port', '0', '--data', work],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        line = server.stdout.readline()
        m = re.search(r'http://[0-9.]+:\d+/', line)
        if not m:
            fail(f'no address printed: {line!r}')
        url = m.group(0)

        opts = webdriver.ChromeOptions()
        opts.binary_location = CHROMIUM
        for a in ('--headless=new', '--no-sandbox', '--disable-gpu', '--window-size=1280,1100',
                  f'--user-data-dir={os.path.join(work, "profile")}'):
            opts.add_argument(a)
        opts.add_experimental_option('prefs', {'download.default_directory': downloads,
                                               'download.prompt_for_download': False})
        driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
        wait = WebDriverWait(driver, 60)
        driver.get(url)
        if '评分与审核' not in driver.find_element(By.ID, 'tab-check').text:
            fail('the page is not in Chinese')

        # One 自评表: its findings, with the changed cell among their places.
        driver.find_element(By.ID, 'files').send_keys(form)
        card = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, '#results .card')))
        wait.until(lambda d: d.find_element(By.ID, 'progress-text').text.startswith('已完成 1 / 1'))
        text = card.text
        for want in ('审核发现', '错误', changed.split('!')[1]):
            if want not in text:
                fail(f'{want!r} not in the result:\n{text}')
        driver.save_screenshot(os.path.join(shots, 'serve-findings.png'))
        print(f'findings shown, {changed} among them')

        view_url = card.find_element(By.LINK_TEXT, '在页面中查看报告').get_attribute('href')

        # The annotated copy, downloaded and read back.
        link = card.find_element(By.LINK_TEXT, '瑶海区自评表.审核.xlsx')
        link.click()
        copy = wait_downloaded(downloads, '瑶海区自评表.审核.xlsx')
        wb = openpyxl.load_workbook(copy)
        if not wb.sheetnames:
            fail('the annotated copy has no sheet')
        print(f'annotated copy read back: sheets {wb.sheetnames}')

        # Three files: a bar, then 汇总.xlsx.
        others = []
        for i in (2, 3):
            p = os.path.join(work, f'第{i}份自评表.xlsx')
            shutil.copy(clean, p)
            others.append(p)
        driver.find_element(By.ID, 'files').send_keys('\n'.join([form] + others))
        wait.until(lambda d: d.find_element(By.ID, 'progress-text').text.startswith('已完成 3 / 3'))
        wait.until(EC.visibility_of_element_located((By.ID, 'summary-link')))
        if len(driver.find_elements(By.CSS_SELECTOR, '#results .card')) != 3:
            fail('not three results')
        driver.save_screenshot(os.path.join(shots, 'serve-three-files.png'))
        driver.find_element(By.ID, 'summary-link').click()
        summary = wait_downloaded(downloads, '汇总.xlsx')
        rows = openpyxl.load_workbook(summary).worksheets[0].max_row
        if rows < 4:
            fail(f'汇总.xlsx has {rows} rows')
        print(f'汇总.xlsx downloaded: {rows} rows')

        # English.
        driver.find_element(By.ID, 'lang').click()
        if driver.find_element(By.ID, 'tab-check').text != 'Score and review':
            fail('the English switch did not switch')
        driver.find_element(By.ID, 'files').send_keys(form)
        wait.until(lambda d: d.find_element(By.ID, 'progress-text').text.startswith('1 of 1'))
        if 'Findings:' not in driver.find_element(By.CSS_SELECTOR, '#results .card').text:
            fail('the findings are not in English')
        driver.save_screenshot(os.path.join(shots, 'serve-english.png'))
        print('English switch works')

        # Over the limit: the server's message in the page.
        driver.find_element(By.ID, 'files').send_keys(big)
        err = wait.until(EC.visibility_of_element_located((By.ID, 'error')))
        if 'limit' not in err.text:
            fail(f'no limit message: {err.text!r}')
        driver.save_screenshot(os.path.join(shots, 'serve-over-limit.png'))
        print(f'over the limit: {err.text}')

        # The start-a-project page.
        driver.find_element(By.ID, 'lang').click()
        driver.find_element(By.ID, 'tab-start').click()
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, '#system option')) > 0)
        driver.find_element(By.CSS_SELECTOR, '#start-form button').click()
        made = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, '#start-result .card')))
        if '数据采集表.xlsx' not in made.text:
            fail(f'no workbook offered: {made.text}')
        driver.save_screenshot(os.path.join(shots, 'serve-start.png'))
        print('start a project: 数据采集表.xlsx offered')

        # A folder chosen: every 自评表 in it, the annotated copies left out.
        driver.find_element(By.ID, 'tab-check').click()
        folder = os.path.join(work, '报送')
        os.makedirs(os.path.join(folder, '乙单位'))
        shutil.copy(clean, os.path.join(folder, '甲单位自评表.xlsx'))
        shutil.copy(clean, os.path.join(folder, '乙单位', '乙单位自评表.xlsx'))
        shutil.copy(clean, os.path.join(folder, '甲单位自评表.审核.xlsx'))
        driver.find_element(By.ID, 'folder').send_keys(folder)
        wait.until(lambda d: d.find_element(By.ID, 'progress-text').text.startswith('已完成 2 / 2'))
        print('a folder: its two 自评表 uploaded')

        # The report, viewed in the page: rendered, its scripts (none) and fetches refused by its policy.
        driver.get(view_url)
        body = driver.find_element(By.TAG_NAME, 'body').text
        if '绩效' not in body or '98' not in body:
            fail(f'the report does not show: {body[:200]!r}')
        driver.save_screenshot(os.path.join(shots, 'serve-report-view.png'))
        print('report viewed in the page')

        # SIGTERM: a clean stop, the private folder gone.
        server.terminate()
        out, _ = server.communicate(timeout=30)
        rc, server = server.returncode, None
        if rc != 0:
            fail(f'the server exited with {rc}:\n{out}')
        if 'AddressSanitizer' in out or 'LeakSanitizer' in out:
            fail(f'the server reported:\n{out}')
        if [n for n in os.listdir(work) if n.startswith('jixiao-serve-')]:
            fail('the private folder is still there after the stop')
        print('stopped cleanly, its folder deleted')

        driver.quit()  # its profile is the next browser's
        driver = None
        history_page(jixiao, work, shots, downloads, opts)
        print('ok')
        return 0
    finally:
        if driver:
            driver.quit()
        if server:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
