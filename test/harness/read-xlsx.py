"""Reads an .xlsx from stdin with the Python standard library only (zipfile + ElementTree), independent of
exceljs, and prints {sheet name: rows} as JSON. Each cell is {"t": "n"|"s"|"b"|"d", "v": value}: dates
are cells whose style's number format is a date format, given as ISO text (UTC, as the 1900 serial says)."""
import io, json, re, sys, zipfile, datetime
import xml.etree.ElementTree as ET

NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
      'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'}
REL = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id'
BUILTIN_DATE_FORMATS = set(range(14, 23))

def text_of(node):
    return ''.join(t.text or '' for t in node.iter('{%s}t' % NS['m']))

def column_index(ref):
    letters = re.match(r'[A-Z]+', ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n - 1

def main():
    z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))
    names = set(z.namelist())
    shared = []
    if 'xl/sharedStrings.xml' in names:
        shared = [text_of(si) for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', NS)]
    date_styles = set()
    if 'xl/styles.xml' in names:
        styles = ET.fromstring(z.read('xl/styles.xml'))
        custom_dates = {int(f.get('numFmtId')) for f in styles.findall('m:numFmts/m:numFmt', NS)
                        if re.search(r'[ymdhs]', re.sub(r'"[^"]*"|\[[^\]]*\]', '', f.get('formatCode')))}
        for i, xf in enumerate(styles.findall('m:cellXfs/m:xf', NS)):
            fmt = int(xf.get('numFmtId', '0'))
            if fmt in BUILTIN_DATE_FORMATS or fmt in custom_dates:
                date_styles.add(i)
    workbook = ET.fromstring(z.read('xl/workbook.xml'))
    rels = ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
    targets = {r.get('Id'): r.get('Target') for r in rels}
    out = {}
    for sheet in workbook.findall('m:sheets/m:sheet', NS):
        target = targets[sheet.get(REL)].lstrip('/')
        path = target if target.startswith('xl/') else 'xl/' + target
        rows = []
        for row in ET.fromstring(z.read(path)).iter('{%s}row' % NS['m']):
            cells = []
            for c in row.findall('m:c', NS):
                idx = column_index(c.get('r'))
                while len(cells) < idx:
                    cells.append(None)
                t = c.get('t', 'n')
                v = c.find('m:v', NS)
                if t == 's':
                    cell = {'t': 's', 'v': shared[int(v.text)]}
                elif t == 'inlineStr':
                    cell = {'t': 's', 'v': text_of(c.find('m:is', NS))}
                elif t == 'str':
                    cell = {'t': 's', 'v': v.text if v is not None else ''}
                elif t == 'b':
                    cell = {'t': 'b', 'v': v.text == '1'}
                elif v is None:
                    cell = None
                elif int(c.get('s', '0')) in date_styles:
                    when = datetime.datetime(1899, 12, 30) + datetime.timedelta(days=float(v.text))
                    cell = {'t': 'd', 'v': when.isoformat(timespec='milliseconds') + 'Z'}
                else:
                    cell = {'t': 'n', 'v': float(v.text)}
                cells.append(cell)
            rows.append(cells)
        out[sheet.get('name')] = rows
    json.dump(out, sys.stdout, ensure_ascii=False)

main()
